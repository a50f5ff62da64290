using Embassy.Domain.Community;

namespace Embassy.Domain.Tests.Community;

public class SpamGuardTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 12, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Check_PersonFirstSubmission_Passes()
    {
        Assert.Empty(SpamGuard.Default.Check("", Now.AddMinutes(-4), Now, []));
    }

    [Fact]
    public void Check_HoneypotFilled_IsRefused()
    {
        Assert.Equal(CommunityCodes.ApplicationHoneypot, SpamGuard.Default.Check("http://spam.example", Now.AddMinutes(-4), Now, []).Single().Code);
    }

    [Fact]
    public void Check_SubmittedWithinSecondsOfShowingTheForm_IsRefused()
    {
        Assert.Equal(CommunityCodes.ApplicationTooFast, SpamGuard.Default.Check(null, Now.AddSeconds(-1), Now, []).Single().Code);
    }

    [Fact]
    public void Check_FourthFromOneAddressWithinADay_IsRateLimitedWithRetryTime()
    {
        DateTimeOffset[] earlier = [Now.AddHours(-30), Now.AddHours(-20), Now.AddHours(-5), Now.AddHours(-1)];

        var d = SpamGuard.Default.Check(null, Now.AddMinutes(-4), Now, earlier).Single();

        Assert.Equal(CommunityCodes.ApplicationRateLimited, d.Code);
        Assert.Contains("try again after 2024-08-12 14:00 UTC", d.Message, StringComparison.Ordinal); // −20 h + 24 h
    }

    [Fact]
    public void Check_OlderSubmissionsOutsideTheWindow_DoNotCount()
    {
        DateTimeOffset[] earlier = [Now.AddHours(-48), Now.AddHours(-25), Now.AddHours(-24), Now.AddHours(-2)];

        Assert.Empty(SpamGuard.Default.Check(null, Now.AddMinutes(-4), Now, earlier));
    }
}
