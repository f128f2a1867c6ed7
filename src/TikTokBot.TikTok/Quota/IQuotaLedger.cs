namespace TikTokBot.TikTok.Quota;

/// <summary>
/// Where the shared budget's state lives and is changed one caller at a time: in this process (one instance), or in
/// the database every instance uses. Each operation reads the state, applies <see cref="QuotaRules"/> at the ledger's
/// own clock and keeps the result, atomically.
/// </summary>
public interface IQuotaLedger
{
    /// <summary>Where the budget is kept, for the health page: "this process" or "PostgreSQL (shared by every instance)".</summary>
    string Where { get; }

    /// <summary>
    /// Takes one call of <paramref name="priority"/>, or says when to ask again; with the state after it and the ledger's
    /// clock (<c>Now</c>), which is the one every instance goes by.
    /// </summary>
    ValueTask<QuotaTake> TakeAsync(TikTokCallPriority priority, CancellationToken ct);

    /// <summary>Pauses every caller after TikTok's 40100; the pause's end.</summary>
    ValueTask<DateTimeOffset> PauseAsync(CancellationToken ct);

    /// <summary>The state now, windows that ended emptied.</summary>
    ValueTask<(QuotaState State, DateTimeOffset Now)> ReadAsync(CancellationToken ct);
}

/// <summary>One ask of the ledger: the decision, the state after it, and the ledger's time.</summary>
public readonly record struct QuotaTake(QuotaDecision Decision, QuotaState State, DateTimeOffset Now);

/// <summary>The budget of one instance (SQLite, or tests): the state under a lock, on the app's clock.</summary>
public sealed class InProcessQuotaLedger(QuotaRules rules, TimeProvider time) : IQuotaLedger
{
    private readonly Lock _gate = new();
    private QuotaState _state = QuotaState.Empty;

    public string Where => "this process";

    public ValueTask<QuotaTake> TakeAsync(TikTokCallPriority priority, CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            (_state, var decision) = rules.Take(_state, priority, now);
            return ValueTask.FromResult(new QuotaTake(decision, _state, now));
        }
    }

    public ValueTask<DateTimeOffset> PauseAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            _state = rules.Pause(_state, time.GetUtcNow());
            return ValueTask.FromResult(_state.PausedUntil!.Value);
        }
    }

    public ValueTask<(QuotaState State, DateTimeOffset Now)> ReadAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return ValueTask.FromResult((rules.Roll(_state, now), now));
        }
    }
}
