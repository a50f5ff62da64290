using System.CommandLine;
using System.Globalization;
using Embassy.Application;
using Embassy.Data;
using Embassy.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Embassy.Cli;

/// <summary>
/// Running an install (issue #15): <c>embassy backup --out FILE</c>, <c>embassy restore --from FILE [--force]</c> (SQLite;
/// PostgreSQL is backed up with pg_dump) and <c>embassy admin link</c>, a one-time admin sign-in link for the operator who
/// is locked out. The database comes from the <c>EMBASSY_Database__*</c> variables, or <c>--data</c>, as the web app's.
/// </summary>
internal static class OperationsCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Backup();
        yield return Restore();
        yield return Admin();
    }

    private static Option<string?> DataOption() => new("--data") { Description = "SQLite data folder (default: EMBASSY_Database__DataDirectory or ./data)." };

    private static Command Backup()
    {
        var output = new Option<string>("--out") { Description = "The backup file to write (must not exist).", Required = true };
        var data = DataOption();
        var command = new Command("backup", "Copy the SQLite database to a file, consistent while the web app runs (SQLite's online backup).") { output, data };
        command.SetAction((ParseResult pr) =>
        {
            var result = DatabaseBackup.Backup(Options(pr.GetValue(data)), pr.GetValue(output)!);
            return Report(pr, result, b => string.Create(CultureInfo.InvariantCulture, $"Backed up to {b.Path} ({b.Bytes:N0} bytes, schema version {b.SchemaVersion})."));
        });
        return command;
    }

    private static Command Restore()
    {
        var from = new Option<string>("--from") { Description = "The backup file to restore.", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace an existing database (it is kept beside it as embassy.db.before-restore-…)." };
        var data = DataOption();
        var command = new Command("restore", "Put a backup in place of the SQLite database; stop the web app first (its next start migrates an older backup).") { from, force, data };
        command.SetAction((ParseResult pr) =>
        {
            var result = DatabaseBackup.Restore(Options(pr.GetValue(data)), pr.GetValue(from)!, pr.GetValue(force), DateTimeOffset.UtcNow);
            return Report(pr, result, b => string.Create(CultureInfo.InvariantCulture, $"Restored {b.Path} (schema version {b.SchemaVersion}).")
                + (b.KeptAs is null ? string.Empty : " The database it replaced is kept as " + b.KeptAs + "."));
        });
        return command;
    }

    private static Command Admin()
    {
        var login = new Option<string?>("--login") { Description = "Who the link signs in as admin: a GitHub login, or local:admin (default)." };
        var url = new Option<string?>("--url") { Description = "The address people use (default: EMBASSY_Site__PublicUrl, else http://localhost:5000)." };
        var data = DataOption();
        var link = new Command("link", "Print a one-time admin sign-in link for the configured database (valid once, for a limited time).") { login, url, data };
        link.SetAction((ParseResult pr, CancellationToken ct) => LinkAsync(pr, pr.GetValue(login), pr.GetValue(url), pr.GetValue(data), ct));
        return new Command("admin", "Operator access.") { link };
    }

    private static async Task<int> LinkAsync(ParseResult pr, string? login, string? url, string? dataDir, CancellationToken ct)
    {
        var output = pr.InvocationConfiguration.Output;
        var error = pr.InvocationConfiguration.Error;
        var options = Options(dataDir);
        if (DatabaseFile.Check(options) is { } damaged)
        {
            await error.WriteLineAsync(damaged.Message).ConfigureAwait(false);
            return EmbassyCli.Invalid;
        }

        var services = new ServiceCollection();
        services.AddEmbassyData(options);
        await using var provider = services.BuildServiceProvider();
        var databases = provider.GetRequiredService<IDbContextFactory<EmbassyDbContext>>();
        await using (var db = await databases.CreateDbContextAsync(ct).ConfigureAwait(false))
        {
            await SchemaMigrator.MigrateAsync(db, cancellationToken: ct).ConfigureAwait(false);
        }

        // Audited as issued by the command line (signin-link.issued), and used like the first-run link: once, then gone.
        var tokens = new AccessTokens(databases, TimeProvider.System, [], null);
        var secret = await tokens.IssueSignInAsync(login ?? Logins.LocalAdmin, Roles.Admin, "cli", "admin-link", ct).ConfigureAwait(false);
        if (!secret.IsSuccess)
        {
            foreach (var d in secret.Diagnostics)
            {
                await error.WriteLineAsync(d.ToString()).ConfigureAwait(false);
            }

            return EmbassyCli.UsageError;
        }

        var site = (url ?? Configuration()["Site:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');
        await output.WriteLineAsync(site + "/signin/once?token=" + secret.Value).ConfigureAwait(false);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Valid once, for {AccessTokens.SignInLifetime.TotalDays:0} days; it signs in {login ?? Logins.LocalAdmin} as admin.")).ConfigureAwait(false);
        return EmbassyCli.Ok;
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddEnvironmentVariables("EMBASSY_").Build();

    private static DatabaseOptions Options(string? dataDir)
    {
        var options = new DatabaseOptions();
        Configuration().GetSection(DatabaseOptions.Section).Bind(options);
        if (dataDir is not null)
        {
            options.DataDirectory = dataDir;
        }

        return options;
    }

    private static int Report(ParseResult pr, Result<BackupInfo> result, Func<BackupInfo, string> done)
    {
        if (!result.IsSuccess)
        {
            foreach (var d in result.Diagnostics)
            {
                pr.InvocationConfiguration.Error.WriteLine(d.ToString());
            }

            // A file in the way or a PostgreSQL database is a usage matter; a file that is not a backup is invalid data.
            return result.Diagnostics.Any(d => d.Code is DatabaseBackup.NotABackup or DatabaseBackup.NoDatabase) ? EmbassyCli.Invalid : EmbassyCli.UsageError;
        }

        pr.InvocationConfiguration.Output.WriteLine(done(result.Value));
        return EmbassyCli.Ok;
    }
}
