using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Slack.Tests.Infrastructure;

/// <summary>The library's services without a web host, pointed at a <see cref="FakeSlack"/>.</summary>
public static class SlackServices
{
    public static ServiceProvider Create(FakeSlack slack, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SlackTestHost.Secret,
            ["Slack:BotToken"] = "xoxb-single",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:RetryBaseDelay"] = "00:00:00.010",
            ["Slack:RetryMaxDelay"] = "00:00:00.100",
            ["Slack:PostMessageInterval"] = "00:00:00.010",
            ["Slack:AttemptTimeout"] = "00:00:05",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            config[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(new ListLoggerProvider()));
        services.AddSlack(configuration);
        return services.BuildServiceProvider();
    }
}
