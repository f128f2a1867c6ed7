using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Reports;

namespace TikTokBot.Alerts;

internal static class AlertRegistration
{
    /// <summary>
    /// Binds <c>Alerts:*</c> and registers the scan, its Hangfire schedule (on the scheduler <c>AddJobs</c> set up, which
    /// must come first) and the commands. The Slack handlers are wired with the others in <c>AddSlackApp</c>.
    /// </summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName))
            .Validate(o => TryCron(o.ScanEvery), "Alerts:ScanEvery must divide an hour (e.g. 00:15:00) or a day (e.g. 02:00:00).")
            .ValidateOnStart();
        services.AddOptions<BaselineOptions>().Bind(configuration.GetSection(BaselineOptions.SectionName))
            .Validate(o => o.MinimumWeeks >= 1 && o.MaximumWeeks >= o.MinimumWeeks && o.Margin >= 0 && o.LatestHoursMargin is >= 0 and <= 1 && o.LatestHoursAtMost >= 1
                    && o.ConversionsQuietLevel is >= 0 and < 1 && o.TogetherMinimumCampaigns >= 2 && o.TogetherMinimumExpected >= 0,
                "Alerts:Baselines: MinimumWeeks >= 1, MaximumWeeks >= MinimumWeeks, Margin >= 0, LatestHoursMargin within 0-1, LatestHoursAtMost >= 1, "
                + "ConversionsQuietLevel within 0-1, TogetherMinimumCampaigns >= 2, TogetherMinimumExpected >= 0.")
            .ValidateOnStart();
        services.AddSingleton<CampaignHourHistories>();
        services.AddSingleton<AlertScanMonitor>();
        services.AddSingleton<AlertScheduler>();
        services.AddSingleton<AlertScanner>();
        services.AddSingleton<AlertJob>();
        services.AddSingleton<AlertsService>();
        services.AddSingleton<AlertCommands>();
        services.AddHostedService<AlertScheduleSync>();
        return services;
    }

    private static bool TryCron(TimeSpan every)
    {
        try
        {
            AlertScheduler.Cron(every);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
