using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Embassy.Application;
using Embassy.Data.Tests;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Web.Tests;

/// <summary>
/// The scale path for real (issue #15): two web processes of the built app on one PostgreSQL, behind nginx with a
/// round-robin upstream, so consecutive requests go to alternating instances (nginx names the one in X-Upstream).
/// A sign-in made by one instance is honoured by the other (the key ring is in the database), so is an anti-forgery token;
/// a month closed through the proxy is on the public pages of both at once (the cache generation is in the database); the
/// same webhook delivered to both is stored once.
/// </summary>
public sealed partial class ScaleOutTests
{
    [Fact]
    public async Task TwoInstancesBehindNginx_ShareSignInCachesAndWebhooks()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        await using var github = await GitHubStandIn.GitHubStandIn.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["EMBASSY_Database__Provider"] = "postgres",
            ["EMBASSY_Database__ConnectionString"] = database.Options.ResolveConnectionString(),
            ["EMBASSY_GitHub__ApiBaseAddress"] = github.ApiBaseAddress.ToString(),
            ["EMBASSY_GitHub__Token"] = "standin-token",
            ["EMBASSY_GitHub__Repository"] = EmbassySite.Repo,
            ["EMBASSY_GitHub__WebhookSecret"] = "secret",
            ["EMBASSY_GitHub__WriteBack"] = "false",
            ["EMBASSY_Proxy__KnownProxies"] = "127.0.0.1",
        };

        // One after the other, as a rolling start would: the second start finds the schema migrated and prints the admin link
        // that counts (a start revokes the unused first-run links of earlier ones).
        await using var a = await WebInstance.StartAsync(settings);
        await using var b = await WebInstance.StartAsync(settings);
        await using var nginx = await Nginx.StartAsync([a.Port, b.Port]);
        var upstreams = new List<string>();
        using var browser = nginx.Client(upstreams);

        // Sign in: the form comes from one instance, its anti-forgery token is checked by the other, the cookie works on both.
        var link = await b.AdminLinkAsync();
        var signedIn = await EmbassySite.UseSignInLinkAsync(browser, link);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotEqual(upstreams[^2], upstreams[^1]);
        for (var i = 0; i < 2; i++)
        {
            using var admin = await browser.GetAsync(new Uri("/admin", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        }

        Assert.Equal(new[] { a.Address, b.Address }.Order(), upstreams[^2..].Order());

        // Both instances have the public home page cached before the month is closed.
        var period = Period.Of(DateTimeOffset.UtcNow).AddMonths(-2); // ended, its report deadline passed
        for (var i = 0; i < 2; i++)
        {
            Assert.DoesNotContain($"/months/{period}", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
        }

        // Close the month through the proxy (the steps alternate between the instances), then read it through both at once.
        using var api = nginx.Client(upstreams);
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await AdminTokenAsync(database));
        var added = await api.PostAsJsonAsync("/api/members", new NewMember("Alice Ops", "alice", "candidate", Address: EmbassySite.AddressFor(7), Since: period.FirstDay));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await EmbassySite.CloseMonthAsync(api, period);
        var readers = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains($"/months/{period}", await browser.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
            readers.Add(upstreams[^1]);
        }

        Assert.Equal(new[] { a.Address, b.Address }.Order(), readers.Order());
        for (var i = 0; i < 2; i++)
        {
            using var month = await browser.GetAsync(new Uri($"/months/{period}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, month.StatusCode);
            Assert.Contains("Alice Ops", await month.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The month's ETag (from its content hash, read from the database) is the same from both instances, and each answers
        // it with a 304. (That a payment or a correction changes it on every host: PublicMonthCachingTests.)
        using var visitor = nginx.Client(upstreams);
        var tags = new List<System.Net.Http.Headers.EntityTagHeaderValue>();
        var tagged = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var page = await visitor.GetAsync(new Uri($"/months/{period}", UriKind.Relative));
            tags.Add(page.Headers.ETag!);
            tagged.Add(upstreams[^1]);
        }

        for (var i = 0; i < 2; i++)
        {
            using var unchanged = await IfNoneMatchAsync(visitor, $"/months/{period}", tags[0]);
            Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
            tagged.Add(upstreams[^1]);
        }

        Assert.NotNull(tags[0]);
        Assert.Equal(tags[0], tags[1]);
        Assert.Equal(new[] { a.Address, a.Address, b.Address, b.Address }.Order(), tagged.Order());

        // A clean start and run: nothing at warning level or worse (no key-ring, query or anti-forgery warning). (The race
        // below is answered right, but EF logs the refused insert of the losing instance as a failure before Embassy's catch.)
        var logged = a.Errors().Concat(b.Errors()).ToList();
        Assert.True(logged.Count == 0, string.Join('\n', logged));

        // The same delivery to both instances at once, then again: one row, one queued answer, the rest duplicates.
        var delivery = Guid.NewGuid().ToString();
        const string Payload = "{\"action\":\"deleted\",\"repository\":{\"id\":1,\"full_name\":\"phala/ambassadors\"},\"issue\":{\"number\":1}}";
        var endpoint = new Uri(nginx.BaseAddress, "/github/webhook");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => GitHubStandIn.GitHubStandIn.SendWebhookAsync(endpoint, "secret", "issues", Payload, delivery)));
        var again = await GitHubStandIn.GitHubStandIn.SendWebhookAsync(endpoint, "secret", "issues", Payload, delivery);
        Assert.Equal([200, 202], statuses.Order());
        Assert.Equal(200, again);
        await using (var db = database.Context())
        {
            Assert.Equal(1, await db.WebhookDeliveries.CountAsync(d => d.DeliveryId == delivery));
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

    }

    private static async Task<HttpResponseMessage> IfNoneMatchAsync(HttpClient client, string path, System.Net.Http.Headers.EntityTagHeaderValue tag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(tag);
        return await client.SendAsync(request);
    }

    /// <summary>An admin API token, made the way <c>/me/tokens</c> makes one, on the shared database.</summary>
    private static async Task<string> AdminTokenAsync(TestDatabase database)
    {
        var tokens = new AccessTokens(database.Factory(), TimeProvider.System, [], null);
        Assert.True((await tokens.GrantAsync("ops-bot", Roles.Admin, "test")).IsSuccess);
        var issued = await tokens.CreateApiTokenAsync("ops-bot", Roles.Admin, "scale-out test", "test");
        Assert.True(issued.IsSuccess);
        return issued.Value.Secret;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository root (the folder holding Embassy.slnx) and this build's configuration (Release, Debug).</summary>
    internal static (string Root, string Configuration) Build()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name; // …/bin/Release/net10.0/
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Embassy.slnx")))
        {
            dir = dir.Parent;
        }

        return (dir?.FullName ?? throw new InvalidOperationException("Embassy.slnx not found above " + AppContext.BaseDirectory), configuration);
    }

    [GeneratedRegex(@"/signin/once\?token=\S+")]
    private static partial Regex AdminLink();

    /// <summary>The built web app (src/Embassy.Web's own output) as a process of its own on a free port.</summary>
    private sealed class WebInstance : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private WebInstance(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

        public static async Task<WebInstance> StartAsync(IReadOnlyDictionary<string, string> settings)
        {
            var (root, configuration) = Build();
            var project = Path.Combine(root, "src", "Embassy.Web");
            var dll = Path.Combine(project, "bin", configuration, "net10.0", "Embassy.Web.dll");
            Assert.True(File.Exists(dll), "The web app is not built: " + dll);
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture)])
            {
                WorkingDirectory = project,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (k, v) in settings)
            {
                start.Environment[k] = v;
            }

            var instance = new WebInstance(Process.Start(start)!, port);
            instance._process.OutputDataReceived += (_, e) => instance.Keep(e.Data);
            instance._process.ErrorDataReceived += (_, e) => instance.Keep(e.Data);
            instance._process.BeginOutputReadLine();
            instance._process.BeginErrorReadLine();
            using var http = new HttpClient { BaseAddress = new Uri("http://" + instance.Address) };
            var until = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                Assert.False(instance._process.HasExited, "The web app exited: " + string.Join('\n', instance._output));
                try
                {
                    if ((await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                    {
                        return instance;
                    }
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }

                Assert.True(DateTime.UtcNow < until, "The web app did not get ready: " + string.Join('\n', instance._output));
                await Task.Delay(200);
            }
        }

        /// <summary>The one-time admin link this instance printed at its start.</summary>
        public async Task<string> AdminLinkAsync()
        {
            for (var i = 0; i < 100; i++)
            {
                if (_output.Select(l => AdminLink().Match(l)).FirstOrDefault(m => m.Success) is { } m)
                {
                    return m.Value;
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException("No admin link printed: " + string.Join('\n', _output));
        }

        /// <summary>Lines the app logged at warning level or worse (the console logger's "warn:", "fail:", "crit:").</summary>
        public IReadOnlyList<string> Errors()
        {
            var lines = _output.ToList();
            return lines.Select((l, i) => (l, i))
                .Where(x => x.l.StartsWith("warn:", StringComparison.Ordinal) || x.l.StartsWith("fail:", StringComparison.Ordinal) || x.l.StartsWith("crit:", StringComparison.Ordinal))
                .Select(x => x.l + (x.i + 1 < lines.Count ? " " + lines[x.i + 1].Trim() : string.Empty)) // the message is on the next line
                .ToList();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Keep(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
            }
        }
    }

    /// <summary>nginx as the current user, its configuration and logs in a temporary folder, round-robin over the instances.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private Nginx(Process process, string folder, int port)
        {
            _process = process;
            _folder = folder;
            BaseAddress = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        }

        public Uri BaseAddress { get; }

        public static async Task<Nginx> StartAsync(IReadOnlyList<int> upstreams)
        {
            const string Binary = "/usr/sbin/nginx";
            Assert.True(File.Exists(Binary), "nginx is not installed (./test installs it: .ci/apt-packages).");
            var folder = Directory.CreateTempSubdirectory("embassy-nginx-").FullName;
            var port = FreePort();
            var servers = string.Concat(upstreams.Select(p => $"        server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)};\n"));

            // Run as root (CI), nginx's workers would switch to "nobody" and lose the temporary folder: keep them as this user.
            var user = Environment.UserName == "root" ? "user root;\n" : string.Empty;
            var config = $$"""
                {{user}}worker_processes 1;
                daemon off;
                pid {{folder}}/nginx.pid;
                error_log {{folder}}/error.log warn;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path {{folder}}/body;
                    proxy_temp_path {{folder}}/proxy;
                    fastcgi_temp_path {{folder}}/fastcgi;
                    uwsgi_temp_path {{folder}}/uwsgi;
                    scgi_temp_path {{folder}}/scgi;
                    upstream embassy {
                {{servers}}    }
                    server {
                        listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}};
                        location / {
                            proxy_pass http://embassy;
                            proxy_next_upstream off;
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            add_header X-Upstream $upstream_addr always;
                        }
                    }
                }
                """;
            var file = Path.Combine(folder, "nginx.conf");
            await File.WriteAllTextAsync(file, config);
            var start = new ProcessStartInfo(Binary, ["-p", folder, "-e", Path.Combine(folder, "error.log"), "-c", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var nginx = new Nginx(Process.Start(start)!, folder, port);
            using var tcp = new TcpClient();
            for (var i = 0; ; i++)
            {
                Assert.False(nginx._process.HasExited, "nginx exited: " + await nginx._process.StandardError.ReadToEndAsync());
                try
                {
                    await tcp.ConnectAsync(IPAddress.Loopback, port);
                    return nginx;
                }
                catch (SocketException) when (i < 100)
                {
                    await Task.Delay(100);
                }
            }
        }

        /// <summary>A client through the proxy that keeps cookies, follows no redirect and notes which instance answered.</summary>
        public HttpClient Client(List<string> upstreams) =>
            new(new UpstreamRecorder(upstreams) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() } })
            {
                BaseAddress = BaseAddress,
            };

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class UpstreamRecorder(List<string> upstreams) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            lock (upstreams)
            {
                upstreams.Add(response.Headers.TryGetValues("X-Upstream", out var values) ? values.First() : "?");
            }

            return response;
        }
    }
}
