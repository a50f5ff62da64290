using Embassy.Application;
using Embassy.Chain;
using Microsoft.Playwright;
using Nethereum.Signer;

namespace Embassy.Web.Tests;

/// <summary>
/// #13 in Chromium: on /me/address a browser wallet (an EIP-1193 provider) signs the challenge with personal_sign and
/// fills the signature, and the proof is accepted. The wallet is a stand-in injected into the page whose personal_sign
/// signs with a key made for this run (never stored); without a wallet the button stays hidden and pasting still works.
/// </summary>
[Collection(nameof(BrowserWalkthroughTests))]
public sealed class AddressProofBrowserTests
{
    [Fact]
    public async Task SignWithWallet_FillsTheSignature_ProofAccepted_NoWalletNoButton()
    {
        await using var site = new EmbassySite();
        await using var chromium = await BrowserSession.StartAsync(site);
        using var admin = await MemberMonthTests.KestrelApiAsync(site, chromium, Roles.Admin, "ada");
        await EmbassySite.AddMemberAsync(admin, "carol", address: EmbassySite.AddressFor(3));
        var key = EthECKey.GenerateKey();
        var address = EvmAddress.Parse(key.GetPublicAddress()).Value;

        var carol = await chromium.NewPersonAsync();
        var asked = new List<string>();
        await carol.ExposeFunctionAsync("embassyWalletSign", (string message, string account) =>
        {
            asked.Add(account);
            return new EthereumMessageSigner().Sign(Convert.FromHexString(message[2..]), key);
        });
        await carol.AddInitScriptAsync("window.ethereum = { request: async ({ method, params }) => "
            + $"method === 'eth_requestAccounts' ? ['{address.Text}'] "
            + ": method === 'personal_sign' ? await window.embassyWalletSign(params[0], params[1]) "
            + ": Promise.reject(new Error('unsupported ' + method)) };");
        await SignInAsync(site, chromium, carol, "carol");

        await carol.GotoAsync("/me/address");
        await carol.FillAsync("#address", address.Text);
        await carol.ClickAsync("#get-challenge");
        await carol.WaitForSelectorAsync("#challenge");
        Assert.True(await carol.IsVisibleAsync("#sign-with-wallet"));
        Assert.Equal(string.Empty, await carol.InputValueAsync("#signature"));
        await carol.ClickAsync("#sign-with-wallet");
        await carol.WaitForFunctionAsync("() => document.getElementById('signature').value.length > 0");
        var message = await carol.TextContentAsync("#challenge-message");
        var filled = await carol.InputValueAsync("#signature");
        await BrowserSession.ShotAsync(carol, "address-proof-wallet.png");
        await carol.ClickAsync("#prove");
        await carol.WaitForSelectorAsync("#message");
        var done = await carol.InnerTextAsync("#message");
        await chromium.RecordIncidentsAsync(carol);

        // The wallet was asked for the challenge's address and signed the message's UTF-8 bytes, as personal_sign does.
        Assert.Equal([address.Text], asked);
        Assert.Equal(new EthereumMessageSigner().EncodeUTF8AndSign(message!, key), filled);
        Assert.Contains("Nonce: ", message, StringComparison.Ordinal);
        Assert.Equal($"{address.Text} is now your payout address, proven by your signature.", done);
        var newest = (await site.Service<AddressProofs>().AddressesAsync("carol"))[0];
        Assert.Equal((address.Text, true), (newest.Address, newest.ProvenAt is not null));

        // Without a wallet: no button, the signature is pasted by hand as before.
        var plain = await chromium.NewPersonAsync();
        await SignInAsync(site, chromium, plain, "carol");
        await plain.GotoAsync("/me/address");
        await plain.FillAsync("#address", EmbassySite.AddressFor(44));
        await plain.ClickAsync("#get-challenge");
        await plain.WaitForSelectorAsync("#challenge");
        Assert.False(await plain.IsVisibleAsync("#sign-with-wallet"));
        Assert.True(await plain.IsVisibleAsync("#signature"));
        await chromium.RecordIncidentsAsync(plain);
        Assert.Empty(chromium.Incidents); // no dialog, nothing the CSP had to block
    }

    private static async Task SignInAsync(EmbassySite site, BrowserSession chromium, IPage page, string login)
    {
        var link = (await site.Service<AccessTokens>().IssueSignInAsync(login, Roles.Member, "ada")).Value;
        await page.GotoAsync("/signin/once?token=" + link);
        await page.ClickAsync("#use-link");
        await page.WaitForURLAsync(chromium.BaseUrl + "/");
    }
}
