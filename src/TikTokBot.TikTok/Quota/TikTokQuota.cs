using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TikTokBot.TikTok.Api;

namespace TikTokBot.TikTok.Quota;

/// <summary>
/// Every TikTok call of this process asks here first. Callers queue by priority (a person first, then digests, alert
/// scans, history read-ahead; in arrival order within one; a call's priority rises while a more urgent caller waits on
/// the same work, see <see cref="TikTokCallScope.Join"/>) and one pump asks the <see cref="IQuotaLedger"/> for the
/// head of the queue only, so an instance puts one question at a time to a shared ledger however many calls wait,
/// and the ledger's marks of who is waiting order the instances among themselves.
/// </summary>
public sealed class TikTokQuota : IAsyncDisposable, IDisposable
{
    public const string MeterName = "TikTokBot.TikTok.Quota";

    private readonly IQuotaLedger _ledger;
    private readonly QuotaRules _rules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<Waiter> _waiting = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Meter? _meter;
    private readonly Counter<long>? _throttled;
    private readonly Counter<long>? _renewed;
    private readonly Task _pump;
    private TaskCompletionSource _wake = NewSignal();
    private TaskCompletionSource _asleep = NewSignal();
    private QuotaTake? _lastSeen;
    private long _arrivals;

    // The priority of the head the pump sleeps on (null: asleep with nothing waiting, or awake).
    private TikTokCallPriority? _sleepingFor;

    public TikTokQuota(IQuotaLedger ledger, QuotaRules rules, TimeProvider time, ILogger<TikTokQuota>? logger = null, IMeterFactory? meters = null)
    {
        (_ledger, _rules, _time, _logger) = (ledger, rules, time, (ILogger?)logger ?? NullLogger.Instance);
        if (meters is not null)
        {
            _meter = meters.Create(MeterName);
            _meter.CreateObservableGauge("tiktokbot.tiktok.quota.used", ObserveUsed, "{call}",
                "TikTok calls the whole app made in the current window (tag window: second, minute, day), as last seen by this instance");
            _meter.CreateObservableGauge("tiktokbot.tiktok.quota.limit", ObserveLimits, "{call}", "The app's TikTok quota per window");
            _meter.CreateObservableGauge("tiktokbot.tiktok.quota.paused", () => Paused() ? 1 : 0, "{pause}",
                "1 while every instance holds off TikTok after a 40100 answer");
            _meter.CreateObservableGauge("tiktokbot.tiktok.quota.waiting", ObserveWaiting, "{call}", "Calls of this instance waiting for the quota, by priority");
            _throttled = _meter.CreateCounter<long>("tiktokbot.tiktok.quota.throttled", "{answer}", "40100 answers from TikTok: each pauses every instance");
            _renewed = _meter.CreateCounter<long>("tiktokbot.tiktok.quota.renewed", "{call}",
                "Calls whose turn expired before they were sent (TikTok:Quota:SendWithin), so took a new one");
        }

        TikTokCallScope.Raised += Signal;
        _pump = Task.Run(PumpAsync);
    }

    public TikTokQuotaOptions Options => _rules.Options;

    /// <summary>Where the budget is kept (this process, or the database every instance shares).</summary>
    public string Where => _ledger.Where;

    /// <summary>An in-process budget from <paramref name="options"/>, for one instance and for tests.</summary>
    public static TikTokQuota InProcess(TikTokQuotaOptions options, TimeProvider time)
    {
        var rules = new QuotaRules(options.Validated());
        return new TikTokQuota(new InProcessQuotaLedger(rules, time), rules, time);
    }

    /// <summary>Waits for this call's turn at the priority of the ambient <see cref="TikTokCallScope"/>; the turn is good until its deadline.</summary>
    public Task<TikTokQuotaGrant> AcquireAsync(CancellationToken ct) => GrantAsync(TikTokCallScope.CurrentCell, TikTokCallScope.Current, ct);

    /// <summary>Waits for this call's turn; the turn is good until its deadline.</summary>
    /// <exception cref="TikTokQuotaException">A person would wait longer than <see cref="TikTokQuotaOptions.PersonMaxWait"/>.</exception>
    public Task<TikTokQuotaGrant> AcquireAsync(TikTokCallPriority priority, CancellationToken ct) => GrantAsync(null, priority, ct);

    private Task<TikTokQuotaGrant> GrantAsync(TikTokCallPriorityCell? cell, TikTokCallPriority priority, CancellationToken ct) =>
        Enqueue(new Waiter(cell, priority, Interlocked.Increment(ref _arrivals), null), ct);

    /// <summary>
    /// A new turn for a call whose turn expired unsent: at its priority, in its first place among that priority's
    /// callers. The grant is made good again (<see cref="TikTokQuotaGrant.Fresh"/>) as the turn is given.
    /// </summary>
    internal Task RenewAsync(TikTokQuotaGrant grant, TikTokCallPriorityCell? cell, TikTokCallPriority priority, long arrival, CancellationToken ct)
    {
        _renewed?.Add(1);
        _logger.LogDebug("A {Priority} TikTok call was not sent within {SendWithin} of its turn: it takes a new one", cell?.Priority ?? priority, Options.SendWithin);
        return Enqueue(new Waiter(cell, priority, arrival, grant), ct);
    }

    /// <summary>Whether a grant's deadline (a timestamp of this quota's clock) has passed.</summary>
    internal bool Expired(long deadline) => _time.GetTimestamp() > deadline;

    private Task<TikTokQuotaGrant> Enqueue(Waiter waiter, CancellationToken ct)
    {
        if (ct.CanBeCanceled)
        {
            waiter.Registration = ct.Register(static state => ((Waiter)state!).Done.TrySetCanceled(), waiter);
        }

        lock (_gate)
        {
            _waiting.Add(waiter);
            // The pump is woken for a waiter more urgent than the one it sleeps on, not for every arrival behind it.
            if (_sleepingFor is not { } sleeping || waiter.Priority < sleeping)
            {
                SignalLocked();
            }
        }

        return waiter.Done.Task;
    }

    /// <summary>
    /// TikTok answered 40100: every instance holds off, for <see cref="TikTokQuotaOptions.FirstThrottlePause"/> after a
    /// first breach within the minute, for <see cref="TikTokQuotaOptions.ThrottlePause"/> after another (<see cref="QuotaRules.Pause"/>).
    /// </summary>
    public async Task ThrottledAsync(CancellationToken ct)
    {
        _throttled?.Add(1);
        var until = await _ledger.PauseAsync(ct).ConfigureAwait(false);
        _logger.LogWarning("TikTok answered 40100 (over the app's quota): every instance holds off TikTok until {Until:O}", until);
        lock (_gate)
        {
            _lastSeen = _lastSeen is { } seen
                ? seen with { State = seen.State with { PausedUntil = until } }
                : new QuotaTake(default, QuotaState.Empty with { PausedUntil = until }, _time.GetUtcNow());

            SignalLocked();
        }
    }

    /// <summary>The budget now, as the ledger holds it for the whole app, with this instance's queue.</summary>
    public async Task<QuotaSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var (state, now) = await _ledger.ReadAsync(ct).ConfigureAwait(false);
        int[] waiting;
        lock (_gate)
        {
            waiting = WaitingLocked();
        }

        return new QuotaSnapshot(_ledger.Where, now, Options, state.SecondUsed, state.MinuteUsed, state.DayUsed, state.PausedUntil, waiting);
    }

    /// <summary>Completes while the pump sleeps with nothing it could do before its clock moves or a caller arrives (for tests).</summary>
    internal Task Asleep
    {
        get
        {
            lock (_gate)
            {
                return _asleep.Task;
            }
        }
    }

    private async Task PumpAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Waiter? head;
            Task wake;
            lock (_gate)
            {
                if (_wake.Task.IsCompleted)
                {
                    _wake = NewSignal();
                }

                wake = _wake.Task;
                head = HeadLocked();
                _sleepingFor = null;
            }

            if (head is null)
            {
                await SleepAsync(wake, null, stopping).ConfigureAwait(false);
                continue;
            }

            QuotaTake take;
            // A grant is good for SendWithin from before the ledger was asked: never later than SendWithin after the grant itself.
            var asked = _time.GetTimestamp();
            try
            {
                take = await _ledger.TakeAsync(head.Priority, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The shared ledger out of reach (the database): the call fails as a call to TikTok would, not silently unlimited.
                _logger.LogWarning(e, "The TikTok quota could not be read ({Failure}); a {Priority} call fails", e.GetType().Name, head.Priority);
                Remove(head);
                head.Done.TrySetException(new TikTokQuotaException("TikTokBot could not check its TikTok quota (its database did not answer). Try again in a minute.", null));
                continue;
            }

            lock (_gate)
            {
                _lastSeen = take;
            }

            if (take.Decision.Granted)
            {
                Remove(head);
                // A waiter cancelled during the ask has spent a slot for nothing; the next one still waits its pace.
                var deadline = asked + (long)(Options.SendWithin.TotalSeconds * _time.TimestampFrequency);
                head.Done.TrySetResult(head.Renewing?.Renewed(deadline) ?? new TikTokQuotaGrant(this, head.Cell, head.OwnPriority, head.Arrival, deadline));
                continue;
            }

            var wait = take.Decision.RetryAt - take.Now;
            if (head.Priority == TikTokCallPriority.Person && wait > Options.PersonMaxWait)
            {
                FailPeople(take.Decision);
                continue;
            }

            if (wait > TimeSpan.Zero)
            {
                lock (_gate)
                {
                    _sleepingFor = head.Priority;
                }

                await SleepAsync(wake, wait, stopping).ConfigureAwait(false);
            }
        }

        lock (_gate)
        {
            foreach (var waiter in _waiting)
            {
                waiter.Done.TrySetCanceled();
            }
        }
    }

    private async Task SleepAsync(Task wake, TimeSpan? wait, CancellationToken stopping)
    {
        using var timer = wait is { } due ? _time.CreateTimer(static state => ((TikTokQuota)state!).Signal(), this, due, Timeout.InfiniteTimeSpan) : null;
        lock (_gate)
        {
            if (!wake.IsCompleted)
            {
                _asleep.TrySetResult();
            }
        }

        try
        {
            await wake.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private void Signal()
    {
        lock (_gate)
        {
            SignalLocked();
        }
    }

    private void SignalLocked()
    {
        _wake.TrySetResult();
        if (_asleep.Task.IsCompleted)
        {
            _asleep = NewSignal();
        }
    }

    private void FailPeople(QuotaDecision decision)
    {
        var message = decision.Wait == QuotaWait.Paused
            ? $"TikTok asked TikTokBot to slow down, so every TikTok request waits until {decision.RetryAt:HH:mm} UTC. Try again then."
            : $"TikTokBot has used its TikTok quota for now; it frees up at {decision.RetryAt:HH:mm} UTC. Try again then.";
        lock (_gate)
        {
            foreach (var person in _waiting.Where(w => w.Priority == TikTokCallPriority.Person).ToArray())
            {
                _waiting.Remove(person);
                person.Done.TrySetException(new TikTokQuotaException(message, decision.RetryAt));
            }
        }
    }

    // The most urgent now (a priority may have risen since the call queued), the earliest within one. A scan of the
    // list: an instance has at most a few hundred calls waiting.
    private Waiter? HeadLocked()
    {
        _waiting.RemoveAll(static w =>
        {
            if (!w.Done.Task.IsCompleted)
            {
                return false;
            }

            w.Registration.Dispose();
            return true;
        });
        Waiter? head = null;
        foreach (var waiter in _waiting)
        {
            if (head is null || waiter.Priority < head.Priority || (waiter.Priority == head.Priority && waiter.Arrival < head.Arrival))
            {
                head = waiter;
            }
        }

        return head;
    }

    private void Remove(Waiter head)
    {
        lock (_gate)
        {
            _waiting.Remove(head);
        }

        head.Registration.Dispose();
    }

    private int[] WaitingLocked()
    {
        var waiting = new int[4];
        foreach (var waiter in _waiting.Where(w => !w.Done.Task.IsCompleted))
        {
            waiting[(int)waiter.Priority]++;
        }

        return waiting;
    }

    private bool Paused()
    {
        lock (_gate)
        {
            return _lastSeen is { } seen && seen.State.PausedUntil > _time.GetUtcNow();
        }
    }

    private IEnumerable<Measurement<int>> ObserveUsed()
    {
        QuotaTake? seen;
        lock (_gate)
        {
            seen = _lastSeen;
        }

        if (seen is not { } take)
        {
            return [];
        }

        var state = _rules.Roll(take.State, _time.GetUtcNow());
        return
        [
            new(state.SecondUsed, new KeyValuePair<string, object?>("window", "second")),
            new(state.MinuteUsed, new KeyValuePair<string, object?>("window", "minute")),
            new(state.DayUsed, new KeyValuePair<string, object?>("window", "day")),
        ];
    }

    private IEnumerable<Measurement<int>> ObserveLimits() =>
    [
        new(Options.PerSecond, new KeyValuePair<string, object?>("window", "second")),
        new(Options.PerMinute, new KeyValuePair<string, object?>("window", "minute")),
        new(Options.PerDay, new KeyValuePair<string, object?>("window", "day")),
    ];

    private IEnumerable<Measurement<int>> ObserveWaiting()
    {
        lock (_gate)
        {
            return WaitingLocked().Select((count, i) => new Measurement<int>(count,
                new KeyValuePair<string, object?>("priority", ((TikTokCallPriority)i).ToString()))).ToArray();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        TikTokCallScope.Raised -= Signal;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _meter?.Dispose();
    }

    // The pump ends as soon as it is cancelled (its waits and ledger calls take the token), so waiting here is short.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private sealed class Waiter(TikTokCallPriorityCell? cell, TikTokCallPriority priority, long arrival, TikTokQuotaGrant? renewing)
    {
        /// <summary>The expired grant this turn renews, if it is one.</summary>
        public TikTokQuotaGrant? Renewing => renewing;

        public TikTokCallPriority Priority => cell?.Priority ?? priority;

        public TikTokCallPriorityCell? Cell => cell;

        /// <summary>The priority given when the call was made (its cell, if any, may rise later).</summary>
        public TikTokCallPriority OwnPriority => priority;

        public long Arrival { get; } = arrival;

        public TaskCompletionSource<TikTokQuotaGrant> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}

/// <summary>The shared budget as one instance sees it: used in each window, the pause, and its own callers waiting by priority.</summary>
public sealed record QuotaSnapshot(
    string Where, DateTimeOffset Now, TikTokQuotaOptions Options, int SecondUsed, int MinuteUsed, int DayUsed, DateTimeOffset? PausedUntil,
    IReadOnlyList<int> WaitingHere)
{
    public bool Paused => PausedUntil > Now;

    /// <summary>One line for people: "3/10 this second, 120/600 this minute, 5,000/864,000 today".</summary>
    public string Describe()
    {
        var used = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{SecondUsed:N0}/{Options.PerSecond:N0} this second, {MinuteUsed:N0}/{Options.PerMinute:N0} this minute, {DayUsed:N0}/{Options.PerDay:N0} today");
        var waiting = WaitingHere.Sum();
        return (Paused ? $"paused until {PausedUntil:HH:mm:ss} UTC after TikTok's 40100; " : "") + used +
            (waiting > 0 ? $"; {waiting} call(s) waiting here" : "") + $" (kept in {Where})";
    }
}

/// <summary>A call TikTokBot did not make because of its TikTok quota; <see cref="TikTokApiException.UserMessage"/> says when to try again.</summary>
public sealed class TikTokQuotaException(string userMessage, DateTimeOffset? retryAt)
    : TikTokApiException(TikTokApiException.RateLimited, "quota", null, userMessage)
{
    public DateTimeOffset? RetryAt { get; } = retryAt;
}
