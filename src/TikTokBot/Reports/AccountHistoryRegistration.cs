using TikTokBot.Accounts;

namespace TikTokBot.Reports;

internal static class AccountHistoryRegistration
{
    /// <summary>The read-ahead of account histories, on the Hangfire scheduler <c>AddJobs</c> set up (which must come first).</summary>
    public static IServiceCollection AddAccountHistoryReadAhead(this IServiceCollection services)
    {
        services.AddSingleton<AccountHistoryReadAhead>();
        services.AddSingleton<IAdvertiserConnectedListener>(sp => sp.GetRequiredService<AccountHistoryReadAhead>());
        services.AddHostedService<AccountHistoryReadAheadStart>();
        return services;
    }
}
