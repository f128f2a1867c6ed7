using TikTokBot.Reports;
using TikTokBot.Accounts;
using TikTokBot.Actions;
using TikTokBot.Alerts;
using TikTokBot.Checkins;
using TikTokBot.Commands;
using TikTokBot.Configuration;
using TikTokBot.Digests;
using TikTokBot.Health;
using TikTokBot.Hosting;
using TikTokBot.Jobs;
using TikTokBot.Slack;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;
using TikTokBot.Web;
using TikTokBot.Web.Security;

// The content root is the output folder, where the repository's appsettings.json is copied,
// so `dotnet run` behaves the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});
ListenAddress.UseDefaultUnlessSet(builder);

builder.Services.AddDiagnosisOptions(builder.Configuration);
builder.Services.AddMetricSource(builder.Configuration);
builder.Services.AddSlackApp(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddJobs(builder.Configuration);
builder.Services.AddDigests(builder.Configuration);
builder.Services.AddAlerts(builder.Configuration);
builder.Services.AddAccountHistoryReadAhead();
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddReadinessChecks();
builder.Services.AddWeb(builder.Configuration);
builder.AddTelemetry();
builder.Services.AddActions(builder.Configuration);
builder.Services.AddCheckins(builder.Configuration);

var app = builder.Build();

if (TerminalMode.Requested(args))
{
    return await TerminalMode.RunAsync(app.Services, args, Console.Out);
}

app.UseWebSecurity(app.Configuration);
app.MapHealthApi();
app.MapSlack().WithSlackTelemetry();
app.MapTikTokAccounts();
app.MapDigestDashboard();
app.MapWeb();
app.ShowStartupBanner();

app.Run();
return 0;

/// <summary>Entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
