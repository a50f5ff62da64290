using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Embassy.Chain;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;
using SignerSteps = Embassy.Application.SignerSteps;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy payout build</c>: turns a payouts.csv into what the treasury signers need on the policy's rail
/// (RULES.md R9). Embassy prepares; it never holds or asks for a key.
/// </summary>
internal static class PayoutCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var rail = new Option<string?>("--rail") { Description = "substrate, evm or manual. Default: the policy's rail, else substrate." };
        rail.AcceptOnlyFromAmong("substrate", "evm", "manual");
        var input = new Option<FileInfo>("--input") { Description = "payouts.csv: member,address,amount[,handle], amount in whole tokens (e.g. 8178.333333333333).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the payout files to (created if missing).", Required = true };
        var policy = new Option<string?>("--policy") { Description = "Policy id (e.g. phala-v4, phala-v5-erc20): rail, token, prefix, minimum, contract, chain id and chunk size come from it." };
        var prefix = new Option<ushort?>("--prefix") { Description = "SS58 prefix (default 30, Phala)." };
        var chunkSize = new Option<int?>("--chunk-size") { Description = "Most transfers per batch (default 100)." };
        var tokenContract = new Option<string?>("--token-contract") { Description = "evm: the ERC-20 contract (default: PHA on Ethereum)." };
        var chainId = new Option<ulong?>("--chain-id") { Description = "evm: the chain id (default 1, Ethereum mainnet)." };
        var decimals = new Option<int?>("--decimals") { Description = "Token decimals (default 12 for PHA on Phala; 18 on the evm rail)." };
        var period = new Option<string?>("--period") { Description = "The month paid, YYYY-MM (shown in the manual sheet and batch names)." };

        var build = new Command("build", "Build unsigned payout files from a payouts.csv.")
        {
            rail, input, output, policy, prefix, chunkSize, tokenContract, chainId, decimals, period,
        };
        build.SetAction(pr =>
        {
            var stdout = pr.InvocationConfiguration.Output;
            var stderr = pr.InvocationConfiguration.Error;
            var settings = Settings.Resolve(
                pr.GetValue(policy), pr.GetValue(rail), pr.GetValue(prefix), pr.GetValue(chunkSize),
                pr.GetValue(tokenContract), pr.GetValue(chainId), pr.GetValue(decimals), pr.GetValue(period));
            if (!settings.IsSuccess)
            {
                Report(stderr, settings.Diagnostics);
                return EmbassyCli.UsageError;
            }

            var file = pr.GetValue(input)!;
            if (!file.Exists)
            {
                stderr.WriteLine($"error INPUT_MISSING: {file.FullName} does not exist.");
                return EmbassyCli.UsageError;
            }

            var lines = ReadLines(file, settings.Value.Token);
            Report(stderr, lines.Diagnostics);
            if (!lines.IsSuccess)
            {
                return lines.Errors.Any(e => MonthCsv.FileCodes.Contains(e.Code)) ? EmbassyCli.UsageError : EmbassyCli.Invalid;
            }

            var dir = pr.GetValue(output)!;
            dir.Create();
            return settings.Value.Rail switch
            {
                PayoutRail.Substrate => BuildSubstrate(lines.Value, settings.Value, dir, stdout, stderr),
                PayoutRail.Evm => BuildEvm(lines.Value, settings.Value, dir, stdout, stderr),
                _ => BuildManual(lines.Value, settings.Value, dir, stdout, stderr),
            };
        });

        return new Command("payout", "Payouts on the policy's rail: substrate call data, Safe batches, or sheets.") { build };
    }

    private static int BuildSubstrate(IReadOnlyList<PayoutLine> lines, Settings s, DirectoryInfo dir, TextWriter stdout, TextWriter stderr)
    {
        var result = SubstratePayout.Build(lines, s.Chain, s.ChunkSize);
        Report(stderr, result.Diagnostics);
        if (!result.IsSuccess)
        {
            return EmbassyCli.Invalid;
        }

        var payout = result.Value;
        foreach (var b in payout.Batches)
        {
            File.WriteAllText(Path.Combine(dir.FullName, Inv($"batch-{b.Number:D3}.calldata.hex")), b.CallDataHex + "\n");
        }

        // #13: the steps the signer's page prints, from the same code, in the signing file and the summary.
        var steps = SignerSteps.For(s.Rule, payout);
        File.WriteAllText(Path.Combine(dir.FullName, "substrate-payout.txt"), payout.ToSigningText(s.Title, steps));

        var summary = new
        {
            rail = "substrate",
            chain = payout.Profile.Name,
            ss58Prefix = payout.Profile.Ss58Prefix,
            indices = new { utility = payout.Profile.UtilityPallet, batchAll = payout.Profile.BatchAllCall, balances = payout.Profile.BalancesPallet, transferKeepAlive = payout.Profile.TransferKeepAliveCall },
            policy = s.PolicyId,
            period = s.Period?.ToString(),
            token = payout.Profile.Token.Symbol,
            decimals = payout.Profile.Token.Decimals,
            transfers = payout.TransferCount,
            total = payout.Total.Format(grouped: false),
            totalUnits = Inv($"{payout.Total.Units}"),
            batches = payout.Batches.Select(b => new
            {
                number = b.Number,
                transfers = b.Transfers.Count,
                total = b.Total.Format(grouped: false),
                totalUnits = Inv($"{b.Total.Units}"),
                callHash = b.CallHash,
                callData = b.CallDataHex,
                payments = b.Transfers.Select(t => new { members = t.Members, address = t.Destination.Text, amount = t.Amount.Format(grouped: false), amountUnits = Inv($"{t.Amount.Units}") }),
            }),
            carried = Carried(payout.Carried),
            steps,
        };
        File.WriteAllText(Path.Combine(dir.FullName, "substrate-payout.json"), JsonSerializer.Serialize(summary, Json) + "\n");
        WriteCarried(dir, payout.Carried);

        stdout.WriteLine(Inv($"substrate payout on {payout.Profile.Name} (prefix {payout.Profile.Ss58Prefix}): {payout.TransferCount} transfers, total {payout.Total}, {payout.Batches.Count} batch(es) of at most {s.ChunkSize}"));
        foreach (var b in payout.Batches)
        {
            stdout.WriteLine(Inv($"  batch {b.Number}: {b.Transfers.Count} transfers, {b.Total}, call hash {b.CallHash}"));
        }

        WriteCarriedSummary(stdout, payout.Carried);
        WriteSteps(stdout, steps);
        stdout.WriteLine($"written to {dir.FullName} (substrate-payout.txt: call data and steps); unsigned — the treasury signers submit and approve it.");
        return EmbassyCli.Ok;
    }

    private static int BuildEvm(IReadOnlyList<PayoutLine> lines, Settings s, DirectoryInfo dir, TextWriter stdout, TextWriter stderr)
    {
        var result = EvmPayout.Build(lines, s.Evm, s.ChunkSize, s.Minimum).Map(p => p with { Safe = s.Safe });
        Report(stderr, result.Diagnostics);
        if (!result.IsSuccess)
        {
            return EmbassyCli.Invalid;
        }

        var payout = result.Value;
        var createdAt = TimeProvider.System.GetUtcNow();
        var name = s.Title;
        for (var i = 0; i < payout.Chunks.Count; i++)
        {
            var batchName = payout.Chunks.Count == 1 ? name : Inv($"{name} ({i + 1}/{payout.Chunks.Count})");
            File.WriteAllText(Path.Combine(dir.FullName, Inv($"safe-batch-{i + 1:D3}.json")), payout.ToSafeBatchJson(i, createdAt, batchName) + "\n");
        }

        // Safe's CSV Airdrop takes at most 400 lines: transfers.csv when they fit, else transfers-1.csv, transfers-2.csv, …
        var parts = payout.ToCsvParts();
        for (var i = 0; i < parts.Count; i++)
        {
            File.WriteAllText(Path.Combine(dir.FullName, parts.Count == 1 ? "transfers.csv" : Inv($"transfers-{i + 1}.csv")), parts[i]);
        }

        WriteCarried(dir, payout.Carried);

        // #13: the Safe's file format has no place for them, so the signer's steps go beside the batches.
        var steps = SignerSteps.For(s.Rule, payout);
        File.WriteAllText(Path.Combine(dir.FullName, "signing-steps.txt"), SignerSteps.ToText($"{name}: steps for the Safe owners (batch n is safe-batch-00n.json)", steps));
        stdout.WriteLine(Inv($"evm payout on chain {payout.Profile.ChainId}, token {payout.Profile.Contract} ({payout.Profile.Token.Decimals} decimals): {payout.Transfers.Count} transfers, total {payout.Total}, {payout.Chunks.Count} Safe batch file(s) of at most {s.ChunkSize}"));
        WriteCarriedSummary(stdout, payout.Carried);
        WriteSteps(stdout, steps);
        stdout.WriteLine($"written to {dir.FullName}; load safe-batch-*.json in the Safe Transaction Builder (steps in signing-steps.txt) — the Safe owners sign.");
        return EmbassyCli.Ok;
    }

    private static int BuildManual(IReadOnlyList<PayoutLine> lines, Settings s, DirectoryInfo dir, TextWriter stdout, TextWriter stderr)
    {
        var result = ManualPayout.Build(lines, s.Token, s.Chain.Ss58Prefix, s.Period, s.PolicyId, s.Minimum);
        Report(stderr, result.Diagnostics);
        if (!result.IsSuccess)
        {
            return EmbassyCli.Invalid;
        }

        var payout = result.Value;
        File.WriteAllText(Path.Combine(dir.FullName, "payout.csv"), payout.ToCsv());
        using (var xlsx = File.Create(Path.Combine(dir.FullName, "payout.xlsx")))
        {
            payout.WriteXlsx(xlsx);
        }

        WriteCarried(dir, payout.Carried);
        stdout.WriteLine(Inv($"manual payout: {payout.Rows.Count} payments, total {payout.Total}"));
        WriteCarriedSummary(stdout, payout.Carried);
        stdout.WriteLine($"written to {dir.FullName} (payout.csv, payout.xlsx).");
        return EmbassyCli.Ok;
    }

    private static Result<IReadOnlyList<PayoutLine>> ReadLines(FileInfo file, Token token)
    {
        var diagnostics = new List<Diagnostic>();
        var lines = new List<PayoutLine>();
        var csv = MonthCsvDocument.Read(file.FullName, diagnostics, optionalTrailing: 1); // the handle may be left off
        if (csv is null || !csv.Require(diagnostics, "member", "address", "amount"))
        {
            return Result<IReadOnlyList<PayoutLine>>.Fail(diagnostics);
        }

        csv.WarnUnused(diagnostics, "member", "address", "amount", "handle");
        foreach (var row in csv.Rows)
        {
            var member = row.Get("member");
            if (member.Length == 0 && row.Get("amount").Length == 0 && row.Get("address").Length == 0)
            {
                continue;
            }

            if (member.Length == 0)
            {
                diagnostics.Add(row.Error("PAYOUT_NO_MEMBER", "The line has no member."));
                continue;
            }

            var amount = TokenAmount.Parse(row.Get("amount"), token);
            if (!amount.IsSuccess)
            {
                diagnostics.AddRange(amount.Errors.Select(e => e with { Message = $"{member}: {e.Message}", Position = row.Position }));
                continue;
            }

            var handle = row.Get("handle");
            lines.Add(new PayoutLine(member, row.Get("address"), amount.Value, handle.Length == 0 ? null : handle, row.Position));
        }

        return Result<IReadOnlyList<PayoutLine>>.From(lines, diagnostics);
    }

    private static object[] Carried(IReadOnlyList<CarriedAmount> carried) =>
        carried.Select(c => (object)new { member = c.Member, address = c.Address, amount = c.Amount.Format(grouped: false), amountUnits = Inv($"{c.Amount.Units}") }).ToArray();

    private static void WriteCarried(DirectoryInfo dir, IReadOnlyList<CarriedAmount> carried)
    {
        if (carried.Count == 0)
        {
            return;
        }

        var text = CsvWriter.Document(
        [
            ["member", "address", "amount", CsvWriter.UnitsColumn("amount_units", carried[0].Amount.Token.Decimals)],
            .. carried.Select(c => new[] { c.Member, c.Address, c.Amount.Format(grouped: false), Inv($"{c.Amount.Units}") }),
        ]);
        File.WriteAllText(Path.Combine(dir.FullName, "carried.csv"), text);
    }

    private static void WriteCarriedSummary(TextWriter stdout, IReadOnlyList<CarriedAmount> carried)
    {
        if (carried.Count > 0)
        {
            stdout.WriteLine(Inv($"carried to the next payout (below the minimum): {carried.Count} line(s), see carried.csv"));
        }
    }

    private static void WriteSteps(TextWriter stdout, IReadOnlyList<string> steps)
    {
        stdout.WriteLine("steps for the signers:");
        for (var i = 0; i < steps.Count; i++)
        {
            stdout.WriteLine(Inv($"  {i + 1}. {steps[i]}"));
        }
    }

    private static void Report(TextWriter stderr, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            stderr.WriteLine(d.ToString());
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rail settings: a policy's payout rule (R9) when --policy is given, then explicit options on top.</summary>
    private sealed record Settings(PayoutRail Rail, Token Token, ChainProfile Chain, EvmTokenProfile Evm, int ChunkSize, Period? Period, string? PolicyId, TokenAmount? Minimum, EvmAddress? Safe)
    {
        /// <summary>The batches' name: "Embassy payout", with the month when given.</summary>
        public string Title => "Embassy payout" + (Period is { } p ? " " + p : string.Empty);

        /// <summary>The resolved settings as a payout rule, so the signer's steps are written as for a policy (one text, #13).</summary>
        public PayoutRule Rule => new()
        {
            Rail = Rail,
            Ss58Prefix = Chain.Ss58Prefix,
            ChunkSize = ChunkSize,
            TokenContract = Evm.Contract.Text,
            ChainId = (long)Evm.ChainId,
            Safe = Safe?.Text,
        };

        public static Result<Settings> Resolve(
            string? policyId, string? railText, ushort? prefix, int? chunkSize, string? contract, ulong? chainId, int? decimals, string? periodText)
        {
            Policy? policy = null;
            if (policyId is not null)
            {
                var found = CliPolicies.Current.Catalog.Get(policyId);
                if (!found.IsSuccess)
                {
                    return Result<Settings>.Fail(found.Diagnostics);
                }

                policy = found.Value;
            }

            var rule = policy?.Payout;
            var rail = railText is null ? rule?.Rail ?? PayoutRail.Substrate : AddressCommands.ParseRail(railText);
            var errors = new List<Diagnostic>();
            Period? period = null;
            if (periodText is not null)
            {
                var parsed = Domain.Period.Parse(periodText);
                errors.AddRange(parsed.Errors);
                period = parsed.IsSuccess ? parsed.Value : null;
            }

            // The token: the policy's, else PHA with 12 decimals on Phala and 18 as the ERC-20 (R5).
            var token = policy?.Token ?? new Token("PHA", rail == PayoutRail.Evm ? EvmTokenProfile.PhaOnEthereum.Token.Decimals : Token.Pha.Decimals);
            if (decimals is { } d)
            {
                if (d is < 0 or > 30)
                {
                    errors.Add(Diagnostic.Error("OPTION_INVALID", "--decimals must be 0–30."));
                }
                else
                {
                    token = new Token(token.Symbol, d);
                }
            }

            var chunk = chunkSize ?? rule?.ChunkSize ?? SubstratePayout.DefaultChunkSize;
            if (chunk < 1)
            {
                errors.Add(Diagnostic.Error("OPTION_INVALID", "--chunk-size must be at least 1."));
            }

            var ss58Prefix = prefix ?? rule?.Ss58Prefix ?? ChainProfile.PhalaPrefix;
            if (ss58Prefix > Ss58Address.MaxPrefix || Ss58Address.IsReservedPrefix(ss58Prefix))
            {
                errors.Add(Diagnostic.Error("OPTION_INVALID", "--prefix must be an SS58 prefix 0–16383 other than 46 and 47."));
            }

            // R9: the substrate minimum is the existential deposit, 0.01 of the token unless the policy names one;
            // the other rails carry amounts only below a minimum the policy states.
            var policyMinimum = rule?.Minimum is { } m && Equals(m.Token, token) ? m : (TokenAmount?)null;
            var chain = ChainProfile.Phala with { Ss58Prefix = ss58Prefix, ExistentialDeposit = policyMinimum ?? token.Units(token.UnitsPerToken / 100) };

            var evm = EvmTokenProfile.PhaOnEthereum with { Token = token };
            var contractText = contract ?? rule?.TokenContract;
            if (contractText is not null)
            {
                var parsed = EvmAddress.Parse(contractText);
                if (parsed.IsSuccess)
                {
                    evm = evm with { Contract = parsed.Value };
                }
                else
                {
                    errors.AddRange(parsed.Errors.Select(e => e with { Message = "--token-contract: " + e.Message }));
                }
            }

            // The treasury Safe only a policy names (payout.safe): the batches carry it as createdFromSafeAddress.
            var safe = rail == PayoutRail.Evm && EvmAddress.Parse(rule?.Safe) is { IsSuccess: true } s ? s.Value : null;

            if ((chainId ?? (rule?.ChainId is { } c and > 0 ? (ulong)c : null)) is { } id)
            {
                evm = evm with { ChainId = id };
            }

            return errors.Count > 0
                ? Result<Settings>.Fail(errors)
                : Result<Settings>.Ok(new Settings(rail, token, chain, evm, chunk, period, policy?.Id, policyMinimum, safe));
        }
    }
}
