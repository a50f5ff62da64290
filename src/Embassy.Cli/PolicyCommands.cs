using System.CommandLine;
using System.Globalization;
using System.Text;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Policies;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy policy list | show ID | check FILE…</c>: the shipped policies and their rules in readable form,
/// and a checker for policy files (RULES.md R1) that reports every problem with its file, line and key.
/// </summary>
internal static class PolicyCommands
{
    /// <summary>The <c>policy</c> command group.</summary>
    public static Command Create()
    {
        var group = new Command("policy", "List, show and check policies (the program's versioned rules).");
        group.Subcommands.Add(List());
        group.Subcommands.Add(Show());
        group.Subcommands.Add(Check());
        return group;
    }

    private static Command List()
    {
        var command = new Command("list", "List the shipped policies with the months they are in force.");
        command.SetAction(pr =>
        {
            var catalog = CliPolicies.Current.Catalog;
            var table = new AlignedTable([("id", false), ("version", false), ("name", false), ("in force", false), ("model", false), ("default", false)]);
            foreach (var p in catalog.All)
            {
                table.Add([p.Id, p.Version, p.Name, InForce(p), ModelName(p.Model), ReferenceEquals(p, catalog.Default) ? "*" : string.Empty]);
            }

            table.WriteTo(pr.InvocationConfiguration.Output);
            return EmbassyCli.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<string>("id") { HelpName = "ID|FILE.yaml", Description = "A shipped policy id (see embassy policy list) or a policy .yaml file." };
        var format = new Option<string?>("--format") { HelpName = "text|yaml", Description = "text (default): the rules in readable form; yaml: the policy file itself." };
        var command = new Command("show", "Show a policy's rules.") { id, format };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var name = pr.GetValue(id) ?? string.Empty;
            var fmt = (pr.GetValue(format) ?? "text").Trim().ToLowerInvariant();
            if (fmt is not ("text" or "yaml"))
            {
                error.WriteLine(DiagnosticLines.Format(DiagnosticLines.Usage($"--format '{fmt}' is not one of text, yaml.")));
                return EmbassyCli.UsageError;
            }

            var isFile = MonthInputFiles.LooksLikeFile(name);
            var policy = isFile ? PolicyLoader.LoadFile(name) : CliPolicies.Current.Catalog.Get(name);
            if (!policy.IsSuccess)
            {
                DiagnosticLines.Write(error, policy.Diagnostics);
                return DiagnosticLines.ExitCode(policy.Diagnostics);
            }

            DiagnosticLines.Write(error, policy.Diagnostics);
            if (fmt == "yaml")
            {
                output.Write(isFile ? File.ReadAllText(name, Encoding.UTF8) : CliPolicies.Current.Text(policy.Value.Id));
                return EmbassyCli.Ok;
            }

            output.Write(Describe(policy.Value, ReferenceEquals(policy.Value, CliPolicies.Current.Catalog.Default)));
            return EmbassyCli.Ok;
        });
        return command;
    }

    private static Command Check()
    {
        var files = new Argument<string[]>("files") { HelpName = "FILE.yaml", Description = "Policy .yaml files; several are also checked together for overlapping periods.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check policy files: every problem with its file, line and key; exit 1 on any error.") { files };
        command.SetAction(pr =>
        {
            var output = pr.InvocationConfiguration.Output;
            var error = pr.InvocationConfiguration.Error;
            var all = new List<Diagnostic>();
            var loaded = new List<(Policy Policy, string File)>();
            foreach (var path in pr.GetValue(files) ?? [])
            {
                var result = PolicyLoader.LoadFile(path);
                all.AddRange(result.Diagnostics);
                DiagnosticLines.Write(error, result.Diagnostics);
                if (result.IsSuccess)
                {
                    var p = result.Value;
                    loaded.Add((p, Path.GetFileName(path)));
                    output.WriteLine($"{Path.GetFileName(path)}: OK (id {p.Id}, in force {InForce(p)})");
                }
            }

            // R1: each month is computed under exactly one policy, so a set of files must not overlap.
            if (loaded.Count > 1)
            {
                var together = PolicyCatalog.Create(loaded);
                all.AddRange(together.Diagnostics);
                DiagnosticLines.Write(error, together.Diagnostics);
            }

            return DiagnosticLines.ExitCode(all);
        });
        return command;
    }

    /// <summary>"2024-07 – 2024-08" or "2025-11 – open-ended".</summary>
    private static string InForce(Policy p) => $"{p.From} – {p.Until?.ToString() ?? "open-ended"}";

    private static string ModelName(RewardModel model) => model == RewardModel.DepartmentPools ? "department pools" : "threshold";

    private static string Percent(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string Amount(TokenAmount amount) => amount.ToString();

    /// <summary>The rules in readable form: what a program lead checks against the written program.</summary>
    private static string Describe(Policy p, bool isDefault)
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"{p.Id}: {p.Name} ({p.Version}){(isDefault ? ", the default policy" : string.Empty)}");
        w.WriteLine($"In force:     {InForce(p)}");
        w.WriteLine($"Hash:         {p.Hash}");
        w.WriteLine($"Token:        {p.Token.Symbol}, {p.Token.Decimals.ToString(CultureInfo.InvariantCulture)} decimals");
        w.WriteLine($"Ranks:        {string.Join(" < ", p.Ranks.Select(r => r.Rank.Code + (r.Appointed ? " (appointed)" : string.Empty) + (r.Member ? string.Empty : " (not counted as a member)")))}");
        w.WriteLine($"Model:        {ModelName(p.Model)}");

        var pool = p.Pool;
        var growth = pool.GrowthStep > 0
            ? $"; +{Amount(pool.GrowthAmount)} for every {pool.GrowthStep.ToString(CultureInfo.InvariantCulture)} active members ({pool.ActiveFrom} and above) beyond {pool.BaselineMembers.ToString(CultureInfo.InvariantCulture)}"
            : "; no growth";
        w.WriteLine($"Pool:         {Amount(pool.Base)}{growth}");
        if (p.Model == RewardModel.DepartmentPools)
        {
            w.WriteLine($"Unspent:      {pool.Unspent switch { UnspentRule.CarryForward => "carried forward to the same department", UnspentRule.Redistribute => "redistributed to the other departments by weight", _ => "returns to the treasury" }}");
        }

        var selectable = p.Departments.Where(d => d.Kind == DepartmentKind.Selectable).Select(d => d.Code).ToList();
        var howMany = p.Choice.Min == p.Choice.Max
            ? p.Choice.Min.ToString(CultureInfo.InvariantCulture)
            : $"{p.Choice.Min.ToString(CultureInfo.InvariantCulture)}–{p.Choice.Max.ToString(CultureInfo.InvariantCulture)}";
        var choose = $"{howMany} of {string.Join(", ", selectable)}";
        if (p.Choice.MemberWeights)
        {
            choose += $"; the member shares {p.Choice.SharedPoints} points between them by their own weights";
        }

        w.WriteLine($"Choose:       {choose}");
        w.WriteLine($"Scoring:      steps of {p.Scoring.Step}; percent of {(p.Scoring.Basis == PercentBasis.ChosenDepartments ? "the chosen departments' maximum" : p.Scoring.Total + " points")}");
        w.WriteLine();

        var columns = new List<(string, bool)> { ("code", false), ("name", false), ("kind", false) };
        if (p.Model == RewardModel.DepartmentPools)
        {
            columns.Add(("weight", true));
        }

        columns.Add(("max", true));
        var departments = new AlignedTable(columns);
        foreach (var d in p.Departments)
        {
            var cells = new List<string> { d.Code, d.Name, d.Kind.ToString().ToLowerInvariant() };
            if (p.Model == RewardModel.DepartmentPools)
            {
                cells.Add(Percent(d.WeightBasisPoints));
            }

            cells.Add(
                p.Choice.MemberWeights && d.Kind == DepartmentKind.Selectable ? $"member's weight of {p.Choice.SharedPoints}"
                : d.EffortMax > Points.Zero ? $"{d.Max} (effort {d.EffortMax} + result {d.ResultMax})"
                : d.Max.ToString());
            departments.Add(cells);
        }

        departments.WriteTo(w);

        if (p.Supplementary.Tasks.Count > 0)
        {
            var cap = p.Supplementary.MaxPoints is { } m ? $", at most {m} points" : string.Empty;
            w.WriteLine();
            w.WriteLine($"Supplementary tasks (up to {p.Supplementary.MaxTasks.ToString(CultureInfo.InvariantCulture)} a month{cap}; only outside the chosen departments):");
            foreach (var t in p.Supplementary.Tasks)
            {
                w.WriteLine($"  {t.Code,-6} {t.Name} (max {t.Max})");
            }
        }

        w.WriteLine();
        if (p.Threshold is { } th)
        {
            var full = th.FullReward == FullRewardBasis.PoolPerMember
                ? "the pool divided by the month's members"
                : string.Join(", ", th.ByRank.Select(kv => $"{kv.Key} {Amount(kv.Value)}"));
            w.WriteLine($"Threshold:    full reward {full}; nothing below {th.MinPercent.ToString(CultureInfo.InvariantCulture)} %, otherwise full reward × percent; surplus shared by members at {th.SurplusMinPercent.ToString(CultureInfo.InvariantCulture)} % or more (carried forward when nobody is)");
        }

        var bonuses = p.RankBonuses.Count == 0
            ? "none"
            : string.Join(", ", p.RankBonuses.Select(b => $"{b.Rank} {Amount(b.Amount)}")) + (p.BonusRequiresReport ? " a month, with an accepted report" : " a month");
        w.WriteLine($"Rank bonuses: {bonuses}");
        w.WriteLine($"Promotions:   {Streaks(p.Promotions, "at least")}");
        w.WriteLine($"Terminations: {Streaks(p.Terminations, "below")}");
        w.WriteLine($"Deadline:     end of day {p.Deadline.Day.ToString(CultureInfo.InvariantCulture)} of the next month, {p.Deadline.TimeZone}");
        foreach (var cap in p.FiatCaps)
        {
            var scope = cap.Bounties ? "community bounties" : string.Join(", ", cap.Ranks.Select(r => r.Code)) + " month totals";
            var mode = cap.Rule.Mode == Domain.Treasury.CapMode.Clamp ? "clamped" : "flagged";
            w.WriteLine($"Fiat cap:     {cap.Rule.Name}: {cap.Rule.Cap} a month of {scope} at the month's recorded price; above it is {mode}");
        }

        var payout = p.Payout;
        var rail = payout.Rail switch
        {
            PayoutRail.Substrate => $"substrate (SS58 prefix {payout.Ss58Prefix.ToString(CultureInfo.InvariantCulture)}), batches of {payout.ChunkSize.ToString(CultureInfo.InvariantCulture)}",
            PayoutRail.Evm => $"evm (chain {payout.ChainId?.ToString(CultureInfo.InvariantCulture) ?? "?"}, token {payout.TokenContract ?? "?"}), batches of {payout.ChunkSize.ToString(CultureInfo.InvariantCulture)}",
            _ => "manual (CSV/XLSX)",
        };
        if (payout.Minimum is { } min)
        {
            rail += $", minimum transfer {Amount(min)}";
        }

        w.WriteLine($"Payout:       {rail}");
        return w.ToString();
    }

    private static string Streaks(IReadOnlyList<StreakRule> rules, string comparison) =>
        rules.Count == 0
            ? "none"
            : string.Join("; ", rules.Select(r => $"{r.From} -> {r.To} after {r.Months.ToString(CultureInfo.InvariantCulture)} consecutive months {comparison} {r.Percent.ToString(CultureInfo.InvariantCulture)} %"));
}
