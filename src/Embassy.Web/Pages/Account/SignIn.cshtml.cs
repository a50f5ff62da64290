using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Embassy.Web.Pages.Account;

/// <summary>How to sign in: GitHub, or a one-time link.</summary>
public sealed class SignInModel(GitHubOAuthOptions oauth) : PageModel
{
    public bool GitHubEnabled => oauth.Enabled;

    public string ReturnUrl { get; private set; } = "/";

    public bool Failed { get; private set; }

    public void OnGet(string? returnUrl, bool failed)
    {
        ReturnUrl = EmbassyWebSetup.LocalOnly(returnUrl);
        Failed = failed;
    }
}
