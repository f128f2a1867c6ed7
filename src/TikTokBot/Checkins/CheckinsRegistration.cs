using TikTokBot.Domain.Checkins;
using static TikTokBot.Checkins.DigestCheckin;

namespace TikTokBot.Checkins;

internal static class CheckinsRegistration
{
    /// <summary>Binds <c>Checkins:*</c> (when a fix is followed up, how much volume a verdict needs, the digest's check-in part, the weekly recap) and registers the check-ins, with the hourly follow-up job and each channel's weekly recap on the scheduler <c>AddJobs</c> set up (which must come first).</summary>
    public static IServiceCollection AddCheckins(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FixOutcomeOptions>().Bind(configuration.GetSection(FixOutcomeOptions.SectionName))
            .Validate(o => o.FollowUpAfterDays >= 1, "Checkins:FollowUpAfterDays must be at least 1.")
            .Validate(o => o.LearningWindowDays >= 0, "Checkins:LearningWindowDays must not be negative.")
            .Validate(o => o.MinimumImpressions >= 0 && o.MinimumEvents >= 1 && o.MinimumConversions >= 1,
                "Checkins:MinimumImpressions must not be negative; Checkins:MinimumEvents and Checkins:MinimumConversions must be at least 1.")
            .Validate(o => o.Confidence is > 0.5 and < 1, "Checkins:Confidence must be between 0.5 and 1 (e.g. 0.95).")
            .ValidateOnStart();
        services.AddOptions<CheckinDigestOptions>().Bind(configuration.GetSection(CheckinDigestOptions.SectionName))
            .Validate(o => o.MaxFindings >= 0 && o.MaxLines >= 1, "Checkins:Digest:MaxFindings must not be negative and Checkins:Digest:MaxLines must be at least 1.")
            .ValidateOnStart();
        services.AddOptions<RecapOptions>().Bind(configuration.GetSection(RecapOptions.SectionName))
            .Validate(o => o.Hour is >= 0 and <= 23, "Checkins:Recap:Hour must be 0 to 23.")
            .Validate(o => o.ClaimLease > TimeSpan.Zero, "Checkins:Recap:ClaimLease must be positive.")
            .ValidateOnStart();
        services.AddSingleton<CheckinsService>();
        services.AddSingleton<FollowUpAnswers>();
        services.AddSingleton<Reports.IDigestCheckin, DigestCheckin>();
        services.AddSingleton<RecapScheduler>();
        services.AddSingleton<RecapJob>();
        services.AddHostedService<RecapSchedule>();
        services.AddSingleton<Reports.IFixesInProgress>(sp => sp.GetRequiredService<CheckinsService>());
        services.AddSingleton<Reports.IFindingButtons, CheckinButtons>();
        services.AddSingleton<Storage.IAppliedChangeListener, FixesClosedByActions>();
        services.AddSingleton<PlaygroundFollowUps>();
        services.AddSingleton<FollowUpJob>();
        services.AddHostedService<FollowUpSchedule>();
        return services;
    }
}
