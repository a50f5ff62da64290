using Embassy.Domain.Community;

namespace Embassy.Domain.Tests.Community;

public class ApplicationScreenTests
{
    private static readonly DateTimeOffset Now = new(2024, 8, 12, 10, 0, 0, TimeSpan.Zero);

    private static MembershipApplication Form(string login) => new()
    {
        Id = "a1", SubmittedAt = DateTimeOffset.MinValue, Name = "Jaime Flores", GitHubLogin = login, Telegram = "@jimiflowers",
    };

    [Fact]
    public void Screen_FromAPerson_StampsTheSubmissionTime()
    {
        var result = ApplicationRules.Screen(Form("jaime-flores"), "", Now.AddMinutes(-5), Now, []);

        Assert.Equal(Now, result.Value.SubmittedAt);
    }

    [Fact]
    public void Screen_ABot_IsRefusedBeforeTheFieldsAreChecked()
    {
        var result = ApplicationRules.Screen(Form("-bad-"), "buy now", Now.AddMinutes(-5), Now, []);

        Assert.Equal(CommunityCodes.ApplicationHoneypot, result.Errors.Single().Code);
    }

    [Fact]
    public void Screen_APersonWithABadField_GetsTheFieldError()
    {
        var result = ApplicationRules.Screen(Form("-bad-"), null, Now.AddMinutes(-5), Now, []);

        Assert.Equal(CommunityCodes.ApplicationFieldInvalid, result.Errors.Single().Code);
    }
}
