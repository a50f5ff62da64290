using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Embassy.Application;
using Embassy.Chain;
using Embassy.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Web.Tests;

/// <summary>A clock that stays where it is put.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A clock a test sets by hand.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// The whole web app in-process on its own SQLite file, with intent methods (Bitwarden-style) so tests read as what a
/// person does: sign in as admin, add a member, sync, score, close a month.
/// </summary>
public sealed partial class EmbassySite : WebApplicationFactory<Program>
{
    /// <summary>"Now" for every site: 20 November 2026; the month under review is October 2026 (policy phala-v5-erc20, evm rail).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static readonly Period LastMonth = new(2026, 10);

    public const string Repo = "phala/ambassadors";

    /// <summary>The API's JSON conventions (web defaults, months as "YYYY-MM").</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new PeriodJsonConverter() } };

    private readonly Dictionary<string, string?> _settings;

    private readonly DateTimeOffset _now;

    /// <summary>A clock a test moves (past a deadline, say); a fixed one at <see cref="Now"/> otherwise.</summary>
    private readonly TimeProvider? _clock;

    public EmbassySite(Uri? github = null, IDictionary<string, string?>? settings = null, Embassy.Data.Tests.TestDatabase? database = null, DateTimeOffset? now = null, TimeProvider? clock = null)
    {
        _now = now ?? Now;
        _clock = clock;
        DataDirectory = Path.Combine(Path.GetTempPath(), "embassy-web-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "sqlite",
            ["Database:DataDirectory"] = DataDirectory,
            ["GitHub:ApiBaseAddress"] = (github ?? new Uri("http://127.0.0.1:9/")).ToString(),
            ["GitHub:Token"] = "standin-token",
            ["GitHub:Repository"] = Repo,
            ["GitHub:WebhookSecret"] = "secret",
            ["GitHub:MaxRetries"] = "0",
            ["GitHub:WriteBack"] = "false", // write-back is on by default with a token; a test that wants it says so
        };
        if (database is not null)
        {
            _settings["Database:Provider"] = database.Options.Provider;
            _settings["Database:ConnectionString"] = database.Options.ResolveConnectionString();
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            _settings[k] = v;
        }
    }

    public string DataDirectory { get; }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }

        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock ?? new FixedClock(_now)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned later.
        }
    }

    // ---- people ----------------------------------------------------------------------------------------

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public Task<HttpClient> SignInAsAdminAsync() => SignInAsAsync("root", Roles.Admin);

    public Task<HttpClient> SignInAsReviewerAsync(string login = "rita") => SignInAsAsync(login, Roles.Reviewer);

    /// <summary>Signs in through a one-time link, as a person would (GET shows the button, POST with anti-forgery redeems).</summary>
    public async Task<HttpClient> SignInAsAsync(string login, string role)
    {
        var secret = await Service<AccessTokens>().IssueSignInAsync(login, role, "test");
        var client = Browser();
        var response = await UseSignInLinkAsync(client, "/signin/once?token=" + secret.Value);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Opens a one-time link and presses its button.</summary>
    public static async Task<HttpResponseMessage> UseSignInLinkAsync(HttpClient client, string pathAndQuery)
    {
        var token = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + pathAndQuery).Query)["token"]!;
        return await PostFormAsync(client, pathAndQuery, new Dictionary<string, string> { ["token"] = token });
    }

    /// <summary>An API client with a fresh token for <paramref name="role"/> (granted first: a token's role is at most its owner's).</summary>
    public async Task<HttpClient> ApiAsAsync(string role, string? login = null)
    {
        var owner = login ?? role + "-bot";
        var tokens = Service<AccessTokens>();
        if (!Roles.Covers(await tokens.RoleOfAsync(owner), role))
        {
            Assert.True((await tokens.GrantAsync(owner, role, "test")).IsSuccess);
        }

        var secret = await tokens.CreateApiTokenAsync(owner, role, "tests", "test");
        Assert.True(secret.IsSuccess, string.Join(" ", secret.Errors.Select(e => e.Message)));
        return ApiWith(secret.Value.Secret);
    }

    /// <summary>An API client that sends <paramref name="secret"/> as its bearer token.</summary>
    public HttpClient ApiWith(string secret)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    // ---- program ---------------------------------------------------------------------------------------

    /// <summary>A valid payout address for the rail of the month under review (EVM, EIP-55).</summary>
    public static string AddressFor(int seed)
    {
        var bytes = new byte[20];
        new Random(seed).NextBytes(bytes);
        return EvmAddress.ToChecksum(bytes);
    }

    public static async Task<MemberDto> AddMemberAsync(HttpClient adminApi, string login, string rank = "candidate", string? address = null, string? name = null)
    {
        var response = await adminApi.PostAsJsonAsync("/api/members", new NewMember(name ?? "Member " + login, login, rank, Address: address ?? AddressFor(login.GetHashCode(StringComparison.Ordinal))));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MemberDto>())!;
    }

    public static async Task<SyncSummary> SyncAsync(HttpClient adminApi)
    {
        var response = await adminApi.PostAsync("/api/admin/sync", null);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<SyncSummary>())!;
    }

    public static async Task<IReadOnlyList<ReviewItem>> QueueAsync(HttpClient reviewerApi, Period period) =>
        (await reviewerApi.GetFromJsonAsync<ReviewItem[]>($"/api/review/{period}", Json))!;

    public static async Task<HttpResponseMessage> ScoreAsync(HttpClient reviewerApi, long reportId, params ScoreEntry[] scores) =>
        await reviewerApi.PostAsJsonAsync($"/api/review/reports/{reportId}/scores", new ScoreRequest(scores, "scored in a test"));

    /// <summary>An amount of a month document as the typed amount (its token and units), to format as pages do.</summary>
    public static TokenAmount Amount(MonthDocument month, AmountDocument amount) =>
        new Token(month.Token.Symbol, month.Token.Decimals, month.Token.DisplayDecimals).Units(UInt128.Parse(amount.Units, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Lock, approve and record a transaction: the month is paid.</summary>
    public static async Task<MonthDocument> CloseMonthAsync(HttpClient adminApi, Period period, string? txHash = null)
    {
        var locked = await adminApi.PostAsync($"/api/admin/months/{period}/lock", null);
        Assert.True(locked.IsSuccessStatusCode, await locked.Content.ReadAsStringAsync());
        var approved = await adminApi.PostAsync($"/api/admin/months/{period}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        // A month with nothing to pay is paid at approval: there is no transaction to record.
        var state = (await adminApi.GetFromJsonAsync<JsonElement>($"/api/admin/months/{period}")).GetProperty("state").GetString();
        if (state == MonthState.Approved)
        {
            var paid = await adminApi.PostAsJsonAsync($"/api/admin/months/{period}/transactions", new TransactionRequest(txHash ?? "0x" + new string('a', 64)));
            Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        }

        return (await approved.Content.ReadFromJsonAsync<MonthDocument>(Json))!;
    }

    /// <summary>GETs a page, takes its anti-forgery token and posts the form (to the page or <paramref name="action"/>).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, "The page has no anti-forgery token: " + page);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(action ?? page, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
