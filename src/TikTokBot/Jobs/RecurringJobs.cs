using Cronos;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace TikTokBot.Jobs;

/// <summary>
/// The app's recurring jobs, as every capability's schedule keeps them: one id per thing scheduled (a subscription, a
/// workspace), a cron in that thing's own time zone, written only when it changed, read back for its next firing.
/// </summary>
internal sealed class RecurringJobs(JobStorage storage, IRecurringJobManagerV2 manager)
{
    /// <summary>
    /// Adds or replaces <paramref name="id"/>. A firing missed while no instance ran is made once, for the latest missed
    /// time; each capability's own tables keep it from being done twice.
    /// </summary>
    public void Schedule(string id, Job job, string cron, string timeZoneId) =>
        manager.AddOrUpdate(id, job, cron, new RecurringJobOptions
        {
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId),
            MisfireHandling = MisfireHandlingMode.Relaxed,
        });

    /// <summary>
    /// Whether <paramref name="id"/> already runs on <paramref name="cron"/> in <paramref name="timeZoneId"/>, and, when
    /// <paramref name="subscriptionId"/> is given, for that subscription (its job's second argument): nothing to write.
    /// </summary>
    public bool IsScheduled(string id, string cron, string timeZoneId, string? subscriptionId = null) =>
        Find(id) is { } job && job.Cron == cron && job.TimeZoneId == timeZoneId &&
        (subscriptionId is null || (job.Job?.Args.Count > 1 && Equals(job.Job.Args[1], subscriptionId)));

    /// <summary>
    /// The latest occurrence of <paramref name="cron"/> in <paramref name="zone"/> from <paramref name="from"/> to
    /// <paramref name="to"/>, both included; null when none. Read by Cronos, as Hangfire reads the cron, so a time a clock
    /// change skips or repeats falls where Hangfire fires it: what a start-up makes for a firing no instance saw.
    /// </summary>
    public static DateTimeOffset? LatestOccurrence(string cron, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to) =>
        CronExpression.Parse(cron)
            .GetOccurrences(from.UtcDateTime, to.UtcDateTime, zone, fromInclusive: true, toInclusive: true)
            .Select(occurrence => (DateTimeOffset?)new DateTimeOffset(occurrence, TimeSpan.Zero))
            .LastOrDefault();

    /// <summary>When <paramref name="id"/> fires next; null when it is not scheduled.</summary>
    public DateTimeOffset? NextFiring(string id) =>
        Find(id)?.NextExecution is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;

    /// <summary>Every scheduled id starting with <paramref name="prefix"/>: what a schedule compares with its table.</summary>
    public IReadOnlyList<string> IdsUnder(string prefix)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Where(job => !job.Removed).Select(job => job.Id)
            .Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    public bool Exists(string id) => Find(id) is not null;

    public void Remove(string id) => manager.RemoveIfExists(id);

    /// <summary>Runs <paramref name="id"/>'s job now, as a firing would.</summary>
    public void Trigger(string id) => manager.TriggerJob(id);

    private RecurringJobDto? Find(string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs([id]).FirstOrDefault(job => !job.Removed);
    }
}
