using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Commands;
using TikTokBot.Home;
using TikTokBot.Installations;
using TikTokBot.Interactions;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack;
using TikTokBot.Slack.OAuth;

namespace TikTokBot.Configuration;

public static class SlackAppConfiguration
{
    /// <summary>
    /// The Slack library with TikTokBot's handlers (the slash command and the report's buttons), and installations
    /// kept in the app's database instead of the library's in-memory store.
    /// </summary>
    public static IServiceCollection AddSlackApp(this IServiceCollection services, IConfiguration configuration) =>
        services
            .Configure<PermissionOptions>(configuration.GetSection(PermissionOptions.SectionName))
            .AddSingleton<SettingsPermission>()
            .Configure<CommandOptions>(configuration.GetSection(CommandOptions.SectionName))
            .AddSlack(configuration, slack => slack
                .OnCommand<MetricsCommandHandler>(CommandParser.Slash)
                .OnAction<FixButtonHandler>(ReportActions.Fix)
                .OnAction<BreakdownMenuHandler>(ReportActions.Breakdown)
                .OnAction<ShareButtonHandler>(ReportActions.Share)
                .OnAction<SettingsButtonHandler>(ReportActions.Criteria)
                .OnAction<SettingsButtonHandler>(ReportActions.Credit)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Criteria)
                .OnViewSubmission<SettingsSubmissionHandler>(SettingsModalIds.Credit)
                .OnEvent<AppHomeHandler>("app_home_opened"))
            .Replace(ServiceDescriptor.Singleton<IInstallationStore, StoredInstallationStore>());
}
