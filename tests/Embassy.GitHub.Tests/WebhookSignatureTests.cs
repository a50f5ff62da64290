using System.Text;

namespace Embassy.GitHub.Tests;

public sealed class WebhookSignatureTests
{
    // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
    [Fact]
    public void Sign_GitHubDocumentedExample_MatchesTheirValue() =>
        Assert.Equal(
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            WebhookSignature.Sign("It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World!")));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17 ")]
    public void IsValid_ForgedOrMalformed_IsFalse(string? header) =>
        Assert.False(WebhookSignature.IsValid("It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World!"), header));

    [Fact]
    public void IsValid_RightSignature_IsTrue_OnlyWithTheSameSecretAndBody()
    {
        var body = Encoding.UTF8.GetBytes("Hello, World!");
        var header = WebhookSignature.Sign("It's a Secret to Everybody", body);
        Assert.True(WebhookSignature.IsValid("It's a Secret to Everybody", body, header));
        Assert.False(WebhookSignature.IsValid("another secret", body, header));
        Assert.False(WebhookSignature.IsValid("It's a Secret to Everybody", Encoding.UTF8.GetBytes("Hello, World?"), header));
        Assert.False(WebhookSignature.IsValid(null, body, header));
    }

    [Fact]
    public void RepositoryName_ParsesOwnerSlashName()
    {
        Assert.Equal("phala/ambassadors", RepositoryName.Of("Phala/Ambassadors").Key);
        Assert.False(RepositoryName.Parse("phala").IsSuccess);
        Assert.False(RepositoryName.Parse("a/b/c").IsSuccess);
        Assert.Equal(RepositoryName.Of("A/B"), RepositoryName.Of("a/b"));
    }
}
