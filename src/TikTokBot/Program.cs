using TikTokBot.Actions;
using TikTokBot.Commands;
using TikTokBot.Configuration;
using TikTokBot.Digests;
using TikTokBot.Health;
using TikTokBot.Slack;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;

// The content root is the output folder, where the repository's appsettings.json is copied,
// so `dotnet run` behaves the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = AppContext.BaseDirectory,
});

builder.Services.AddDiagnosisOptions(builder.Configuration);
builder.Services.AddMetricSource(builder.Configuration);
builder.Services.AddSlackApp(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddDigests(builder.Configuration);
builder.Services.AddActions(builder.Configuration);

var app = builder.Build();

if (TerminalMode.Requested(args))
{
    return await TerminalMode.RunAsync(app.Services, args, Console.Out);
}

app.MapHealthApi();
app.MapSlack();

app.Run();
return 0;

/// <summary>Entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
