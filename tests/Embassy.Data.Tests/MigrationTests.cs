using System.Data.Common;
using Embassy.Data.Entities;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;

namespace Embassy.Data.Tests;

/// <summary>The hand-written migrations: they build the schema the model expects and upgrade without loss.</summary>
public sealed class MigrationTests
{
    private static readonly DateTimeOffset T = new(2024, 12, 3, 10, 30, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_AppliesEveryVersionOnce(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Context();

        var first = await SchemaMigrator.MigrateAsync(db);
        var second = await SchemaMigrator.MigrateAsync(db);

        var shipped = SchemaMigrator.For(test.Provider).Select(m => m.Version).ToList();
        Assert.Equal(shipped, first);
        Assert.Empty(second);
        Assert.Equal(shipped, await SchemaMigrator.AppliedVersionsAsync(db));
        Assert.Contains(6, shipped); // 0006_community
    }

    [Fact]
    public void Migrations_SameVersionsOnEveryProvider()
    {
        var sqlite = SchemaMigrator.For(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name));
        var postgres = SchemaMigrator.For(DatabaseProvider.Postgres).Select(m => (m.Version, m.Name));
        Assert.Equal(sqlite, postgres);
        Assert.True(SchemaMigrator.LatestVersion(DatabaseProvider.Sqlite) >= 3);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_ResultMatchesTheModel(string provider)
    {
        await using var migrated = await TestDatabase.CreateMigratedAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using (var db = created.Context())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var a = migrated.Context();
        await using var b = created.Context();
        var fromMigrations = await ColumnsAsync(a, provider);
        var fromModel = await ColumnsAsync(b, provider);

        Assert.NotEmpty(fromModel);

        // The community tables of migration 0006 are part of the model (and so of the comparison below).
        var tables = fromModel.Select(c => c[..c.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(["membership_applications", "membership_application_reviews", "membership_application_decisions", "crews", "crew_members", "crew_checklist_ticks"], StringComparer.Ordinal),
            tables);

        // No table lives outside the EF model any more: migration 0008 folded the month-close workflow, reviewer notes and
        // late acceptances into it, 0009 the granted roles and access tokens. Every column the migrations make is the model's.
        Assert.Equal(fromModel, fromMigrations);
        Assert.Superset(new HashSet<string>(["users", "access_tokens", "review_notes", "late_acceptances"], StringComparer.Ordinal), tables);
        Assert.DoesNotContain(fromMigrations, c => c.StartsWith("app_", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_FilledFirstSchema_KeepsEveryRow(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Context())
        {
            Assert.Equal([1], await SchemaMigrator.MigrateAsync(db, targetVersion: 1));
            await ExecuteAsync(db, FirstSchemaRows);
            var rest = await SchemaMigrator.MigrateAsync(db);
            Assert.Equal(SchemaMigrator.For(test.Provider).Select(m => m.Version).Where(v => v > 1), rest);

            // The community tables (0006) take rows that refer to the members kept from version 1.
            await ExecuteAsync(db, CommunityRows);
        }

        await using var read = test.Context();

        var members = await read.Members.Include(m => m.Handles).Include(m => m.RankEvents).Include(m => m.PayoutAddresses)
            .OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, members.Count);
        Assert.Equal(("Alice", "EU", T), (members[0].DisplayName, members[0].Region, members[0].CreatedAt));
        Assert.Equal(("Bob", (string?)null), (members[1].DisplayName, members[1].Region));
        Assert.Equal(
            ["discord:alice#1:alice#1", "github:Alice-GH:alice-gh"],
            members[0].Handles.Select(h => $"{h.Kind}:{h.Value}:{h.NormalizedValue}").Order(StringComparer.Ordinal));
        Assert.Equal("github:bob", members[1].Handles.Single().Kind + ":" + members[1].Handles.Single().NormalizedValue);
        Assert.Equal(
            ["candidate 2024-07-01 admin joined", "ambassador 2024-10-01 admin three months at 65 % or more"],
            members[0].RankEvents.OrderBy(r => r.Id).Select(r => $"{r.Rank} {r.EffectiveFrom:yyyy-MM-dd} {r.Actor} {r.Reason}"));
        Assert.Equal(
            "substrate 44aliceSs58 2024-07-01",
            string.Join(";", members[0].PayoutAddresses.Select(a => $"{a.Rail} {a.Address} {a.ValidFrom:yyyy-MM-dd}")));
        Assert.Equal("evm", members[1].PayoutAddresses.Single().Rail);

        var policy = await read.Policies.SingleAsync();
        Assert.Equal(("phala-v4", "4.0", "c0ffee", "from: 2024-07\n", new Period(2024, 7), (Period?)null),
            (policy.Name, policy.Version, policy.ContentHash, policy.Content, policy.EffectiveFrom, policy.EffectiveUntil));

        var periods = await read.Periods.ToListAsync();
        // 0008: a period keeps its policy; its close lives in month_closes only.
        Assert.Equal(
            ["2024-12 1", "2025-01 1"],
            periods.OrderBy(p => p.Period).Select(p => $"{p.Period} {p.PolicyId}"));

        var reports = await read.Reports.Include(r => r.Versions).ThenInclude(v => v.Parse)
            .Include(r => r.Versions).ThenInclude(v => v.Diagnostics).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, reports.Count);
        var alice = reports[0];
        Assert.Equal(
            ("phala/ambassadors", 12, 9001L, "Alice-GH", (long?)1, "open", ReportPresence.Present, new Period(2024, 12), "accepted", 2),
            (alice.Repository, alice.IssueNumber, alice.GitHubIssueId, alice.AuthorLogin, alice.MemberId, alice.IssueState,
                alice.Presence, alice.Period, alice.ReviewState, alice.LatestVersion));
        Assert.Equal("2024-12\naccepted", alice.Labels);
        Assert.Null(alice.WriteBackCommentId);
        Assert.Null(alice.WriteBackHash);
        Assert.Equal(["body v1", "body v2 ✓ — ümlaut"], alice.Versions.OrderBy(v => v.Number).Select(v => v.Body));
        var v2 = alice.Versions.Single(v => v.Number == 2);
        Assert.Equal(("hash2", T, T.AddHours(1)), (v2.ContentHash, v2.IssueCreatedAt, v2.IssueUpdatedAt));
        Assert.NotNull(v2.Parse);
        Assert.Equal(("reports-0.1", new Period(2024, 12), "0xwallet", "CM,CC", "{\"CM\":{\"effort\":18}}"),
            (v2.Parse.ParserVersion, v2.Parse.Period, v2.Parse.Wallet, v2.Parse.Departments, v2.Parse.SuggestedScores));
        var v1 = alice.Versions.Single(v => v.Number == 1);
        Assert.Null(v1.Parse);
        Assert.Equal(
            ["0 WALLET_CHECKSUM error Your wallet address has a wrong checksum. 3:14:body", "1 DEPT_UNKNOWN warning Unknown department. ::"],
            v1.Diagnostics.OrderBy(d => d.Ordinal).Select(d => $"{d.Ordinal} {d.Code} {d.Severity} {d.Message} {d.LineNumber}:{d.ColumnNumber}:{d.Source}"));
        var stranger = reports[1];
        Assert.Equal(((long?)null, ReportPresence.Deleted, T, string.Empty, (Period?)null),
            (stranger.MemberId, stranger.Presence, stranger.PresenceChangedAt, stranger.Labels, stranger.Period));

        var scores = await read.Scores.OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(
            ["1 rev1 CM 1800 1650 False  ", "1 rev1 CM 1900 1650 True recheck 1"],
            scores.Select(s => $"{s.ReportId} {s.Reviewer} {s.Department} {s.EffortHundredths} {s.ResultsHundredths} {s.IsLeadOverride} {s.Reason} {s.SupersedesId}"));

        var closes = await read.MonthCloses.Include(c => c.Allocations).Include(c => c.Payouts).Include(c => c.Transactions).OrderBy(c => c.Id).ToListAsync();
        var close = closes[0];
        Assert.Equal((new Period(2024, 12), "phala-v4", "PHA", UInt128.Parse("84000000000000000"), UInt128.Zero),
            (close.Period, close.PolicyName, close.Token, close.PoolUnits, close.UnspentUnits));
        // Locked before migration 0004, the month had only its allocation rows; 0013 makes its member row from them.
        var member = await read.MonthMembers.SingleAsync(m => m.MonthCloseId == close.Id);
        Assert.Equal((1L, UInt128.Parse("21000000000000000"), UInt128.Parse("21000000000000000")), (member.MemberId, member.PoolShareUnits, member.TotalUnits));
        Assert.Equal("0 CM 3450 21000000000000000", string.Join(";", close.Allocations.Select(a => $"{a.MemberPosition} {a.Code} {a.PointsHundredths} {a.Units}")));
        // Migration 8 removed payout 4, an exact copy of payout 2 (what two racing approvals wrote), and logged it; the
        // other rows are kept to the unit.
        Assert.Equal(
            ["1 substrate 42000000000000000 0", "2 evm 340282366920938463463374607431768211455 0"],
            close.Payouts.OrderBy(p => p.Id).Select(p => $"{p.MemberId} {p.Rail} {p.Units} {p.CarriedUnits}"));
        Assert.Equal(UInt128.MaxValue, close.Payouts.Single(p => p.MemberId == 2).Units);
        Assert.Equal("1 substrate 5 5", string.Join(";", closes[1].Payouts.Select(p => $"{p.MemberId} {p.Rail} {p.Units} {p.CarriedUnits}")));
        var removed = await read.AuditLog.SingleAsync(a => a.Action == "payout.duplicate-removed");
        Assert.Equal(("migration 8", "month:2024-12"), (removed.Actor, removed.Subject));
        Assert.StartsWith("payout 4 to member 2 (evm 0xB0b) of 340282366920938463463374607431768211455 units, carried 0, duplicated payout 2", removed.Details, StringComparison.Ordinal);

        // Migration 2 moved the per-payout hashes to their month: two distinct hashes, none lost, none doubled; 0008
        // numbered them as each month's batch 1.
        Assert.Equal(["2024-11 1 0xbbb", "2024-12 1 0xaaa"], closes.SelectMany(c => c.Transactions.Select(t => $"{c.Period} {t.Batch} {t.TxHash}")).Order(StringComparer.Ordinal));
        Assert.All(closes.SelectMany(c => c.Transactions), t => Assert.Equal(("migration 2", (DateTimeOffset?)null), (t.RecordedBy, t.SupersededAt)));

        var audit = await read.AuditLog.SingleAsync(a => a.Action != "payout.duplicate-removed");
        Assert.Equal((T, "admin", "rank.changed", "member:1", "{\"to\":\"ambassador\"}"), (audit.At, audit.Actor, audit.Action, audit.Subject, audit.Details));

        Assert.Empty(await read.GitHubSyncStates.ToListAsync());
        Assert.Empty(await read.WebhookDeliveries.ToListAsync());

        var applications = await read.Applications.Include(a => a.Reviews).ThenInclude(r => r.Scores).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(2, applications.Count);
        var carla = applications[0];
        Assert.Equal(
            (T, "Carla Núñez", "carla-n", "carla#7", (string?)null, "@carla", "Spanish group", "es\nen", "https://medium.com/@carla", "<script>alert(1)</script> ✓", (string?)null, ApplicationStates.Accepted),
            (carla.SubmittedAt, carla.Name, carla.GitHubLogin, carla.Discord, carla.Telegram, carla.X, carla.Region, carla.Languages, carla.Links, carla.Statement, carla.ClientAddressHash, carla.State));
        Assert.Equal(
            ["rev1 expertise=800 commitment=700 influence=650 strong", "rev2 expertise=900 commitment=600 influence=700 "],
            carla.Reviews.OrderBy(r => r.Reviewer, StringComparer.Ordinal).Select(r => $"{r.Reviewer} {string.Join(' ', r.Scores.OrderBy(x => x.Id).Select(x => $"{x.Criterion}={x.Hundredths}"))} {r.Note}"));
        Assert.Equal(("9f86d081", ApplicationStates.Declined), (applications[1].ClientAddressHash, applications[1].State));
        Assert.Empty(applications[1].Reviews);

        var decisions = await read.ApplicationDecisions.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(
            ["1 True ambassador 2  admin", "2 False   spam links admin"],
            decisions.Select(d => $"{d.ApplicationId} {d.Accepted} {d.StartingRank} {d.MemberId} {d.Reason} {d.DecidedBy}"));
        Assert.Equal(T.AddHours(2), decisions[0].DecidedAt);

        var crew = await read.Crews.Include(c => c.Members).SingleAsync();
        Assert.Equal(("French group", "French", 1L, T), (crew.Name, crew.Region, crew.LeadMemberId, crew.CreatedAt));
        Assert.Equal([2L], crew.Members.Select(m => m.MemberId));

        var ticks = await read.CrewTicks.OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(
            ["1 2024-12 ChannelActivity True rev1 ", "1 2024-12 Ama False rev2 no recording"],
            ticks.Select(t => $"{t.CrewId} {t.Period} {t.Quota} {t.Met} {t.TickedBy} {t.Note}"));
        Assert.Equal(T.AddDays(1), ticks[1].TickedAt);

        // Migration 5 (treasury, R10) starts empty; rows written as plain SQL read back through the model, exactly.
        Assert.Empty(await read.SpendingProposals.ToListAsync());
        await read.Database.ExecuteSqlRawAsync(TreasuryRows);
        await using var treasury = test.Context();
        var proposal = await treasury.SpendingProposals.Include(p => p.Milestones).Include(p => p.Events).Include(p => p.Draws).SingleAsync();
        Assert.Equal((14, "Phala community bounty", "3zfav", new DateOnly(2022, 4, 29), "PHA", 12, UInt128.Parse("100000000000000000"), "funded", (string?)null),
            (proposal.Number, proposal.Title, proposal.Proponent, proposal.Date, proposal.Token, proposal.TokenDecimals, proposal.RequestedUnits, proposal.Status, proposal.Link));
        Assert.Equal(
            ["1 Grow 80000000000000000 ambassadors 40 reported 45,500 people 2022-06-30", "2 Users 20000000000000000 community_users 50000 open  "],
            proposal.Milestones.OrderBy(m => m.Number).Select(m => $"{m.Number} {m.Title} {m.CostUnits} {m.TargetMetric} {m.TargetValue} {m.Status} {m.ReportText} {m.Date:yyyy-MM-dd}"));
        Assert.Equal("funded Funds received. admin " + T.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            string.Join(";", proposal.Events.Select(e => $"{e.Kind} {e.Text} {e.Actor} {e.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)}")));
        Assert.Equal(
            ["payout:2024-11 month_payout 2024-11 84000000000000000   False", "payout:2024-12 month_payout 2024-12 340282366920938463463374607431768211455 admin pool grew True"],
            proposal.Draws.OrderBy(d => d.Id).Select(d => $"{d.DrawKey} {d.Kind} {d.Period} {d.Units} {d.OverrideActor} {d.OverrideReason} {d.OverrideAt.HasValue}"));
        var price = await treasury.TokenPrices.SingleAsync();
        Assert.Equal((new Period(2024, 12), "PHA", "0.1234", "CoinGecko", new DateOnly(2024, 12, 31)), (price.Period, price.Token, price.UsdPrice, price.Source, price.Date));
        var bounties = await treasury.CommunityBounties.OrderBy(b => b.Id).ToListAsync();
        Assert.Equal(
            ["Bot l00k discord=l00k#1990 3zf https://t.me/phala_stat_bot 5000000000000000  2024-12 14 approved admin", "Guide Ann  0xA https://a.example  250.50 2024-12 14 proposed "],
            bounties.Select(b => $"{b.Title} {b.RecipientName} {b.RecipientHandles} {b.RecipientAddress} {b.Evidence} {b.AmountUnits} {b.AmountUsd} {b.Period} {b.ProposalNumber} {b.Status} {b.Approver}"));
        Assert.All(bounties, b => Assert.Equal(((string?)null, (string?)null, (DateTimeOffset?)null), (b.TxHash, b.PaidBy, b.PaidAt))); // 0007 adds them empty
        var counts = await treasury.ChannelCounts.OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(["telegram 2022-06-30 40000 report", "discord 2022-06-30 5500 report"], counts.Select(c => $"{c.Channel} {c.Date:yyyy-MM-dd} {c.Members} {c.Source}"));

        // Draws are a record of money: the database refuses to change one (R10).
        await Assert.ThrowsAnyAsync<Exception>(() => treasury.Database.ExecuteSqlRawAsync("UPDATE treasury_draws SET units = '1'"));
        await Assert.ThrowsAnyAsync<Exception>(() => treasury.Database.ExecuteSqlRawAsync("DELETE FROM treasury_draws"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_AccessRowsOf0004_MoveToUsersAndTokens_AndTheFirstRunAdminLeavesGitHubsNamespace(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Context())
        {
            await SchemaMigrator.MigrateAsync(db, targetVersion: 8);
            await ExecuteAsync(db, """
                INSERT INTO app_users (login, role, granted_by, granted_at) VALUES
                    ('admin', 'admin', 'admin', '2024-12-03T10:30:00.000Z'),
                    ('rita', 'reviewer', 'admin', '2024-12-04T08:00:00.000Z');
                INSERT INTO app_tokens (hash, kind, login, role, label, created_at, used_at) VALUES
                    ('h1', 'signin', 'admin', 'admin', 'first-run', '2024-12-03T10:00:00.000Z', '2024-12-03T10:30:00.000Z'),
                    ('h2', 'api', 'rita', 'reviewer', 'ci', '2024-12-05T09:15:30.250Z', NULL);
                """);
            Assert.Contains(9, await SchemaMigrator.MigrateAsync(db));
        }

        await using var read = test.Context();
        var users = await read.Users.OrderBy(u => u.Login).ToListAsync();
        Assert.Equal(
            ["local:admin admin admin 2024-12-03T10:30:00.0000000+00:00 ", "rita reviewer admin 2024-12-04T08:00:00.0000000+00:00 "],
            users.Select(u => $"{u.Login} {u.Role} {u.GrantedBy} {u.GrantedAt?.ToUniversalTime():O} {u.GitHubId}"));
        Assert.Equal(2, users.Select(u => u.SecurityStamp).Where(s => s.Length >= 16).Distinct().Count());
        var tokens = await read.AccessTokens.OrderBy(t => t.Hash).ToListAsync();
        Assert.Equal(
            ["h1 signin local:admin admin first-run 2024-12-03T10:00:00.0000000+00:00 2024-12-05T10:00:00.0000000+00:00 2024-12-03T10:30:00.0000000+00:00", "h2 api rita reviewer ci 2024-12-05T09:15:30.2500000+00:00  "],
            tokens.Select(t => $"{t.Hash} {t.Kind} {t.Login} {t.Role} {t.Name} {t.CreatedAt.ToUniversalTime():O} {(t.Kind == "signin" ? t.ExpiresAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture) : string.Empty)} {t.UsedAt?.ToUniversalTime():O}"));

        // An API token that never expired gets 90 days from the upgrade, not from its creation.
        Assert.InRange(tokens[1].ExpiresAt, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        Assert.All(tokens, t => Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null, "before migration 9"), (t.RevokedAt, t.LastUsedAt, t.CreatedBy)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_ReviewScoresInFixedColumns_BecomeOneRowPerCriterion_ToTheHundredth(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Context())
        {
            await SchemaMigrator.MigrateAsync(db, targetVersion: 18);
            await ExecuteAsync(db, """
                INSERT INTO membership_applications (id, submitted_at, name, github_login, discord, telegram, x, region, languages, links, statement, client_address_hash, state) VALUES
                    (7, '2025-09-03 10:30:00+00:00', 'Ana', 'ana', 'ana#1', NULL, NULL, NULL, '', '', 'hi', NULL, 'pending'),
                    (8, '2025-09-04 10:30:00+00:00', 'Ben', 'ben', NULL, 'ben', NULL, NULL, '', '', '', NULL, 'pending');
                INSERT INTO membership_application_reviews (id, application_id, reviewer, expertise_hundredths, commitment_hundredths, influence_hundredths, note, recorded_at) VALUES
                    (3, 7, 'rev1', 1000, 0, 750, 'edge values', '2025-09-05 10:30:00+00:00'),
                    (4, 7, 'rev2', 25, 9999, 1, NULL, '2025-09-05 11:30:00+00:00'),
                    (9, 8, 'rev1', 500, 600, 700, NULL, '2025-09-06 10:30:00+00:00');
                """);
            Assert.Contains(19, await SchemaMigrator.MigrateAsync(db));
        }

        await using var read = test.Context();
        var reviews = await read.ApplicationReviews.Include(r => r.Scores).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(
            ["3 7 rev1 edge values: expertise=1000 commitment=0 influence=750", "4 7 rev2 : expertise=25 commitment=9999 influence=1", "9 8 rev1 : expertise=500 commitment=600 influence=700"],
            reviews.Select(r => $"{r.Id} {r.ApplicationId} {r.Reviewer} {r.Note}: {string.Join(' ', r.Scores.OrderBy(x => x.Id).Select(x => $"{x.Criterion}={x.Hundredths}"))}"));
        Assert.Equal(9, await read.ApplicationReviewScores.CountAsync());

        // One score per criterion of a review: the unique index holds after the move.
        await Assert.ThrowsAnyAsync<Exception>(() => read.Database.ExecuteSqlRawAsync(
            "INSERT INTO membership_application_review_scores (review_id, criterion, hundredths) VALUES (3, 'expertise', 100)"));

        // A criterion the policies add later (Common Sense, October 2025) is a row, not a schema change.
        read.ApplicationReviewScores.Add(new ApplicationReviewScoreRecord { ReviewId = 9, Criterion = "common-sense", Hundredths = 800 });
        await read.SaveChangesAsync();
        Assert.Equal(4, await read.ApplicationReviewScores.CountAsync(x => x.ReviewId == 9));
    }

    // Rows of the community tables (migration 0006, review scores as rows since 0019), as plain SQL for both providers.
    private const string CommunityRows = """
        INSERT INTO membership_applications (id, submitted_at, name, github_login, discord, telegram, x, region, languages, links, statement, client_address_hash, state) VALUES
            (1, '2024-12-03 10:30:00+00:00', 'Carla Núñez', 'carla-n', 'carla#7', NULL, '@carla', 'Spanish group', 'es
        en', 'https://medium.com/@carla', '<script>alert(1)</script> ✓', NULL, 'accepted'),
            (2, '2024-12-03 10:30:00+00:00', 'Spam Bot', 'spam', NULL, 'spam', NULL, NULL, '', '', '', '9f86d081', 'declined');
        INSERT INTO membership_application_reviews (id, application_id, reviewer, note, recorded_at) VALUES
            (1, 1, 'rev1', 'strong', '2024-12-03 10:30:00+00:00'),
            (2, 1, 'rev2', NULL, '2024-12-03 10:30:00+00:00');
        INSERT INTO membership_application_review_scores (id, review_id, criterion, hundredths) VALUES
            (1, 1, 'expertise', 800), (2, 1, 'commitment', 700), (3, 1, 'influence', 650),
            (4, 2, 'expertise', 900), (5, 2, 'commitment', 600), (6, 2, 'influence', 700);
        INSERT INTO membership_application_decisions (id, application_id, accepted, starting_rank, member_id, reason, decided_by, decided_at) VALUES
            (1, 1, TRUE, 'ambassador', 2, NULL, 'admin', '2024-12-03 12:30:00+00:00'),
            (2, 2, FALSE, NULL, NULL, 'spam links', 'admin', '2024-12-03 12:30:00+00:00');
        INSERT INTO crews (id, name, region, lead_member_id, created_at) VALUES (1, 'French group', 'French', 1, '2024-12-03 10:30:00+00:00');
        INSERT INTO crew_members (id, crew_id, member_id) VALUES (1, 1, 2);
        INSERT INTO crew_checklist_ticks (id, crew_id, period, quota, met, ticked_by, ticked_at, note) VALUES
            (1, 1, '2024-12', 'ChannelActivity', TRUE, 'rev1', '2024-12-03 10:30:00+00:00', NULL),
            (2, 1, '2024-12', 'Ama', FALSE, 'rev2', '2024-12-04 10:30:00+00:00', 'no recording');
        """;

    private const string TreasuryRows = """
        INSERT INTO spending_proposals (id, number, title, proponent, date, token, token_decimals, requested_units, status, link, recorded_at) VALUES
            (1, 14, 'Phala community bounty', '3zfav', '2022-04-29', 'PHA', 12, '100000000000000000', 'funded', NULL, '2024-12-03 10:30:00+00:00');
        INSERT INTO proposal_milestones (id, proposal_id, number, title, cost_units, target_metric, target_value, status, report_text, date) VALUES
            (1, 1, 1, 'Grow', '80000000000000000', 'ambassadors', 40, 'reported', '45,500 people', '2022-06-30'),
            (2, 1, 2, 'Users', '20000000000000000', 'community_users', 50000, 'open', NULL, NULL);
        INSERT INTO proposal_events (id, proposal_id, at, kind, text, actor) VALUES
            (1, 1, '2024-12-03 10:30:00+00:00', 'funded', 'Funds received.', 'admin');
        INSERT INTO treasury_draws (id, proposal_id, draw_key, kind, period, units, date, reference, override_actor, override_reason, override_at, recorded_by, recorded_at) VALUES
            (1, 1, 'payout:2024-11', 'month_payout', '2024-11', '84000000000000000', '2024-12-06', '2024-11 payout', NULL, NULL, NULL, 'admin', '2024-12-03 10:30:00+00:00'),
            (2, 1, 'payout:2024-12', 'month_payout', '2024-12', '340282366920938463463374607431768211455', '2025-01-06', '2024-12 payout', 'admin', 'pool grew', '2024-12-03 10:30:00+00:00', 'admin', '2024-12-03 10:30:00+00:00');
        INSERT INTO token_prices (id, period, token, usd_price, source, date, recorded_by, recorded_at) VALUES
            (1, '2024-12', 'PHA', '0.1234', 'CoinGecko', '2024-12-31', 'admin', '2024-12-03 10:30:00+00:00');
        INSERT INTO community_bounties (id, title, recipient_name, recipient_handles, recipient_address, evidence, amount_units, amount_usd, token, token_decimals,
            period, date, proposal_number, status, approver, approved_at, created_by, created_at) VALUES
            (1, 'Bot', 'l00k', 'discord=l00k#1990', '3zf', 'https://t.me/phala_stat_bot', '5000000000000000', NULL, 'PHA', 12, '2024-12', '2024-12-10', 14, 'approved', 'admin', '2024-12-03 10:30:00+00:00', 'admin', '2024-12-03 10:30:00+00:00'),
            (2, 'Guide', 'Ann', '', '0xA', 'https://a.example', NULL, '250.50', 'PHA', 12, '2024-12', '2024-12-11', 14, 'proposed', NULL, NULL, 'admin', '2024-12-03 10:30:00+00:00');
        INSERT INTO channel_counts (id, channel, date, members, source, recorded_by, recorded_at) VALUES
            (1, 'telegram', '2022-06-30', 40000, 'report', 'admin', '2024-12-03 10:30:00+00:00'),
            (2, 'discord', '2022-06-30', 5500, 'report', 'admin', '2024-12-03 10:30:00+00:00');
        """;

    // Rows for schema version 1 written as plain SQL that both providers accept (the EF model is the latest schema).
    private const string FirstSchemaRows = """
        INSERT INTO members (id, display_name, region, created_at) VALUES
            (1, 'Alice', 'EU', '2024-12-03 10:30:00+00:00'), (2, 'Bob', NULL, '2024-12-03 10:30:00+00:00');
        INSERT INTO member_handles (id, member_id, kind, value, normalized_value) VALUES
            (1, 1, 'github', 'Alice-GH', 'alice-gh'), (2, 1, 'discord', 'alice#1', 'alice#1'), (3, 2, 'github', 'bob', 'bob');
        INSERT INTO member_rank_events (id, member_id, rank, effective_from, actor, reason, recorded_at) VALUES
            (1, 1, 'candidate', '2024-07-01', 'admin', 'joined', '2024-12-03 10:30:00+00:00'),
            (2, 1, 'ambassador', '2024-10-01', 'admin', 'three months at 65 % or more', '2024-12-03 10:30:00+00:00');
        INSERT INTO payout_addresses (id, member_id, rail, address, valid_from, recorded_at) VALUES
            (1, 1, 'substrate', '44aliceSs58', '2024-07-01', '2024-12-03 10:30:00+00:00'),
            (2, 2, 'evm', '0xB0b', '2025-11-01', '2024-12-03 10:30:00+00:00');
        INSERT INTO policies (id, name, version, content_hash, content, effective_from, effective_until, recorded_at) VALUES
            (1, 'phala-v4', '4.0', 'c0ffee', 'from: 2024-07
        ', '2024-07', NULL, '2024-12-03 10:30:00+00:00');
        INSERT INTO periods (period, policy_id, status, closed_at) VALUES
            ('2024-12', 1, 'closed', '2025-01-06 00:00:00+00:00'), ('2025-01', 1, 'open', NULL);
        INSERT INTO reports (id, repository, issue_number, github_issue_id, author_login, member_id, issue_state, presence,
            presence_changed_at, html_url, created_at, updated_at, labels, period, review_state, latest_version, first_seen_at, last_synced_at) VALUES
            (1, 'phala/ambassadors', 12, 9001, 'Alice-GH', 1, 'open', 'present', NULL, 'https://github.com/phala/ambassadors/issues/12',
             '2024-12-03 10:30:00+00:00', '2024-12-03 11:30:00+00:00', '2024-12
        accepted', '2024-12', 'accepted', 2, '2024-12-03 10:30:00+00:00', '2024-12-03 10:30:00+00:00'),
            (2, 'phala/ambassadors', 13, 9002, 'stranger', NULL, 'closed', 'deleted', '2024-12-03 10:30:00+00:00', 'https://github.com/phala/ambassadors/issues/13',
             '2024-12-03 10:30:00+00:00', '2024-12-03 10:30:00+00:00', '', NULL, 'pending', 1, '2024-12-03 10:30:00+00:00', '2024-12-03 10:30:00+00:00');
        INSERT INTO report_versions (id, report_id, number, title, body, issue_created_at, issue_updated_at, content_hash, synced_at) VALUES
            (1, 1, 1, 'December 2024', 'body v1', '2024-12-03 10:30:00+00:00', '2024-12-03 10:30:00+00:00', 'hash1', '2024-12-03 10:30:00+00:00'),
            (2, 1, 2, 'December 2024', 'body v2 ✓ — ümlaut', '2024-12-03 10:30:00+00:00', '2024-12-03 11:30:00+00:00', 'hash2', '2024-12-03 10:30:00+00:00'),
            (3, 2, 1, 'hello', '', '2024-12-03 10:30:00+00:00', '2024-12-03 10:30:00+00:00', 'hash3', '2024-12-03 10:30:00+00:00');
        INSERT INTO report_parses (id, report_version_id, parser_version, period, wallet, departments, suggested_scores, parsed_at) VALUES
            (1, 2, 'reports-0.1', '2024-12', '0xwallet', 'CM,CC', '{"CM":{"effort":18}}', '2024-12-03 10:30:00+00:00');
        INSERT INTO report_diagnostics (id, report_version_id, ordinal, code, severity, message, line_number, column_number, source) VALUES
            (1, 1, 0, 'WALLET_CHECKSUM', 'error', 'Your wallet address has a wrong checksum.', 3, 14, 'body'),
            (2, 1, 1, 'DEPT_UNKNOWN', 'warning', 'Unknown department.', NULL, NULL, NULL);
        INSERT INTO scores (id, report_id, reviewer, department, effort_hundredths, results_hundredths, is_lead_override, reason, supersedes_id, recorded_at) VALUES
            (1, 1, 'rev1', 'CM', 1800, 1650, FALSE, NULL, NULL, '2024-12-03 10:30:00+00:00'),
            (2, 1, 'rev1', 'CM', 1900, 1650, TRUE, 'recheck', 1, '2024-12-03 10:30:00+00:00');
        INSERT INTO month_closes (id, period, policy_name, policy_version, policy_hash, token, pool_units, unspent_units, closed_by, closed_at) VALUES
            (1, '2024-12', 'phala-v4', '4.0', 'c0ffee', 'PHA', '84000000000000000', '0', 'admin', '2025-01-06 00:00:00+00:00'),
            (2, '2024-11', 'phala-v4', '4.0', 'c0ffee', 'PHA', '84000000000000000', '0', 'admin', '2024-12-06 00:00:00+00:00');
        INSERT INTO allocations (id, month_close_id, member_id, department, points_hundredths, units) VALUES
            (1, 1, 1, 'CM', 3450, '21000000000000000');
        INSERT INTO payouts (id, month_close_id, member_id, rail, address, units, carried_units, tx_hash) VALUES
            (1, 1, 1, 'substrate', '44aliceSs58', '42000000000000000', '0', '0xaaa'),
            (2, 1, 2, 'evm', '0xB0b', '340282366920938463463374607431768211455', '0', '0xaaa'),
            (3, 2, 1, 'substrate', '44aliceSs58', '5', '5', '0xbbb'),
            (4, 1, 2, 'evm', '0xB0b', '340282366920938463463374607431768211455', '0', '0xaaa');
        INSERT INTO audit_log (id, at, actor, action, subject, details) VALUES
            (1, '2024-12-03 10:30:00+00:00', 'admin', 'rank.changed', 'member:1', '{"to":"ambassador"}');
        """;

    private static async Task ExecuteAsync(EmbassyDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ColumnsAsync(EmbassyDbContext db, string provider)
    {
        var sql = provider == "sqlite"
            ? """
              SELECT m.name || '.' || p.name || ' ' || lower(p.type) || ' ' || p."notnull" || ' ' || p.pk
              FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT IN ('sqlite_sequence', '__embassy_migrations')
              """
            : """
              SELECT c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' || c.is_nullable
              FROM information_schema.columns c
              WHERE c.table_schema = 'public' AND c.table_name <> '__embassy_migrations'
              """;
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var list = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }
}

/// <summary>What the migration runner refuses, and what a failed migration leaves behind.</summary>
public sealed class MigrationSafetyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_FailingMigration_RollsBackAndKeepsThePreviousVersion(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Context();
        var first = SchemaMigrator.For(test.Provider)[0];
        var broken = new SchemaMigration(2, "broken", "CREATE TABLE half_done (id INTEGER NOT NULL);\nINSERT INTO no_such_table VALUES (1);\n");

        await Assert.ThrowsAnyAsync<Exception>(() => SchemaMigrator.MigrateAsync(db, [first, broken], null, CancellationToken.None));

        Assert.Equal([1], await SchemaMigrator.AppliedVersionsAsync(db));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("SELECT COUNT(*) FROM half_done"));
        Assert.Equal(0, await db.Members.CountAsync()); // version 1 is intact and usable
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_NumberingGap_AppliesInOrder_AndTheMissingNumberLater(string provider)
    {
        // Branches number their migrations apart (0005 treasury, 0006 community): one may arrive without the other.
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Context();
        var first = SchemaMigrator.For(test.Provider)[0];
        var two = new SchemaMigration(2, "two", "CREATE TABLE gap_two (id INTEGER NOT NULL);\n");
        var three = new SchemaMigration(3, "three", "CREATE TABLE gap_three (id INTEGER NOT NULL);\n");

        Assert.Equal([1, 3], await SchemaMigrator.MigrateAsync(db, [first, three], null, CancellationToken.None));
        Assert.Equal([2], await SchemaMigrator.MigrateAsync(db, [first, two, three], null, CancellationToken.None));

        Assert.Equal([1, 2, 3], await SchemaMigrator.AppliedVersionsAsync(db));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM gap_two").SingleAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_AppliedMigrationChangedAfterwards_IsRefused(string provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using var db = test.Context();
        var first = SchemaMigrator.For(test.Provider)[0];
        await SchemaMigrator.MigrateAsync(db, [first], null, CancellationToken.None);
        var edited = first with { Sql = first.Sql + "\n-- edited after shipping\n" };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(db, [edited], null, CancellationToken.None));

        Assert.Contains("changed after it was applied", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_DatabaseNewerThanThisBuild_IsRefused(string provider)
    {
        await using var test = await TestDatabase.CreateMigratedAsync(provider);
        await using var db = test.Context();
        var older = SchemaMigrator.For(test.Provider).Take(2).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.MigrateAsync(db, older, null, CancellationToken.None));

        Assert.Contains("newer than this build", error.Message, StringComparison.Ordinal);
    }
}
