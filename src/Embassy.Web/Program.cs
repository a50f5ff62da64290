using Embassy.Application;
using Embassy.Data;
using Embassy.Web;

var builder = WebApplication.CreateBuilder(EmbassyWebSetup.CommandLine(args));
builder.Configuration.AddEnvironmentVariables("EMBASSY_"); // EMBASSY_Database__Provider -> Database:Provider
builder.Services.AddProblemDetails();
builder.AddEmbassyDemoMode(); // --demo: its own database file, before the data layer reads its options
if (DatabaseFile.Check(builder.Configuration) is { } damaged)
{
    // One line naming the file and what to do; a stack trace would bury it.
    Console.Error.WriteLine(damaged.Message);
    return 1;
}

// The program's rules: its own folder (Program:Policies) or the shipped Phala policies; a broken file stops the start.
var policies = ProgramPolicies.FromConfiguration(builder.Configuration);
if (!policies.IsSuccess)
{
    foreach (var line in ProgramPolicies.Lines(policies.Errors))
    {
        Console.Error.WriteLine(line);
    }

    return 1;
}

builder.Services.AddEmbassyPolicies(policies.Value);
builder.AddEmbassyData();
builder.AddEmbassyGitHub();
builder.AddEmbassyWeb();
builder.AddEmbassyOperations(); // /healthz, /readyz, metrics

var app = builder.Build();
app.UseExceptionHandler();
app.UseEmbassyWeb();
var open = app.MapGroup(string.Empty).AllowAnonymous(); // signed by GitHub or harmless: no sign-in
open.MapHealth();
app.MapOperations();
open.MapGitHubWebhook();
open.MapCalendarFeeds(); // issue #14: a secret address is the credential
app.MapEmbassyPages();
app.MapEmbassyApi();
app.MapAccessApi(); // grants, sessions, API tokens
app.MapProgramApi(); // treasury, applications, crews
app.Run();
return 0;

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
