using System.CommandLine;
using System.Globalization;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Treasury;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy treasury</c>: the treasury arithmetic of RULES.md R10 from files — the runway of a proposal from its draws,
/// a dollar cap converted at a month's recorded price, and a check of a prices file. The rules live in
/// <c>Embassy.Domain.Treasury</c>; this file only reads files and prints.
/// </summary>
internal static class TreasuryCommands
{
    /// <summary>The <c>treasury</c> command group.</summary>
    public static Command Create()
    {
        var group = new Command("treasury", "Spending proposals: runway, fiat caps and prices (R10).");
        group.Subcommands.Add(Runway());
        group.Subcommands.Add(Convert());
        group.Subcommands.Add(Prices());
        return group;
    }

    private static Option<int> DecimalsOption() => new("--decimals")
    {
        Description = "Decimals of the token's smallest unit (PHA on Phala: 12; an ERC-20: 18).",
        DefaultValueFactory = _ => Token.Pha.Decimals,
    };

    private static Command Runway()
    {
        var funding = new Option<string?>("--funding") { HelpName = "AMOUNT", Description = "The proposal's funding in whole tokens, e.g. 100,000 (required)." };
        var draws = new Option<string?>("--draws") { HelpName = "FILE.csv", Description = "draws.csv: id,kind,month,amount,date,reference (required)." };
        var through = new Option<string?>("--through") { HelpName = "YYYY-MM", Description = "The last closed month of the window (required)." };
        var window = new Option<int>("--window") { Description = "Months in the window (default 3).", DefaultValueFactory = _ => Domain.Treasury.Runway.DefaultWindow };
        var number = new Option<int>("--proposal") { HelpName = "N", Description = "The proposal's treasury number, for the messages (default 1).", DefaultValueFactory = _ => 1 };
        var decimals = DecimalsOption();
        var command = new Command("runway", "Funding, paid, remaining and runway at the mean spend of the last closed months.") { funding, draws, through, window, number, decimals };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var token = new Token("PHA", Math.Clamp(pr.GetValue(decimals), 0, 30));
            var usage = new List<Diagnostic>();
            var fundingAmount = Required(pr.GetValue(funding), "--funding", usage, t => TokenAmount.Parse(t, token));
            var lastClosed = Required(pr.GetValue(through), "--through", usage, Period.Parse);
            var drawsText = ReadFile(pr.GetValue(draws), "--draws", usage);
            if (pr.GetValue(window) < 1)
            {
                usage.Add(DiagnosticLines.Usage("--window must be at least 1."));
            }

            if (pr.GetValue(number) < 1)
            {
                usage.Add(DiagnosticLines.Usage("--proposal must be a positive number."));
            }

            if (usage.Count > 0 || drawsText is null)
            {
                return Fail(error, usage);
            }

            var parsed = DrawCsv.Parse(drawsText, token, Path.GetFileName(pr.GetValue(draws)));
            if (!parsed.IsSuccess)
            {
                return Fail(error, parsed.Diagnostics);
            }

            var proposal = new SpendingProposal
            {
                Number = pr.GetValue(number), Title = "funding", Proponent = "-", Date = DateOnly.MinValue, Requested = fundingAmount!.Value, Status = ProposalStatus.Funded,
            };
            var ledger = new FundingLedger(proposal);
            var diagnostics = new List<Diagnostic>();
            foreach (var draw in parsed.Value)
            {
                // A file records what was paid: an overdraw in it is reported, and kept, as if an admin had overridden it.
                var recorded = ledger.Record(draw, new DrawOverride("draws file", "recorded in " + Path.GetFileName(pr.GetValue(draws)), DateTimeOffset.UnixEpoch));
                diagnostics.AddRange(recorded.Diagnostics);
                if (recorded.IsSuccess)
                {
                    ledger = recorded.Value;
                }
            }

            DiagnosticLines.Write(error, diagnostics);
            if (diagnostics.Any(d => d.IsError))
            {
                return DiagnosticLines.ExitCode(diagnostics);
            }

            var runway = ledger.RunwayAt(lastClosed!.Value, pr.GetValue(window));
            output.WriteLine($"funding    {ledger.Funding}");
            output.WriteLine($"paid       {ledger.Paid}");
            output.WriteLine($"remaining  {ledger.Remaining}");
            if (!ledger.Overdrawn.IsZero)
            {
                output.WriteLine($"overdrawn  {ledger.Overdrawn}");
            }

            output.WriteLine($"window     {runway.FirstMonth}..{runway.LastClosed} ({runway.Window.ToString(CultureInfo.InvariantCulture)} months), spent {runway.SpentInWindow}, mean {runway.MonthlySpend} a month");
            output.WriteLine($"runway     {runway.Format()}");
            return EmbassyCli.Ok;
        });
        return command;
    }

    private static Command Convert()
    {
        var usd = new Option<string?>("--usd") { HelpName = "DOLLARS", Description = "The dollar amount or cap, e.g. 2,000 (required)." };
        var prices = new Option<string?>("--prices") { HelpName = "FILE.csv", Description = "prices.csv: period,price,source,date (required)." };
        var period = new Option<string?>("--period") { HelpName = "YYYY-MM", Description = "The month whose price converts (required)." };
        var decimals = DecimalsOption();
        var command = new Command("convert", "Tokens worth a dollar amount at a month's recorded price, rounded down to the smallest unit.") { usd, prices, period, decimals };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var token = new Token("PHA", Math.Clamp(pr.GetValue(decimals), 0, 30));
            var usage = new List<Diagnostic>();
            var dollars = Required(pr.GetValue(usd), "--usd", usage, UsdAmount.Parse);
            var month = Required(pr.GetValue(period), "--period", usage, Period.Parse);
            var text = ReadFile(pr.GetValue(prices), "--prices", usage);
            if (usage.Count > 0 || text is null)
            {
                return Fail(error, usage);
            }

            var records = PriceCsv.Parse(text, token, Path.GetFileName(pr.GetValue(prices)));
            if (!records.IsSuccess)
            {
                return Fail(error, records.Diagnostics);
            }

            var price = PriceRecord.For(records.Value, month!.Value, token);
            if (price is null)
            {
                return Fail(error, [Diagnostic.Error(TreasuryCodes.PriceMissing, $"No price for {month.Value} in {pr.GetValue(prices)}.")]);
            }

            var amount = price.Price.TokensWorth(dollars!.Value);
            output.WriteLine($"{dollars.Value} at {price.Price} ({price.Source}, {price.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}) = {amount}");
            output.WriteLine($"units      {amount.Units.ToString(CultureInfo.InvariantCulture)}");
            return EmbassyCli.Ok;
        });
        return command;
    }

    private static Command Prices()
    {
        var file = new Argument<string>("file") { Description = "prices.csv: period,price,source,date." };
        var decimals = DecimalsOption();
        var command = new Command("prices", "Check a prices file and list its months.") { file, decimals };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var token = new Token("PHA", Math.Clamp(pr.GetValue(decimals), 0, 30));
            var usage = new List<Diagnostic>();
            var text = ReadFile(pr.GetValue(file), "file", usage);
            if (text is null)
            {
                return Fail(error, usage);
            }

            var records = PriceCsv.Parse(text, token, Path.GetFileName(pr.GetValue(file)));
            if (!records.IsSuccess)
            {
                return Fail(error, records.Diagnostics);
            }

            foreach (var r in records.Value)
            {
                output.WriteLine($"{r.Period}  {r.Price.Format()} USD/{token.Symbol}  {r.Source}  {r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }

            return EmbassyCli.Ok;
        });
        return command;
    }

    private static T? Required<T>(string? text, string option, List<Diagnostic> usage, Func<string, Result<T>> parse)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            usage.Add(DiagnosticLines.Usage($"{option} is required."));
            return null;
        }

        var r = parse(text);
        usage.AddRange(r.Errors.Select(e => DiagnosticLines.Usage($"{option}: {e.Message}")));
        return r.IsSuccess ? r.Value : null;
    }

    private static string? ReadFile(string? path, string option, List<Diagnostic> usage)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            usage.Add(DiagnosticLines.Usage($"{option} FILE.csv is required."));
            return null;
        }

        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            usage.Add(Diagnostic.Error("CSV_FILE_NOT_FOUND", $"{path}: cannot read the file: {ex.Message}", new SourcePosition(0, 0, Path.GetFileName(path))));
            return null;
        }
    }

    private static int Fail(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        DiagnosticLines.Write(error, list);
        return DiagnosticLines.ExitCode(list);
    }
}
