using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.Domain.Treasury;
using Embassy.GitHubStandIn;

namespace Embassy.Application.Tests.Treasury;

/// <summary>
/// Issue #17: a funding proposal may record what it plans to pay in rewards a month, and the month close (preview and
/// lock) warns, with the figures, when a month pays more than the plan of the proposal it would draw on.
/// </summary>
public class MonthlyPlanWarningTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly Period September = new(2024, 9);

    private static ProposalInput WithPlan(SpendingProposal p, string? plan) => new(
        p.Number, p.Title, p.Proponent, p.Date, p.Requested.Format(), p.Status, p.Link?.ToString(), p.Requested.Token.Symbol, p.Requested.Token.Decimals, plan);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PreviewAndLock_PayoutAboveTheProposalsMonthlyPlan_WarnWithTheFigures(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(Now) { AutoAdvance = false };
        await new DemoProgram(test.Factory(), clock).SeedAsync(5, 0, flagged: false);
        var queue = new ReviewQueue(test.Factory(), clock);
        foreach (var item in await queue.ListAsync(September))
        {
            Assert.True((await queue.ScoreAsync(item.ReportId, "rev", [.. item.Departments.Select(d => new ScoreEntry(d, 15, 12)), new ScoreEntry("BASIC", 10, 10)], null)).IsSuccess);
        }

        var workflow = new MonthCloseWorkflow(test.Factory(), clock);
        var store = new TreasuryStore(test.Factory(), clock);
        var before = await workflow.PreviewAsync(September);
        var total = before.Month!.TotalPaid;
        int number;
        await using (var db = test.Context())
        {
            // The proposal the month would draw on (R10: the oldest open one that covers it).
            number = (await TreasuryStore.CheckMonthAsync(db, September, total, new DateOnly(2024, 10, 6)))!.ProposalNumber;
        }

        var proposal = (await store.LedgerAsync(number))!.Proposal;
        var pha = total.Token;

        // A plan of exactly the month's payout: no warning; 1,000 PHA less: a warning naming the payout, the plan, the excess and the proposal.
        var first = await store.SaveAsync(WithPlan(proposal, total.Format(grouped: false)), "admin");
        Assert.True(first.IsSuccess, $"#{number} {proposal.Requested}: " + string.Join("; ", first.Diagnostics));
        var atPlan = await workflow.PreviewAsync(September);
        var planned = total - pha.Whole(1_000);
        var saved = await store.SaveAsync(WithPlan(proposal, planned.Format()), "admin");
        var abovePlan = await workflow.PreviewAsync(September);
        var locked = await workflow.LockAsync(September, "lead", null);

        Assert.DoesNotContain(before.Diagnostics, d => d.Code == CloseWarnings.AbovePlan);
        Assert.DoesNotContain(atPlan.Diagnostics, d => d.Code == CloseWarnings.AbovePlan);
        Assert.Equal(planned, saved.Value.PlannedPerMonth);
        Assert.Equal(planned, (await store.LedgerAsync(number))!.Proposal.PlannedPerMonth);
        var warning = Assert.Single(abovePlan.Diagnostics, d => d.Code == CloseWarnings.AbovePlan);
        Assert.False(warning.IsError);
        Assert.Equal($"The month pays {total}, 1,000 PHA more than the {planned} a month proposal #{number} planned (R10).", warning.Message);
        Assert.True(locked.IsSuccess, string.Join("; ", locked.Diagnostics));
        Assert.Contains(locked.Diagnostics, d => d.Code == CloseWarnings.AbovePlan && d.Message == warning.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_APlanInAnotherTokenPrecision_OrAboveTheRequest_OrUnreadable_IsRefused_AndEmptyClearsIt(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        var store = new TreasuryStore(test.Factory(), new ManualClock(Now) { AutoAdvance = false });
        var input = new ProposalInput(102, "Phala council motion #102", "council", new DateOnly(2024, 6, 1), "1,430,000", ProposalStatus.Funded, PlannedPerMonth: "84,000");

        var created = await store.SaveAsync(input, "admin");
        var tooBig = await store.SaveAsync(input with { PlannedPerMonth = "1,430,001" }, "admin");
        var unreadable = await store.SaveAsync(input with { PlannedPerMonth = "84k" }, "admin");
        var zero = await store.SaveAsync(input with { PlannedPerMonth = "0" }, "admin");
        var kept = (await store.LedgerAsync(102))!.Proposal.PlannedPerMonth;
        var cleared = await store.SaveAsync(input with { PlannedPerMonth = " " }, "admin");

        Assert.Equal(Token.Pha.Whole(84_000), created.Value.PlannedPerMonth);
        Assert.Contains("more than the whole request", Assert.Single(tooBig.Errors).Message, StringComparison.Ordinal);
        Assert.False(unreadable.IsSuccess);
        Assert.Equal(TreasuryCodes.ProposalInvalid, Assert.Single(zero.Errors).Code);
        Assert.Equal(Token.Pha.Whole(84_000), kept);
        Assert.True(cleared.IsSuccess);
        Assert.Null((await store.LedgerAsync(102))!.Proposal.PlannedPerMonth);
    }
}
