using System.CommandLine;
using Embassy.Domain;
using Embassy.Domain.Rules;

namespace Embassy.Cli;

/// <summary>
/// <c>embassy allocate</c>: computes one month from CSV files under a policy (RULES.md R3–R8) and prints it as a
/// table, the JSON contract or CSV. Bad input computes nothing: every problem is printed with its file and line.
/// </summary>
internal static class AllocateCommands
{
    /// <summary>The <c>allocate</c> command.</summary>
    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { HelpName = "ID|FILE.yaml", Description = "A shipped policy id (embassy policy list) or a policy .yaml file; default: the shipped policy in force for --period." };
        var period = new Option<string?>("--period") { HelpName = "YYYY-MM", Description = "The month, YYYY-MM (required)." };
        var scores = new Option<string?>("--scores") { HelpName = "FILE.csv", Description = "scores.csv: member,department,effort,result or member,department,points (required)." };
        var members = new Option<string?>("--members") { HelpName = "FILE.csv", Description = "members.csv: id,rank[,joined,left,region]. Default: everyone in the scores, rank ambassador." };
        var choices = new Option<string?>("--choices") { HelpName = "FILE.csv", Description = "choices.csv: member,departments (CM;MK or V.3 weights MK:90;CC:10)." };
        var history = new Option<string?>("--history") { HelpName = "FILE.csv", Description = "history.csv: period,member,rank,percent,status for promotion streaks." };
        var carried = new Option<string?>("--carried") { HelpName = "FILE.csv", Description = "carried.csv: department,amount carried in from earlier months (whole tokens; department * for the whole pool)." };
        var bonuses = new Option<string?>("--bonuses") { HelpName = "FILE.csv", Description = "bonuses.csv: member,amount,reason,approver (approved ad-hoc bonuses, whole tokens)." };
        var prices = new Option<string?>("--prices") { HelpName = "FILE.csv", Description = "prices.csv: period,price,source,date (the treasury import's format), for a policy's fiat caps (R10)." };
        var pool = new Option<string?>("--pool") { HelpName = "AMOUNT", Description = "Base pool in whole tokens, replacing the policy's (the program lead's decision)." };
        var format = new Option<string?>("--format") { HelpName = "table|json|csv", Description = "table (default), json or csv." };

        var command = new Command("allocate", "Compute a month's rewards from scores under a policy.")
        {
            policy, period, scores, members, choices, history, carried, bonuses, prices, pool, format,
        };
        command.SetAction(pr => Run(
            pr.InvocationConfiguration.Output,
            pr.InvocationConfiguration.Error,
            new AllocateRequest(
                pr.GetValue(policy),
                pr.GetValue(period),
                pr.GetValue(scores),
                pr.GetValue(members),
                pr.GetValue(choices),
                pr.GetValue(history),
                pr.GetValue(carried),
                pr.GetValue(bonuses),
                pr.GetValue(prices),
                pr.GetValue(pool),
                pr.GetValue(format))));
        return command;
    }

    private static int Run(TextWriter output, TextWriter error, AllocateRequest request)
    {
        var format = (request.Format ?? "table").Trim().ToLowerInvariant();
        var usage = new List<Diagnostic>();
        if (!AllocationOutput.Formats.Contains(format))
        {
            usage.Add(DiagnosticLines.Usage($"--format '{request.Format}' is not one of {string.Join(", ", AllocationOutput.Formats)}."));
        }

        if (string.IsNullOrWhiteSpace(request.Scores))
        {
            usage.Add(DiagnosticLines.Usage("--scores FILE.csv is required."));
        }

        var period = MonthInputFiles.ParsePeriod(request.Period);
        usage.AddRange(period.Diagnostics);
        if (usage.Any(d => d.IsError))
        {
            return Fail(error, usage);
        }

        var policyResult = MonthInputFiles.ResolvePolicy(request.Policy, period.Value);
        if (!policyResult.IsSuccess)
        {
            return Fail(error, policyResult.Diagnostics);
        }

        var policy = policyResult.Value;
        var diagnostics = new List<Diagnostic>(policyResult.Diagnostics);
        var files = new MonthFiles(request.Scores!, request.Members, request.Choices, request.History);
        var sheets = MonthInputFiles.Read(files, MonthInputFiles.RankCodes([policy]));
        diagnostics.AddRange(sheets.Diagnostics);

        // The files that need the policy's token are read too, so every error is reported in one run.
        IReadOnlyDictionary<string, TokenAmount> carriedIn = new Dictionary<string, TokenAmount>();
        if (request.Carried is not null)
        {
            var r = MonthCsv.ReadCarried(request.Carried, policy);
            diagnostics.AddRange(r.Diagnostics);
            carriedIn = r.IsSuccess ? r.Value : carriedIn;
        }

        IReadOnlyList<AdHocBonus> bonuses = [];
        if (request.Bonuses is not null)
        {
            var memberIds = sheets.IsSuccess ? sheets.Value.Members.Select(m => m.Id).ToList() : null;
            var r = MonthCsv.ReadBonuses(request.Bonuses, policy.Token, memberIds);
            diagnostics.AddRange(r.Diagnostics);
            bonuses = r.IsSuccess ? r.Value : bonuses;
        }

        var priceList = MonthInputFiles.ReadPrices(request.Prices, policy.Token, diagnostics);

        TokenAmount? poolOverride = null;
        if (request.Pool is not null)
        {
            var r = TokenAmount.Parse(request.Pool, policy.Token);
            diagnostics.AddRange(r.Errors.Select(e => DiagnosticLines.Usage($"--pool: {e.Message}")));
            poolOverride = r.IsSuccess ? r.Value : null;
        }

        if (diagnostics.Any(d => d.IsError))
        {
            return Fail(error, diagnostics);
        }

        var input = MonthInputFiles.ToInput(sheets.Value, policy, period.Value) with
        {
            CarriedIn = carriedIn,
            Bonuses = bonuses,
            PoolOverride = poolOverride,
            Prices = priceList,
        };
        var month = MonthEngine.Compute(input);
        diagnostics.AddRange(month.Diagnostics);
        DiagnosticLines.Write(error, diagnostics);
        if (!month.IsSuccess)
        {
            return DiagnosticLines.ExitCode(diagnostics);
        }

        AllocationOutput.Write(output, month.Value, format);
        return EmbassyCli.Ok;
    }

    private static int Fail(TextWriter error, IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        DiagnosticLines.Write(error, list);
        return DiagnosticLines.ExitCode(list);
    }

    private sealed record AllocateRequest(
        string? Policy,
        string? Period,
        string? Scores,
        string? Members,
        string? Choices,
        string? History,
        string? Carried,
        string? Bonuses,
        string? Prices,
        string? Pool,
        string? Format);
}
