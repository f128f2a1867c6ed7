using TikTokBot.Commands;
using TikTokBot.Interactions;
using TikTokBot.Reports;
using TikTokBot.Slack;

namespace TikTokBot.Configuration;

public static class SlackAppConfiguration
{
    /// <summary>The Slack library with TikTokBot's handlers: the slash command and the report's buttons.</summary>
    public static IServiceCollection AddSlackApp(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSlack(configuration, slack => slack
            .OnCommand<MetricsCommandHandler>(CommandParser.Slash)
            .OnAction<FixButtonHandler>(ReportActions.Fix));
}
