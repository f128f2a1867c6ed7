using Hangfire.Common;
using Microsoft.Extensions.Options;
using static TikTokBot.Digests.DigestJob;

namespace TikTokBot.Digests;

internal static class DigestRegistration
{
    /// <summary>The digest builder, sender, job and schedules (on the app's Hangfire, <c>AddJobs</c>), and the digests' retries as a job filter.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName));

        services.AddSingleton<DigestBuilder>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DigestJob>();
        services.AddSingleton<DigestScheduler>();

        // Every job runs with the digests' retries (a failure the sender reports says itself when to try again).
        services.AddSingleton<JobFilterAttribute>(provider => new DigestRetryFilter(provider.GetRequiredService<IOptions<DigestOptions>>().Value.Retries));
        services.AddHostedService<DigestScheduleSync>();
        return services;
    }
}
