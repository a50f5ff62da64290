using Embassy.Application;
using Embassy.Data;
using Embassy.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddEnvironmentVariables("EMBASSY_"); // EMBASSY_Database__Provider -> Database:Provider
builder.Services.AddProblemDetails();
builder.AddEmbassyData();
builder.AddEmbassyGitHub();

var app = builder.Build();
app.UseExceptionHandler();
app.MapHealth();
app.MapGitHubWebhook();
app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
