using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TikTokBot.Digests;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// The whole app on Kestrel with its digests posting to a <see cref="ScriptedSlack"/>, on the clock and the scheduler
/// store a test chooses. Several factories may share a data folder or a database to play restarts and second instances.
/// </summary>
internal sealed class DigestAppFactory(ScriptedSlack slack, TimeProvider clock, IReadOnlyDictionary<string, string> settings) : KestrelAppFactory
{
    public const string Team = "T0DIGEST";

    public const string Subscriber = "U0OWNER";

    protected override IEnumerable<(string Key, string Value)> ExtraSettings() =>
        new Dictionary<string, string>
        {
            ["Slack:BotToken"] = "xoxb-digest-test",
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:RetryBaseDelay"] = "00:00:00.050",
            ["Scheduler:Store"] = "Memory",

            // Hangfire's schedulers look for due work this often (in real time): a fake clock moved on is seen at once.
            ["Scheduler:PollingInterval"] = "00:00:00.100",
        }
        .Concat(settings)
        .GroupBy(s => s.Key)
        .Select(g => (g.Key, g.Last().Value));

    protected override void ReplaceServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton(clock));

    public IWorkspaceStore Store => Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team);

    public DigestScheduler Scheduler => Services.GetRequiredService<DigestScheduler>();

    /// <summary>Starts the host (migrations, Hangfire) and waits until the start-up checks of the digest and alert schedules are done.</summary>
    public async Task StartAsync()
    {
        StartServer();
        await Services.GetServices<IHostedService>().OfType<DigestScheduleSync>().Single().ExecuteTask!;
        await Services.GetServices<IHostedService>().OfType<TikTokBot.Alerts.AlertScheduleSync>().Single().ExecuteTask!;
    }

    /// <summary>Saves a subscription the way <c>/ttmetrics subscribe</c> does, and schedules it.</summary>
    public async Task<ChannelSubscription> SubscribeAsync(string channel, TimeOnly at, string timeZone, params string[] campaigns)
    {
        var subscription = await Store.Subscriptions.SubscribeAsync(new SubscriptionDetails(channel, campaigns, at, timeZone), Subscriber, CancellationToken.None);
        await Scheduler.ScheduleAsync(Team, subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Fires the subscription's recurring job by hand, as the dashboard's "Trigger now" does.</summary>
    public void Trigger(ChannelSubscription subscription) => Scheduler.TriggerNow(Team, subscription.ChannelId);

    /// <summary>
    /// Hangfire's jobs waiting, running, or scheduled within the next minute (real time: Hangfire's delayed jobs wait by
    /// the machine's clock), in this app's store (shared by instances on one PostgreSQL). A look scheduled for after a
    /// claim's lease (ten minutes) is not counted: it finds the day delivered and posts nothing.
    /// </summary>
    public long PendingJobs()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var soon = monitoring.ScheduledJobs(0, 1000).Count(job => job.Value.EnqueueAt < DateTime.UtcNow.AddMinutes(1));
        return monitoring.EnqueuedCount("default") + monitoring.ProcessingCount() + soon;
    }

    /// <summary>The definite end of the digests' work: no Hangfire job is waiting, running or due soon.</summary>
    public Task WaitUntilIdleAsync() => WaitUntilAsync(() => Task.FromResult(PendingJobs() == 0));

    /// <summary>Waits (in real time, bounded) for a condition the app makes true.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition() && waited.Elapsed < (within ?? TimeSpan.FromSeconds(90)))
        {
            await Task.Delay(20);
        }

        Assert.True(await condition(), "the condition was not met in time");
    }

    public Task WaitUntilDeliveredAsync(string subscriptionId, DateOnly day) =>
        WaitUntilAsync(async () => (await Store.Deliveries.FindAsync(subscriptionId, day, default))?.State == DeliveryState.Delivered);
}

/// <summary>
/// A fixed date whose time runs on in real time from wherever a test puts it: timers (Slack's Retry-After, its
/// per-channel pace) wait for real, and no test depends on today's date.
/// </summary>
internal sealed class FixedDateClock(DateTimeOffset start) : TimeProvider
{
    private (DateTimeOffset At, long Timestamp) _origin = (start, System.GetTimestamp());

    public override DateTimeOffset GetUtcNow()
    {
        var origin = _origin;
        return origin.At + System.GetElapsedTime(origin.Timestamp);
    }

    public void JumpTo(DateTimeOffset at) => _origin = (at, System.GetTimestamp());
}
