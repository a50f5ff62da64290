using System.Globalization;
using System.Text;
using System.Text.Json;
using Embassy.Application;
using Embassy.Data.Entities;
using Embassy.Data.Tests;
using Embassy.Domain;
using Embassy.Domain.Rules;
using Embassy.GitHubStandIn;
using Embassy.Policies;
using static Embassy.Cli.Tests.CliRunner;

namespace Embassy.Cli.Tests;

/// <summary>
/// One computation path (issue: "a month computed by embassy allocate and by the web close from the same scores,
/// members, history and prices is identical to the unit, including fiat caps"): random months are put into a database
/// as reports and reviewers' scores, and written as the CSV files a program lead would give the CLI; the web close's
/// preview and <c>embassy allocate</c> must agree on every member's amounts, the pool, unspent and carried.
/// </summary>
public sealed class MonthPathsAgreeTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("embassy-cli-paths-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>Seeds over every shipped policy; the capped phala-v1 comes up with and without a cap that bites.</summary>
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in Environment.GetEnvironmentVariable(TestDatabase.SkipPostgresVariable) == "1" ? ["sqlite"] : new[] { "sqlite", "postgres" })
        {
            // Three rounds of every policy on SQLite (a capped policy with no price, a biting cap, a cap that does not bite); one on PostgreSQL.
            var seeds = provider == "sqlite" ? 3 * PolicyCatalog.Shipped.All.Count : PolicyCatalog.Shipped.All.Count + 1;
            for (var seed = 1; seed <= seeds; seed++)
            {
                data.Add(provider, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WebCloseAndCliAllocate_GiveTheSameMonth_ToTheUnit(string provider, int seed)
    {
        var rng = new Random(seed);
        var policies = PolicyCatalog.Shipped.All.OrderBy(p => p.From).ToArray();
        var policy = policies[seed % policies.Length];
        var period = policy.From;
        var month = RandomMonth(policy, period, rng, priceCase: seed / policies.Length % 3);

        await using var db = await TestDatabase.CreateMigratedAsync(provider);
        var clock = new ManualClock(period.AddMonths(2).FirstDay.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc)) { AutoAdvance = false };
        await SeedAsync(db, month, period);
        if (month.Price is { } price)
        {
            var recorded = await new TreasuryStore(db.Factory(), clock).RecordPriceAsync(period, price, "CoinGecko monthly close", period.LastDay, "admin");
            Assert.True(recorded.IsSuccess, string.Join("; ", recorded.Errors));
        }

        var preview = await new MonthCloseWorkflow(db.Factory(), clock).PreviewAsync(period);
        var (exit, output, error) = Run([.. CliArgs(month, policy, period), "--format", "json"]);

        var webErrors = preview.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Order().ToArray();
        if (webErrors.Length > 0)
        {
            // The same refusal on both paths (a cap without a price, a rule broken by the random input).
            Assert.NotEqual(0, exit);
            Assert.All(webErrors, code => Assert.Contains(code, error, StringComparison.Ordinal));
            return;
        }

        Assert.True(exit == 0, $"{policy.Id} {period}: {error}");
        var web = preview.Month!;
        static string U(TokenAmount a) => a.Units.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var cli = JsonDocument.Parse(output);
        var root = cli.RootElement;
        Assert.Equal(U(web.Pool), root.GetProperty("pool").GetString());
        Assert.Equal(U(web.Unspent), root.GetProperty("unspent").GetString());
        Assert.Equal(U(web.Carried), root.GetProperty("carried").GetString());
        var cliMembers = root.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, StringComparer.Ordinal);
        Assert.Equal(web.Members.Select(m => m.Login).Order(StringComparer.Ordinal), cliMembers.Keys.Order(StringComparer.Ordinal));
        foreach (var m in web.Members)
        {
            var c = cliMembers[m.Login];
            Assert.Equal(
                (m.Login, m.Rank.Code, U(m.Total), U(m.Bonus), U(m.Capped), m.Status.ToString().ToLowerInvariant()),
                (m.Login, c.GetProperty("rank").GetString(), c.GetProperty("total").GetString(), c.GetProperty("bonus").GetString(), c.GetProperty("capped").GetString(), c.GetProperty("status").GetString()));
            var shares = c.GetProperty("shares").EnumerateObject().Where(p => p.Value.GetString() != "0").ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            Assert.Equal(m.Shares.Where(s => !s.Value.IsZero).Select(s => KeyValuePair.Create(s.Key, U(s.Value))).OrderBy(s => s.Key, StringComparer.Ordinal), shares.OrderBy(s => s.Key, StringComparer.Ordinal));
        }
    }

    /// <summary>A month as a reviewer team would leave it: who is in, what they chose, each reviewer's scores.</summary>
    private sealed record RandomMember(string Login, string Rank, bool Reported, string[] Chosen, Dictionary<string, List<(int Effort, int Result)>> Scores);

    private sealed record MonthCase(IReadOnlyList<RandomMember> Members, string? Price);

    private static MonthCase RandomMonth(Policy policy, Period period, Random rng, int priceCase)
    {
        var ranks = policy.Ranks.Where(r => r.Rank != Rank.Terminated).Select(r => r.Rank.Code).ToArray();
        var selectable = policy.Departments.Where(d => d.Kind == DepartmentKind.Selectable).ToArray();
        var always = policy.Departments.Where(d => d.Kind != DepartmentKind.Selectable).ToArray();
        var members = new List<RandomMember>();
        var count = rng.Next(2, 31);
        for (var i = 1; i <= count; i++)
        {
            var login = string.Create(CultureInfo.InvariantCulture, $"m{i:D2}-{rng.Next(1000)}");
            var chosen = selectable.OrderBy(_ => rng.Next()).Take(rng.Next(policy.Choice.Min, Math.Max(policy.Choice.Min, policy.Choice.Max) + 1)).ToArray();
            var tasks = policy.Supplementary.Tasks.Where(t => policy.FindDepartment(t.Code) is null).OrderBy(_ => rng.Next()).Take(rng.Next(policy.Supplementary.MaxTasks + 1)).ToArray();
            var scores = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
            var reviewers = rng.Next(1, 4);
            // V.3 (R3): the chosen departments share the policy's points equally when the member gives no weights.
            Points MaxOf(Department d) => policy.Choice.MemberWeights && d.Kind == DepartmentKind.Selectable
                ? Points.FromHundredths(policy.Choice.SharedPoints.Hundredths / chosen.Length)
                : d.Max;
            foreach (var (code, effortMax, resultMax, max) in chosen.Concat(always).Select(d => (d.Code, d.EffortMax, d.ResultMax, MaxOf(d)))
                .Concat(tasks.Select(t => (t.Code, Points.Zero, Points.Zero, t.Max))))
            {
                // Whole points: each reviewer's effort and result within the policy's maxima (R3), or a plain total split in two.
                // Mostly good months, so threshold policies (R5: a full reward from 90 %) pay someone too.
                var strong = rng.Next(3) != 0;
                scores[code] = Enumerable.Range(0, reviewers).Select(_ => effortMax > Points.Zero
                    ? (Score(effortMax, strong), Score(resultMax, strong))
                    : Split(Score(max, strong))).ToList();
            }

            members.Add(new RandomMember(login, ranks[rng.Next(ranks.Length)], rng.Next(8) != 0, chosen.Select(d => d.Code).ToArray(), scores));
        }

        // A cap's price: none (the close must refuse), one at which the cap bites, or one at which it does not.
        string? price = policy.FiatCaps.Count == 0 ? null : priceCase switch { 0 => null, 1 => "4", _ => "0.0001" };
        return new MonthCase(members, price);

        static (int, int) Split(int total) => (total / 2, total - (total / 2));

        int Score(Points max, bool strong)
        {
            var whole = (int)(max.Hundredths / 100);
            return strong ? whole - rng.Next((whole / 8) + 1) : rng.Next(whole + 1);
        }
    }

    private static async Task SeedAsync(TestDatabase database, MonthCase month, Period period)
    {
        await using var db = database.Context();
        var joined = period.AddMonths(-3).FirstDay;
        var filed = new DateTimeOffset(period.Next.FirstDay.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc));
        var issue = 0;
        foreach (var r in month.Members)
        {
            var member = new Data.Entities.Member { DisplayName = r.Login.ToUpperInvariant(), Region = "Poland", CreatedAt = filed };
            member.Handles.Add(new MemberHandle { Kind = MemberHandle.GitHub, Value = r.Login, NormalizedValue = r.Login });
            member.RankEvents.Add(new RankEvent { Rank = r.Rank, EffectiveFrom = joined, Actor = "admin", Reason = "test", RecordedAt = filed });
            db.Members.Add(member);
            await db.SaveChangesAsync();
            if (!r.Reported)
            {
                continue;
            }

            issue++;
            var title = $"{period} report";
            var body = "Departments: " + string.Join(", ", r.Chosen);
            var report = new Report
            {
                Repository = "phala/ambassadors",
                IssueNumber = issue,
                GitHubIssueId = 5_000 + issue,
                AuthorLogin = r.Login,
                MemberId = member.Id,
                IssueState = "open",
                Presence = ReportPresence.Present,
                HtmlUrl = string.Create(CultureInfo.InvariantCulture, $"https://github.com/phala/ambassadors/issues/{issue}"),
                CreatedAt = filed,
                UpdatedAt = filed,
                Labels = string.Empty,
                Period = period,
                ReviewState = "pending",
                LatestVersion = 1,
                FirstSeenAt = filed,
                LastSyncedAt = filed,
            };
            report.Versions.Add(new ReportVersion
            {
                Number = 1,
                Title = title,
                Body = body,
                IssueCreatedAt = filed,
                IssueUpdatedAt = filed,
                ContentHash = ReportStore.ContentHash(title, body),
                SyncedAt = filed,
                Parse = new ReportParse { ParserVersion = "test", Period = period, Departments = string.Join(',', r.Chosen), SuggestedScores = "{}", ParsedAt = filed },
            });
            db.Reports.Add(report);
            await db.SaveChangesAsync();
            foreach (var (code, byReviewer) in r.Scores)
            {
                for (var k = 0; k < byReviewer.Count; k++)
                {
                    db.Scores.Add(new Score
                    {
                        ReportId = report.Id,
                        Reviewer = "reviewer-" + k.ToString(CultureInfo.InvariantCulture),
                        Department = code,
                        EffortHundredths = byReviewer[k].Effort * 100,
                        ResultsHundredths = byReviewer[k].Result * 100,
                        RecordedAt = filed.AddDays(1),
                    });
                }
            }

            await db.SaveChangesAsync();
        }
    }

    /// <summary>The CSV files a program lead writes from the same month: members, the reviewers' final scores, choices, prices.</summary>
    private string[] CliArgs(MonthCase month, Policy policy, Period period)
    {
        var step = policy.Scoring.Step.Hundredths;
        var members = new StringBuilder("id,rank,joined\n");
        var scores = new StringBuilder("member,department,effort,result\n");
        var choices = new StringBuilder("member,departments\n");
        var joined = period.AddMonths(-3).FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var r in month.Members)
        {
            members.Append(CultureInfo.InvariantCulture, $"{r.Login},{r.Rank},{joined}\n");
            if (!r.Reported)
            {
                continue;
            }

            if (r.Chosen.Length > 0)
            {
                choices.Append(CultureInfo.InvariantCulture, $"{r.Login},{string.Join(';', r.Chosen)}\n");
            }

            foreach (var (code, byReviewer) in r.Scores)
            {
                // R3, worked out here on its own: the reviewers' mean, rounded half up to the policy's step.
                scores.Append(CultureInfo.InvariantCulture, $"{r.Login},{code},{Mean(byReviewer.Select(s => s.Effort), step)},{Mean(byReviewer.Select(s => s.Result), step)}\n");
            }
        }

        var args = new List<string>
        {
            "allocate", "--period", period.ToString(),
            "--members", Write("members.csv", members), "--scores", Write("scores.csv", scores), "--choices", Write("choices.csv", choices),
        };
        if (month.Price is { } price)
        {
            args.AddRange(["--prices", Write("prices.csv", new StringBuilder($"period,price,source,date\n{period},{price},CoinGecko monthly close,{period.LastDay:yyyy-MM-dd}\n"))]);
        }

        return [.. args];
    }

    private static string Mean(IEnumerable<int> points, long stepHundredths)
    {
        var values = points.Select(p => p * 100m).ToArray();
        var steps = Math.Round(values.Sum() / values.Length / stepHundredths, MidpointRounding.AwayFromZero);
        return (steps * stepHundredths / 100m).ToString("0.##", CultureInfo.InvariantCulture);
    }

    private string Write(string name, StringBuilder text)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }
}
