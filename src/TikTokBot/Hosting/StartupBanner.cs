using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TikTokBot.Web;
using TikTokBot.Deployment;

namespace TikTokBot.Hosting;

/// <summary>A few lines once the app listens: where, in which mode, what is configured and what to do next.</summary>
internal static class StartupBanner
{
    public static WebApplication ShowStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var playground = app.Services.GetRequiredService<PlaygroundAccess>().Decide(localCaller: true);
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TikTokBot")
                .LogInformation("{Banner}", Compose(RunningConfiguration.Read(app.Configuration), addresses.ToArray(), app.Environment.EnvironmentName, playground));
        });
        return app;
    }

    public static string Compose(RunningConfiguration running, IReadOnlyList<string> addresses, string environment, PlaygroundDecision playground)
    {
        var first = addresses.FirstOrDefault()?.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/')
            ?? "http://127.0.0.1:5080";
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine($"TikTokBot is listening on {string.Join(", ", addresses)} ({environment})")
            .AppendLine($"  Slack:       {running.SlackDescription}")
            .AppendLine($"  Data source: {running.DataSource}")
            .AppendLine($"  Storage:     {running.Storage}; data folder {running.DataFolder}")
            .AppendLine($"  Scheduler:   {running.Scheduler}");
        foreach (var problem in running.Problems)
        {
            text.AppendLine($"  To fix:      {problem}");
        }

        text.AppendLine($"  Next:        open {first}/ for what runs and what to do next" +
            (playground == PlaygroundDecision.Off ? "" : $"; try commands at {first}/playground"));
        text.Append($"  Health:      {first}/healthz (alive), {first}/readyz (ready)");
        return text.ToString();
    }
}
