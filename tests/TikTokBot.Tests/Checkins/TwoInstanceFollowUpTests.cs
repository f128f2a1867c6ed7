using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.Checkins;
using TikTokBot.Storage;
using TikTokBot.Testing;
using TikTokBot.Testing.External;
using TikTokBot.TikTok.Demo;

namespace TikTokBot.Tests.Checkins;

/// <summary>One instance of the app with the fake Slack and the fake TikTok API on a shared clock and the given settings.</summary>
public sealed class CheckinsAppFactory(FakeTikTokApi tiktok, FakeTimeProvider clock, IReadOnlyDictionary<string, string> settings) : FakeSlackAppFactory
{
    protected override IEnumerable<(string Key, string Value)> MoreSettings() =>
    [
        ("TikTok:Source", "Api"), ("TikTok:AccessToken", FakeTikTokApi.Token), ("TikTok:AdvertiserIds", DemoDataSet.AdvertiserId),
        ("TikTok:ApiBaseUrl", tiktok.BaseUrl.ToString()),
        .. settings.Select(s => (s.Key, s.Value)),
    ];

    protected override void ReplaceServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
}

/// <summary>Two app instances on one PostgreSQL database run the follow-up job, or a channel's weekly recap, at the same moment: one answer.</summary>
public sealed class TwoInstanceFollowUpTests : IAsyncLifetime
{
    private const string Team = "T-TWO";
    private readonly ThrowawayPostgresDatabase _database = new("checkins");
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tiktokbot-checkins-shared-").FullName;
    private FakeTikTokApi _tiktok = null!;

    public async Task InitializeAsync()
    {
        _tiktok = await FakeTikTokApi.StartAsync(new DateOnly(2026, 11, 20));
        await _database.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _tiktok.DisposeAsync();
        await _database.DropAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_follow_up_due_is_posted_once_when_two_instances_run_the_job_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var (first, second) = Instances(clock);
        using var one = first;
        using var two = second;

        // A fix applied on 2026-11-20 on campaign-48, due once 11-21..11-23 have closed.
        var fixes = first.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team).Fixes;
        await fixes.TakeAsync(new FixDetails("fix-two", "1800000000000048", null, "spend-without-results", "Spend without results",
            Domain.Metrics.MetricId.Conversions, 0m, "Conversions 0", "U-OWNER", "U-OWNER", "C-TWO", "1763650800.000100"), CancellationToken.None);
        Assert.True(await fixes.MarkDoneAsync("fix-two", "U-OWNER", byAction: false, restartsLearning: false, new DateOnly(2026, 11, 23), CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(4));

        var jobs = new[] { first, second }.Select(app => app.Services.GetRequiredService<FollowUpJob>()).ToArray();
        var posted = await Task.WhenAll(jobs.Select(job => Task.Run(() => job.RunAsync(Team, CancellationToken.None))));

        Assert.Equal(1, posted.Sum());
        var followUps = new[] { first, second }.SelectMany(app => app.Calls)
            .Where(c => c.Method == "chat.postMessage" && c.Body.Contains("Follow-up on Spend without results", StringComparison.Ordinal)).ToList();
        Assert.Single(followUps);
        Assert.Equal(FixState.FollowedUp, (await fixes.FindAsync("fix-two", CancellationToken.None))!.State);
        var again = await Task.WhenAll(jobs.Select(job => job.RunAsync(Team, CancellationToken.None)));
        Assert.Equal(0, again.Sum());
    }

    [NeedsFact(External.PostgreSql)]
    public async Task A_weeks_recap_is_posted_once_when_two_instances_fire_it_at_once()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        var (first, second) = Instances(clock);
        using var one = first;
        using var two = second;

        var store = first.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team);
        var subscription = await store.Subscriptions.SubscribeAsync(new SubscriptionDetails("C-RECAP", [], new TimeOnly(9, 0), "UTC"), "U-OWNER", default);
        await store.Fixes.TakeAsync(new FixDetails("fix-week", "1800000000000048", null, "spend-without-results", "Spend without results",
            Domain.Metrics.MetricId.Conversions, 0m, "Conversions 0", "U-OWNER", "U-OWNER", "C-RECAP", "1763650800.000100"), default);
        Assert.True(await store.Fixes.MarkDoneAsync("fix-week", "U-OWNER", byAction: false, restartsLearning: false, new DateOnly(2027, 1, 1), default));

        // Monday 2026-11-23 09:00: both instances fire the recap of 11-16..11-22.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var jobs = new[] { first, second }.Select(app => app.Services.GetRequiredService<RecapJob>()).ToArray();
        var posted = await Task.WhenAll(jobs.Select(job => Task.Run(() => job.SendAsync(Team, subscription.Id, clock.GetUtcNow(), default))));

        Assert.Equal(1, posted.Count(p => p));
        var recaps = new[] { first, second }.SelectMany(app => app.Calls)
            .Where(c => c.Method == "chat.postMessage" && c.Body.Contains("Weekly check-in", StringComparison.Ordinal)).ToList();
        var recap = Assert.Single(recaps);
        Assert.Contains("1 fix(es) applied, 0 followed up: 0 better, 0 no clear change yet, 0 worse.", recap.Body);
        Assert.Contains("applied 2026-11-18", recap.Body);
        Assert.NotNull(await store.Recaps.FindPostedAsync(subscription.Id, new DateOnly(2026, 11, 16), default));
        Assert.False(await jobs[1].SendAsync(Team, subscription.Id, clock.GetUtcNow(), default));
    }

    /// <summary>Two instances of the app on the one PostgreSQL database, started, on <paramref name="clock"/>.</summary>
    private (CheckinsAppFactory First, CheckinsAppFactory Second) Instances(FakeTimeProvider clock)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _database.ConnectionString().ConnectionString,
            ["Storage:DataDirectory"] = _dataDirectory,
            ["Scheduler:Store"] = "Memory",
        };
        var first = new CheckinsAppFactory(_tiktok, clock, settings);
        var second = new CheckinsAppFactory(_tiktok, clock, settings);
        first.CreateKestrelClient().Dispose();
        second.CreateKestrelClient().Dispose();
        return (first, second);
    }
}
