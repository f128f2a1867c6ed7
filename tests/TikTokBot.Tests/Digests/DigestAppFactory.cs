using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TikTokBot.Digests;
using TikTokBot.Storage;
using TikTokBot.Testing;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// The whole app on Kestrel with its digests posting to a <see cref="ScriptedSlack"/>, on the clock and the scheduler
/// store a test chooses. Several factories may share a data folder or a database to play restarts and second instances.
/// </summary>
internal sealed class DigestAppFactory(ScriptedSlack slack, TimeProvider clock, IReadOnlyDictionary<string, string> settings, JobSignals? jobs = null) : KestrelAppFactory
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

    /// <summary>This app's Hangfire work as signals (shared with other instances when the test gave one).</summary>
    public JobSignals Jobs { get; } = jobs ?? new JobSignals();

    protected override void ReplaceServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton(clock));
        Jobs.AddTo(services);
    }

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
    /// Hangfire's jobs waiting, fetched, running, or scheduled to run within a minute of being scheduled, in this app's store
    /// (shared by instances on one PostgreSQL). A look scheduled for after a claim's lease (ten minutes) is not counted:
    /// it finds the day delivered and posts nothing. (Hangfire's delays are measured by its own clock: the span between
    /// a job's scheduling and its due time is read from the job, not from the machine's clock.)
    /// </summary>
    public long PendingJobs()
    {
        var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var soon = monitoring.ScheduledJobs(0, 1000).Count(job => job.Value.ScheduledAt is not { } scheduled || job.Value.EnqueueAt - scheduled <= TimeSpan.FromMinutes(1));
        // A job a worker has fetched from the queue but not yet marked processing is counted as fetched (PostgreSQL's
        // store; the memory store moves it in one step).
        return monitoring.EnqueuedCount("default") + monitoring.FetchedCount("default") + monitoring.ProcessingCount() + soon;
    }

    /// <summary>
    /// The definite end of the digests' work: no Hangfire job is waiting, running or due soon, looked at after each job's
    /// change. Hangfire's PostgreSQL store (instances sharing it) finishes its own bookkeeping, a finished job's queue
    /// row, after the last change any app can tell: there the store, a server outside this process, is read again until
    /// it is idle (<see cref="OutOfProcess.PollAsync"/>).
    /// </summary>
    public Task WaitUntilIdleAsync() =>
        settings.GetValueOrDefault("Scheduler:Store") == "Postgres"
            ? OutOfProcess.PollAsync(() => Task.FromResult(PendingJobs() == 0), "no digest job waiting, fetched, running or due soon in the shared store")
            : Jobs.UntilAsync(() => PendingJobs() == 0, "no digest job waiting, running or due soon");

    /// <summary>Waits, on the jobs' signals, until our table says the day was delivered.</summary>
    public Task WaitUntilDeliveredAsync(string subscriptionId, DateOnly day) =>
        Jobs.UntilAsync(async () => (await Store.Deliveries.FindAsync(subscriptionId, day, default))?.State == DeliveryState.Delivered, $"the digest {subscriptionId} for {day} delivered");
}
