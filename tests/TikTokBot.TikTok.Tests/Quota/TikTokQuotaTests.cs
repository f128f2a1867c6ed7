using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Tests.Quota;

/// <summary>
/// The app's TikTok quota on a fake clock. Each step moves the clock, then waits for the quota's pump to fall asleep
/// again (nothing more it can grant before the clock moves), and stamps every call granted meanwhile with the time.
/// </summary>
public sealed class TikTokQuotaTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<TikTokQuota> _quotas = [];

    private static readonly DateTimeOffset Midnight = new(Start.Date, TimeSpan.Zero);

    /// <summary>The Basic tier without arrival slack, so the pace is a round 100 ms; <paramref name="change"/> adjusts it.</summary>
    private static TikTokQuotaOptions Basic(Action<TikTokQuotaOptions>? change = null)
    {
        var options = new TikTokQuotaOptions { ArrivalSlack = TimeSpan.Zero };
        change?.Invoke(options);
        return options;
    }

    private (TikTokQuota First, TikTokQuota Second) TwoInstances(TikTokQuotaOptions options)
    {
        // Two instances of the app asking one ledger, as two hosts ask the one PostgreSQL row.
        var rules = new QuotaRules(options);
        var ledger = new InProcessQuotaLedger(rules, _time);
        var first = new TikTokQuota(ledger, rules, _time);
        var second = new TikTokQuota(ledger, rules, _time);
        _quotas.AddRange([first, second]);
        return (first, second);
    }

    private TikTokQuota One(TikTokQuotaOptions options)
    {
        var quota = TikTokQuota.InProcess(options, _time);
        _quotas.Add(quota);
        return quota;
    }

    [Fact]
    public void The_basic_tier_is_paced_110_ms_apart_leaving_100_ms_for_calls_to_arrive_out_of_step()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(110), new QuotaRules(new TikTokQuotaOptions()).Spacing);
        Assert.Equal(TimeSpan.FromMilliseconds(100), new QuotaRules(Basic()).Spacing);
        // The strictest window sets the pace: 300 a minute is one call every 200 ms, however many a second allows.
        Assert.Equal(TimeSpan.FromMilliseconds(200), new QuotaRules(Basic(o => o.PerMinute = 300)).Spacing);
    }

    [Fact]
    public async Task Twenty_five_calls_at_once_go_100_ms_apart_so_no_second_ever_holds_more_than_ten()
    {
        var quota = One(Basic());

        var calls = Enumerable.Range(0, 25).Select(_ => quota.AcquireAsync(TikTokCallPriority.Person, default)).ToArray();
        var granted = await DriveAsync(calls, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5), quota);

        Assert.Equal(Enumerable.Range(0, 25).Select(i => i * 100), granted.Select(g => (int)(g - Start).TotalMilliseconds));
        Assert.All(granted, at => Assert.InRange(granted.Count(other => other >= at && other < at.AddSeconds(1)), 1, 10));
        var snapshot = await quota.SnapshotAsync(default);
        Assert.Equal((5, 25, 25), (snapshot.SecondUsed, snapshot.MinuteUsed, snapshot.DayUsed));
    }

    [Fact]
    public async Task Waiting_calls_are_served_person_first_then_digest_then_alert_scan_then_history_whatever_order_they_came_in()
    {
        var quota = One(Basic());
        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        await quota.Asleep;

        var history = quota.AcquireAsync(TikTokCallPriority.HistoryReadAhead, default);
        var alert = quota.AcquireAsync(TikTokCallPriority.AlertScan, default);
        var digest = quota.AcquireAsync(TikTokCallPriority.Digest, default);
        var person = quota.AcquireAsync(TikTokCallPriority.Person, default);
        var granted = await DriveAsync([person, digest, alert, history], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), quota);

        Assert.Equal([100, 200, 300, 400], granted.Select(g => (int)(g - Start).TotalMilliseconds));
    }

    [Fact]
    public async Task A_person_on_one_instance_goes_ahead_of_an_alert_scan_flooding_the_other()
    {
        var (scanning, asking) = TwoInstances(Basic());
        var scan = Enumerable.Range(0, 100).Select(_ => scanning.AcquireAsync(TikTokCallPriority.AlertScan, default)).ToArray();
        await DriveAsync(scan.Take(5).ToArray(), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), scanning, asking);

        var person = Enumerable.Range(0, 3).Select(_ => asking.AcquireAsync(TikTokCallPriority.Person, default)).ToArray();
        var granted = await DriveAsync(person, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2), scanning, asking);

        // The scan had the slot at 400 ms; the person's three calls take the next three slots, and the scan waits.
        Assert.Equal([500, 600, 700], granted.Select(g => (int)(g - Start).TotalMilliseconds));
        Assert.Equal(5, scan.Count(t => t.IsCompleted));
    }

    [Fact]
    public async Task Background_work_leaves_the_last_call_of_each_second_to_people()
    {
        // 10 a second, a tenth kept for people: a scan alone gets the slots at 0 to 800 ms, not the one at 900 ms.
        var quota = One(Basic());
        var scan = Enumerable.Range(0, 30).Select(_ => quota.AcquireAsync(TikTokCallPriority.AlertScan, default)).ToArray();
        await DriveAsync(scan.Take(9).ToArray(), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), quota);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await quota.Asleep;
        Assert.Equal(9, scan.Count(t => t.IsCompleted));
        Assert.Equal(9, (await quota.SnapshotAsync(default)).SecondUsed);

        _time.Advance(TimeSpan.FromMilliseconds(50));
        var person = quota.AcquireAsync(TikTokCallPriority.Person, default);
        var granted = await DriveAsync([person], TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), quota);

        Assert.Equal(Start.AddMilliseconds(950), granted.Single());
        Assert.Equal(10, (await quota.SnapshotAsync(default)).SecondUsed);
        Assert.Equal(9, scan.Count(t => t.IsCompleted));
    }

    [Theory]
    [InlineData(TikTokCallPriority.Digest, false)]
    [InlineData(TikTokCallPriority.AlertScan, false)]
    [InlineData(TikTokCallPriority.HistoryReadAhead, false)]
    [InlineData(TikTokCallPriority.Person, true)]
    public void A_spent_minute_or_day_still_has_room_for_a_person_but_not_for_background_work(TikTokCallPriority priority, bool granted)
    {
        var rules = new QuotaRules(Basic());
        var now = Start.AddSeconds(30);
        var minute = QuotaState.Empty with { SecondStart = now, MinuteStart = Start, MinuteUsed = 540, DayStart = Midnight, DayUsed = 540 };
        var day = QuotaState.Empty with { SecondStart = now, MinuteStart = Start, DayStart = Midnight, DayUsed = 777_600 };

        var (_, inMinute) = rules.Take(minute, priority, now);
        var (_, inDay) = rules.Take(day, priority, now);

        Assert.Equal(granted, inMinute.Granted);
        Assert.Equal(granted, inDay.Granted);
        if (!granted)
        {
            Assert.Equal((Start.AddMinutes(1), QuotaWait.WindowSpent), (inMinute.RetryAt, inMinute.Wait));
            Assert.Equal((Midnight.AddDays(1), QuotaWait.WindowSpent), (inDay.RetryAt, inDay.Wait));
        }
    }

    [Fact]
    public void Windows_that_ended_start_from_nothing()
    {
        var rules = new QuotaRules(Basic());
        var state = QuotaState.Empty with { SecondStart = Start, SecondUsed = 10, MinuteStart = Start, MinuteUsed = 600, DayStart = Midnight, DayUsed = 5000 };

        var (after, decision) = rules.Take(state, TikTokCallPriority.AlertScan, Start.AddMinutes(1));

        Assert.True(decision.Granted);
        Assert.Equal((1, 1, 5001), (after.SecondUsed, after.MinuteUsed, after.DayUsed));
    }

    [Fact]
    public async Task A_person_waiting_on_work_a_scan_started_lifts_that_work_ahead_of_the_rest_of_the_scan()
    {
        var quota = One(Basic());
        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        await quota.Asleep;

        Task[] scan;
        Task shared;
        TikTokCallPriorityCell branch;
        using (TikTokCallScope.Enter(TikTokCallPriority.AlertScan))
        {
            scan = Enumerable.Range(0, 3).Select(_ => quota.AcquireAsync(default)).ToArray();
            branch = TikTokCallScope.Branch();
            using (TikTokCallScope.Use(branch))
            {
                shared = quota.AcquireAsync(default);
            }
        }

        // A person now waits on the shared work: it goes first, the scan's own calls keep their place behind it.
        TikTokCallScope.Join(branch);
        var granted = await DriveAsync([shared, .. scan], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), quota);

        Assert.Equal([100, 200, 300, 400], granted.Select(g => (int)(g - Start).TotalMilliseconds));
        Assert.Equal(TikTokCallPriority.Person, branch.Priority);
    }

    [Fact]
    public void Work_started_inside_raised_work_goes_at_least_as_urgently_and_raising_it_leaves_the_rest_of_the_scope_alone()
    {
        TikTokCallPriorityCell history, load, report;
        using (TikTokCallScope.Enter(TikTokCallPriority.HistoryReadAhead))
        {
            load = TikTokCallScope.Branch();
            using (TikTokCallScope.Use(load))
            {
                report = TikTokCallScope.Branch();
            }

            history = TikTokCallScope.Branch();
        }

        TikTokCallScope.Join(load);

        Assert.Equal(
            (TikTokCallPriority.Person, TikTokCallPriority.Person, TikTokCallPriority.HistoryReadAhead),
            (load.Priority, report.Priority, history.Priority));
    }

    [Fact]
    public async Task A_person_asking_for_a_report_a_scan_is_loading_lifts_that_load_not_the_scan()
    {
        var quota = One(Basic());
        var cache = new TikTokBot.TikTok.Caching.ReportCache(_time);
        var key = new TikTokBot.TikTok.Caching.DailyRowsKey("api:7000000000000001", TikTokBot.TikTok.Sources.Scope.Campaign("42"), default);
        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        await quota.Asleep;

        Task[] scan;
        Task loadCall = null!;
        Task<int> scanLoad;
        using (TikTokCallScope.Enter(TikTokCallPriority.AlertScan))
        {
            scan = Enumerable.Range(0, 3).Select(_ => quota.AcquireAsync(default)).ToArray();
            scanLoad = cache.GetOrLoad(key, TimeSpan.FromMinutes(5), async () =>
            {
                await (loadCall = quota.AcquireAsync(default));
                return 42;
            }, default);
        }

        var person = cache.GetOrLoad<int>(key, TimeSpan.FromMinutes(5), () => throw new InvalidOperationException("the person joins the load"), default);
        var granted = await DriveAsync([loadCall, .. scan], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), quota);

        Assert.Equal([100, 200, 300, 400], granted.Select(g => (int)(g - Start).TotalMilliseconds));
        Assert.Equal((42, 42), (await person, await scanLoad));
    }

    [Fact]
    public async Task A_40100_pauses_every_instance_for_the_throttle_pause_and_a_person_is_told_at_once_when_to_try_again()
    {
        var (first, second) = TwoInstances(Basic(o => o.ThrottlePause = TimeSpan.FromMinutes(5)));
        await first.AcquireAsync(TikTokCallPriority.Person, default);
        await first.ThrottledAsync(default);

        var digest = second.AcquireAsync(TikTokCallPriority.Digest, default);
        var person = second.AcquireAsync(TikTokCallPriority.Person, default);
        await Task.WhenAll(first.Asleep, second.Asleep);

        var refused = await Assert.ThrowsAsync<TikTokQuotaException>(() => person);
        Assert.Equal(Start.AddMinutes(5), refused.RetryAt);
        Assert.Contains("until 10:05 UTC", refused.Message);
        Assert.True((await second.SnapshotAsync(default)).Paused);
        var granted = await DriveAsync([digest], TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10), first, second);
        Assert.Equal(Start.AddMinutes(5), granted.Single());
        Assert.False((await first.SnapshotAsync(default)).Paused);
    }

    [Fact]
    public async Task A_pause_shorter_than_a_person_will_wait_is_waited_out()
    {
        var quota = One(Basic(o => (o.ThrottlePause, o.PersonMaxWait) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15))));
        await quota.ThrottledAsync(default);

        var person = quota.AcquireAsync(TikTokCallPriority.Person, default);
        var granted = await DriveAsync([person], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), quota);

        Assert.Equal(Start.AddSeconds(10), granted.Single());
    }

    [Fact]
    public async Task A_cancelled_call_gives_its_turn_to_the_next()
    {
        var quota = One(Basic());
        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        using var cancel = new CancellationTokenSource();
        var cancelled = quota.AcquireAsync(TikTokCallPriority.Person, cancel.Token);
        var next = quota.AcquireAsync(TikTokCallPriority.Person, default);
        await quota.Asleep;

        await cancel.CancelAsync();
        var granted = await DriveAsync([next], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), quota);

        Assert.True(cancelled.IsCanceled);
        Assert.Equal(Start.AddMilliseconds(100), granted.Single());
        Assert.Equal(2, (await quota.SnapshotAsync(default)).DayUsed);
    }

    [Fact]
    public async Task The_ambient_scope_marks_calls_made_inside_it_and_in_work_it_starts()
    {
        var quota = One(Basic());
        await quota.AcquireAsync(TikTokCallPriority.Person, default);
        await quota.Asleep;

        Task alert = null!;
        using (TikTokCallScope.Enter(TikTokCallPriority.AlertScan))
        {
            await Task.Run(() => { alert = quota.AcquireAsync(default); });
            Assert.Equal(TikTokCallPriority.AlertScan, TikTokCallScope.Current);
        }

        Assert.Equal(TikTokCallPriority.Person, TikTokCallScope.Current);
        var person = quota.AcquireAsync(default);
        var granted = await DriveAsync([alert, person], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), quota);

        Assert.True(granted[1] < granted[0]);
    }

    [Fact]
    public void The_old_MaxRequestsPerSecond_setting_still_sets_the_rate_when_the_quota_is_not_configured()
    {
        static TikTokQuotaOptions Read(params (string Key, string Value)[] settings) => TikTokQuotaOptions.Read(
            new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

        var basic = Read();
        var legacy = Read(("MaxRequestsPerSecond", "20"));
        var both = Read(("MaxRequestsPerSecond", "20"), ("Quota:PerSecond", "30"), ("Quota:PerMinute", "1800"));

        Assert.Equal((10, 600, 864_000), (basic.PerSecond, basic.PerMinute, basic.PerDay));
        Assert.Equal((TimeSpan.FromMinutes(5), 0.1, TimeSpan.FromMilliseconds(100)), (basic.ThrottlePause, basic.KeptForPeople, basic.ArrivalSlack));
        Assert.Equal((20, 1200, 1_728_000), (legacy.PerSecond, legacy.PerMinute, legacy.PerDay));
        Assert.Equal((30, 1800), (both.PerSecond, both.PerMinute));
    }

    /// <summary>
    /// Moves the clock by <paramref name="step"/> until every call in <paramref name="calls"/> is done (or <paramref name="limit"/>),
    /// stamping each with the fake time it was granted at, in the order given.
    /// </summary>
    private async Task<DateTimeOffset[]> DriveAsync(Task[] calls, TimeSpan step, TimeSpan limit, params TikTokQuota[] quotas)
    {
        var granted = new DateTimeOffset?[calls.Length];
        var end = _time.GetUtcNow() + limit;
        while (true)
        {
            // The pumps run on the thread pool; a real-time bound only stops a broken test from hanging.
            await Task.WhenAll(quotas.Select(q => q.Asleep)).WaitAsync(TimeSpan.FromSeconds(10));
            for (var i = 0; i < calls.Length; i++)
            {
                if (granted[i] is null && calls[i].IsCompleted)
                {
                    await calls[i];
                    granted[i] = _time.GetUtcNow();
                }
            }

            if (granted.All(g => g is not null) || _time.GetUtcNow() >= end)
            {
                break;
            }

            _time.Advance(step);
        }

        Assert.All(granted, g => Assert.NotNull(g));
        return granted.Select(g => g!.Value).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var quota in _quotas)
        {
            await quota.DisposeAsync();
        }
    }
}
