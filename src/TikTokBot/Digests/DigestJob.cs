using System.Globalization;
using Quartz;

namespace TikTokBot.Digests;

/// <summary>
/// What runs when a subscription's trigger fires: send the day's digest, then schedule a retry or drop the schedule as
/// the result says. When it runs is the trigger's business (<see cref="DigestScheduler"/>).
/// </summary>
/// <remarks>
/// The sender handles Slack and TikTok failures itself. Anything that still escapes it (the database unreachable, say)
/// fails the firing, and Quartz fires it again 30 s, 1, 2, 4 and 8 minutes later: safe, as the day's claim makes a
/// second run post nothing that was already posted.
/// </remarks>
[DisallowConcurrentExecution]
[RetryPolicy(5, "00:00:30", 2.0)]
public sealed class DigestJob(IServiceScopeFactory scopes, DigestScheduler scheduler, ILogger<DigestJob> logger) : IJob
{
    public const string TeamKey = "team";
    public const string SubscriptionKey = "subscription";

    /// <summary>On a retry trigger: the local date being retried and when it was first due.</summary>
    public const string LocalDateKey = "localDate";
    public const string DueAtKey = "dueAt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var teamId = Text(data, TeamKey) ?? throw new InvalidOperationException("A digest job without a team.");
        var subscriptionId = Text(data, SubscriptionKey) ?? throw new InvalidOperationException("A digest job without a subscription.");
        var retryDate = Text(data, LocalDateKey) is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        var dueAt = Text(data, DueAtKey) is { } due
            ? DateTimeOffset.Parse(due, CultureInfo.InvariantCulture)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;

        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<DigestSender>();
        var result = await sender.SendAsync(new DigestDue(teamId, subscriptionId, dueAt, context.FireTimeUtc, retryDate), cancellationToken);
        switch (result)
        {
            case { RetryAt: { } at, LocalDate: { } day }:
                await scheduler.ScheduleRetryAsync(teamId, subscriptionId, day, dueAt, at, cancellationToken);
                break;
            case { Outcome: DigestOutcome.NotSubscribed or DigestOutcome.Paused }:
                await scheduler.UnscheduleAsync(teamId, subscriptionId, cancellationToken);
                break;
            case { Outcome: DigestOutcome.Failed }:
                logger.LogError("Digest {SubscriptionId} for {LocalDate} gave up after its last retry ({Failure})", subscriptionId, result.LocalDate, result.Failure);
                break;
        }
    }

    private static string? Text(JobDataMap data, string key) =>
        data.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}
