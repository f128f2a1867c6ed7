using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Digests;
using TikTokBot.Storage;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// The whole app on Kestrel with its digests posting to a <see cref="ScriptedSlack"/>, on the clock and the scheduler
/// store a test chooses. Several factories may share a data folder or a database to play restarts and second instances.
/// </summary>
public sealed class DigestAppFactory(ScriptedSlack slack, TimeProvider clock, IReadOnlyDictionary<string, string> settings) : KestrelAppFactory
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
        }
        .Concat(settings)
        .GroupBy(s => s.Key)
        .Select(g => (g.Key, g.Last().Value));

    protected override void ReplaceServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton(clock));

    public IWorkspaceStore Store => Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team);

    public DigestScheduler Scheduler => Services.GetRequiredService<DigestScheduler>();

    /// <summary>Starts the host (migrations, Quartz) and waits until its scheduler runs.</summary>
    public async Task StartAsync()
    {
        StartServer();
        var quartz = await Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (quartz.Status != Quartz.SchedulerStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    /// <summary>Saves a subscription the way <c>/ttmetrics subscribe</c> does, and schedules it.</summary>
    public async Task<ChannelSubscription> SubscribeAsync(string channel, TimeOnly at, string timeZone, params string[] campaigns)
    {
        var subscription = await Store.Subscriptions.SubscribeAsync(new SubscriptionDetails(channel, campaigns, at, timeZone), Subscriber, CancellationToken.None);
        await Scheduler.ScheduleAsync(Team, subscription, CancellationToken.None);
        return subscription;
    }
}

/// <summary>A fact that needs the PostgreSQL server .ci/run starts (TIKTOKBOT_TEST_POSTGRES); skipped, with the reason, without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "TIKTOKBOT_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
        {
            Skip = $"{Variable} is not set; .ci/run starts a PostgreSQL server and sets it (or: source .ci/postgres.sh)";
        }
    }
}
