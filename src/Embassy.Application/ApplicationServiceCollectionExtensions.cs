using Embassy.Data;
using Embassy.Domain.Community;
using Embassy.GitHub;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Embassy.Application;

/// <summary>Adds GitHub sync, report intake, the webhook queue and write-back to a host.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the GitHub client (typed <see cref="HttpClient"/>, no redirects followed), <see cref="ReportStore"/>
    /// with the shipped report parser, <see cref="IssueSync"/>, <see cref="WebhookInbox"/> and its background worker,
    /// and <see cref="WriteBack"/> unless <c>GitHub:WriteBack</c> is false (on by default when Embassy can write). Options from section <c>GitHub</c>,
    /// completed by the settings an admin stored (<see cref="GitHubConnection"/>).
    /// Needs <c>AddEmbassyData</c>.
    /// </summary>
    public static IHostApplicationBuilder AddEmbassyGitHub(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new GitHubOptions();
        builder.Configuration.GetSection(GitHubOptions.Section).Bind(options);
        builder.Services.AddEmbassyGitHub(options);
        return builder;
    }

    /// <summary>
    /// Registers the treasury's use cases (<see cref="TreasuryStore"/>: proposals, milestones, prices, channel counts,
    /// bounties; RULES.md R10). Needs <c>AddEmbassyData</c>.
    /// </summary>
    public static IServiceCollection AddEmbassyTreasury(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TreasuryStore>();
        return services;
    }

    /// <summary>
    /// Registers the program's rules, <paramref name="policies"/> (<see cref="ProgramPolicies"/>), as the one
    /// <see cref="Policies.PolicyCatalog"/> and <see cref="Reports.ReportParser"/> every use case is given. Call before the other
    /// <c>AddEmbassy…</c> methods; without it they use the shipped policies.
    /// </summary>
    public static IServiceCollection AddEmbassyPolicies(this IServiceCollection services, ProgramPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        services.AddSingleton(policies);
        services.AddSingleton(policies.Catalog);
        services.AddSingleton(policies.Parser);
        return services;
    }

    /// <summary>Registers the GitHub use cases for explicit <paramref name="options"/>.</summary>
    public static IServiceCollection AddEmbassyGitHub(this IServiceCollection services, GitHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(); // a bad setting stops the start, not the first sync
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new GitHubConnection(
            options, sp.GetRequiredService<TimeProvider>(), sp.GetService<IDbContextFactory<EmbassyDbContext>>(), sp.GetService<IDataProtectionProvider>()));

        // Issue #15: each use takes the connection in force (configuration, then the admin's stored settings), so a change
        // on the settings page applies without a restart, on every instance.
        services.AddTransient(sp => sp.GetRequiredService<GitHubConnection>().Current());
        services.AddHttpClient<GitHubClient>().ConfigurePrimaryHttpMessageHandler(GitHubClient.CreateHandler);
        services.TryAddSingleton(ProgramPolicies.Shipped);
        services.TryAddSingleton(sp => sp.GetRequiredService<ProgramPolicies>().Catalog);
        services.TryAddSingleton(sp => sp.GetRequiredService<ProgramPolicies>().Parser);
        services.TryAddSingleton<IReportIntake, ParserReportIntake>();
        services.AddTransient(sp => new ReportStore(sp.GetService<IReportIntake>(), sp.GetRequiredService<TimeProvider>()));
        // Null when write-back is off (the sync and the webhook queue take it as optional), decided at each use.
        services.AddTransient(sp => sp.GetRequiredService<GitHubOptions>().WriteBackEnabled
            ? new WriteBack(sp.GetRequiredService<GitHubClient>(), sp.GetRequiredService<ProgramPolicies>().Catalog)
            : null!);

        services.AddTransient<IssueSync>();
        services.AddTransient<PolicyRegistry>();
        services.AddTransient<WebhookInbox>();
        services.AddSingleton<WebhookQueueSignal>();
        services.AddHostedService<WebhookQueueWorker>();
        services.AddHostedService<IssueSyncWorker>();
        return services;
    }

    /// <summary>
    /// Registers the reminders (issue #14): <see cref="CalendarFeeds"/>, the GitHub <see cref="Reminders"/> and
    /// <see cref="MonthReceipts"/>, and the <see cref="ReminderWorker"/> that posts them. Needs <c>AddEmbassyGitHub</c>,
    /// <see cref="MemberMonths"/>, <see cref="ReviewQueue"/> and <see cref="AccessTokens"/>. <paramref name="publicUrl"/>, the
    /// site's public address, lets the receipts link to the member's month page.
    /// </summary>
    public static IServiceCollection AddEmbassyReminders(this IServiceCollection services, Uri? publicUrl = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CalendarFeeds(
            sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AccessTokens>(),
            sp.GetRequiredService<MemberMonths>(), sp.GetRequiredService<ReviewQueue>(), sp.GetRequiredService<ProgramPolicies>().Catalog));
        // Transient: each run takes the GitHub connection in force (issue #15).
        services.AddTransient(sp => new Reminders(
            sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<GitHubClient>(), sp.GetRequiredService<GitHubOptions>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ProgramPolicies>().Catalog));
        services.AddTransient(sp => new MonthReceipts(
            sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<GitHubClient>(), sp.GetRequiredService<MemberMonths>(),
            sp.GetRequiredService<TimeProvider>(), publicUrl));
        services.AddHostedService<ReminderWorker>();
        return services;
    }

    /// <summary>
    /// Registers the community use cases (issue #6): <see cref="MembershipApplications"/> with <paramref name="guard"/>
    /// (default <see cref="SpamGuard.Default"/>) and <see cref="CrewRegistry"/>, and the <see cref="MemberAdmin"/> they
    /// add members through. Needs <c>AddEmbassyData</c>.
    /// </summary>
    public static IServiceCollection AddEmbassyCommunity(this IServiceCollection services, SpamGuard? guard = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MemberAdmin>();
        services.TryAddSingleton<AddressProofs>(); // issue #13: payout addresses members prove
        services.AddSingleton(sp => new MembershipApplications(
            sp.GetRequiredService<IDbContextFactory<EmbassyDbContext>>(), sp.GetRequiredService<MemberAdmin>(), sp.GetRequiredService<TimeProvider>(), guard));
        services.AddSingleton<CrewRegistry>();
        return services;
    }
}
