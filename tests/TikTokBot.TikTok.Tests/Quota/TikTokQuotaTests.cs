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
        var options = new TikTokQuotaOptions { ArrivalSlack = TimeSpan.Zero, SendWithin = TimeSpan.Zero };
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
    public void The_basic_tier_is_paced_120_ms_apart_leaving_200_ms_for_calls_to_arrive_out_of_step()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(120), new QuotaRules(new TikTokQuotaOptions()).Spacing);
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
    public async Task A_first_40100_within_the_minute_pauses_every_instance_two_seconds_and_a_person_waits_it_out()
    {
        var (first, second) = TwoInstances(Basic());
        await first.AcquireAsync(TikTokCallPriority.Person, default);
        await first.ThrottledAsync(default);
        // A call already in flight answered 40100 a second later: the same breach, not a second one.
        _time.Advance(TimeSpan.FromSeconds(1));
        await first.ThrottledAsync(default);

        var person = second.AcquireAsync(TikTokCallPriority.Person, default);
        var digest = second.AcquireAsync(TikTokCallPriority.Digest, default);
        var granted = await DriveAsync([person, digest], TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), first, second);

        Assert.Equal([Start.AddSeconds(3), Start.AddSeconds(3).AddMilliseconds(100)], granted);
    }

    [Fact]
    public void A_40100_after_the_minute_was_spent_or_again_after_a_first_pause_pauses_for_the_throttle_pause()
    {
        var rules = new QuotaRules(Basic());
        var spent = QuotaState.Empty with { SecondStart = Start.AddSeconds(59), MinuteStart = Start, MinuteUsed = 600, DayStart = Midnight, DayUsed = 600 };

        var afterSpent = rules.Pause(spent, Start.AddSeconds(59));
        var firstPause = rules.Pause(QuotaState.Empty, Start);
        var again = rules.Pause(firstPause, Start.AddSeconds(4));
        var longAfter = rules.Pause(firstPause, Start.AddMinutes(6));

        Assert.Equal(Start.AddSeconds(59).AddMinutes(5), afterSpent.PausedUntil);
        Assert.Equal(Start.AddSeconds(2), firstPause.PausedUntil);
        Assert.Equal(Start.AddSeconds(4).AddMinutes(5), again.PausedUntil);
        Assert.Equal(Start.AddMinutes(6).AddSeconds(2), longAfter.PausedUntil);
    }

    [Fact]
    public async Task A_40100_again_after_the_first_pause_pauses_every_instance_for_the_throttle_pause_and_a_person_is_told_at_once_when_to_try_again()
    {
        var (first, second) = TwoInstances(Basic(o => o.ThrottlePause = TimeSpan.FromMinutes(5)));
        await first.AcquireAsync(TikTokCallPriority.Person, default);
        await first.ThrottledAsync(default);
        _time.Advance(TimeSpan.FromSeconds(2));
        await first.ThrottledAsync(default);

        var digest = second.AcquireAsync(TikTokCallPriority.Digest, default);
        var person = second.AcquireAsync(TikTokCallPriority.Person, default);
        await Task.WhenAll(first.Asleep, second.Asleep);

        var refused = await Assert.ThrowsAsync<TikTokQuotaException>(() => person);
        Assert.Equal(Start.AddSeconds(2).AddMinutes(5), refused.RetryAt);
        Assert.Contains("until 10:05 UTC", refused.Message);
        Assert.True((await second.SnapshotAsync(default)).Paused);
        var granted = await DriveAsync([digest], TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), first, second);
        Assert.Equal(Start.AddSeconds(2).AddMinutes(5), granted.Single());
        Assert.False((await first.SnapshotAsync(default)).Paused);
    }

    [Fact]
    public async Task A_pause_shorter_than_a_person_will_wait_is_waited_out()
    {
        var quota = One(Basic(o => (o.ThrottlePause, o.FirstThrottlePause, o.PersonMaxWait) = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15))));
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
        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(2), 0.1), (basic.ThrottlePause, basic.FirstThrottlePause, basic.KeptForPeople));
        Assert.Equal((TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100)), (basic.ArrivalSlack, basic.SendWithin));
        Assert.Throws<InvalidOperationException>(() => Read(("Quota:ArrivalSlack", "00:00:00.1"), ("Quota:SendWithin", "00:00:00.2")));
        Assert.Equal((20, 1200, 1_728_000), (legacy.PerSecond, legacy.PerMinute, legacy.PerDay));
        Assert.Equal((30, 1800), (both.PerSecond, both.PerMinute));
    }

    [Fact]
    public async Task A_call_held_past_its_send_deadline_takes_a_new_turn_ahead_of_later_callers_of_its_priority()
    {
        // 100 ms of slack, 50 ms of it to reach the socket: grants 110 ms apart, each good for 50 ms.
        var quota = One(Basic(o => (o.ArrivalSlack, o.SendWithin) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50))));
        var held = await quota.AcquireAsync(TikTokCallPriority.Digest, default);
        var later = quota.AcquireAsync(TikTokCallPriority.Digest, default);
        await quota.Asleep;

        _time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.True(held.Fresh);
        await held.EnsureFreshAsync(default);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(held.Fresh);

        var renewed = held.EnsureFreshAsync(default).AsTask();
        while (!held.Fresh && _time.GetUtcNow() < Start.AddSeconds(1))
        {
            _time.Advance(TimeSpan.FromMilliseconds(1));
            await quota.Asleep.WaitAsync(TimeSpan.FromSeconds(10));
        }

        // The held call takes the next slot (110 ms), good for 50 ms again; the caller who came after it the slot after (220 ms).
        Assert.Equal(Start.AddMilliseconds(110), _time.GetUtcNow());
        Assert.False(later.IsCompleted);
        await renewed;
        Assert.Equal(1, held.Renewals);
        var granted = await DriveAsync([later], TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), quota);
        Assert.Equal(Start.AddMilliseconds(220), granted.Single());
        Assert.Equal(3, (await quota.SnapshotAsync(default)).SecondUsed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Calls_held_up_at_random_never_put_more_than_ten_into_any_second_at_tiktok(bool checkingDeadlines)
    {
        // Two instances, 100 calls of every priority. Each granted call is held 0 to 200 ms before it is written (a busy
        // machine), then spends up to what the slack leaves (50 ms) on the wire; TikTok counts it when it arrives.
        var options = Basic(o => (o.ArrivalSlack, o.SendWithin) = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(50)));
        var (first, second) = TwoInstances(options);
        var random = new Random(30);
        var pending = Enumerable.Range(0, 100)
            .Select(i => new HeldCall((i % 2 == 0 ? first : second).AcquireAsync((TikTokCallPriority)(i % 4), default)))
            .ToList();
        var calls = pending.ToArray();
        var arrivals = new List<DateTimeOffset>();
        var end = Start.AddMinutes(2);
        while (pending.Count > 0 && _time.GetUtcNow() < end)
        {
            await Task.WhenAll(first.Asleep, second.Asleep).WaitAsync(TimeSpan.FromSeconds(10));
            var now = _time.GetUtcNow();
            foreach (var call in pending.ToArray())
            {
                // The first turn, or a new one: the grant is good again the moment the quota gives it.
                if (call.SendAt is null && call.Grant.IsCompleted && (await call.Grant).Fresh)
                {
                    // Granted (first, or anew): held a random while before it reaches the socket.
                    call.SendAt = now.AddMilliseconds(random.Next(0, 200));
                }

                if (call.SendAt <= now)
                {
                    var grant = await call.Grant;
                    if (grant.Fresh || !checkingDeadlines)
                    {
                        arrivals.Add(now.AddMilliseconds(random.Next(0, 51)));
                        pending.Remove(call);
                    }
                    else
                    {
                        // Expired on the way: no request; the call waits for a new turn, then is held again.
                        _ = grant.EnsureFreshAsync(default).AsTask();
                        call.SendAt = null;
                    }
                }
            }

            _time.Advance(TimeSpan.FromMilliseconds(5));
        }

        // (A renewal whose continuation ran after the clock moved on may still be queued: the quota cancels it when disposed.)
        Assert.Empty(pending);
        var renewals = 0;
        foreach (var call in calls)
        {
            renewals += (await call.Grant).Renewals;
        }

        if (checkingDeadlines)
        {
            Assert.InRange(MostInOneSecond(arrivals), 1, 10);
            Assert.InRange(renewals, 50, int.MaxValue);
        }
        else
        {
            // The test bites: sent however late, the same calls bunch into one of TikTok's seconds.
            Assert.InRange(MostInOneSecond(arrivals), 11, int.MaxValue);
            Assert.Equal(0, renewals);
        }
    }

    private static int MostInOneSecond(List<DateTimeOffset> arrivals)
    {
        arrivals.Sort();
        return arrivals.Select((at, i) => arrivals.Skip(i).TakeWhile(a => a < at.AddSeconds(1)).Count()).Max();
    }

    /// <summary>One call of <see cref="Calls_held_up_at_random_never_put_more_than_ten_into_any_second_at_tiktok"/>: its turn, and when it is written.</summary>
    private sealed class HeldCall(Task<TikTokQuotaGrant> grant)
    {
        public Task<TikTokQuotaGrant> Grant { get; } = grant;

        public DateTimeOffset? SendAt { get; set; }
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
