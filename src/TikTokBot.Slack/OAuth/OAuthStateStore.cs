using System.Collections.Concurrent;

namespace TikTokBot.Slack.OAuth;

/// <summary>A kept install state: the hash of the browser secret it is bound to, and when it expires.</summary>
public sealed record KeptOAuthState(string BrowserHash, DateTimeOffset ExpiresAt);

/// <summary>
/// Where issued install states wait for their callback. Replace the in-memory default with a shared store (the app keeps
/// them in its database) so that any instance, or the same one after a restart, can finish an install.
/// </summary>
public interface IOAuthStateStore
{
    /// <summary>Keeps a new state; false, keeping nothing, when <paramref name="cap"/> unexpired states are already waiting.</summary>
    Task<bool> TryAddAsync(string nonce, KeptOAuthState state, int cap, DateTimeOffset now, CancellationToken ct);

    /// <summary>Removes and returns the state: one caller gets it, every later one null.</summary>
    Task<KeptOAuthState?> TakeAsync(string nonce, CancellationToken ct);
}

/// <summary>This process's memory: enough for one instance that is never restarted mid-install.</summary>
public sealed class InMemoryOAuthStateStore : IOAuthStateStore
{
    private readonly ConcurrentDictionary<string, KeptOAuthState> _states = new(StringComparer.Ordinal);
    private readonly Lock _adding = new();

    public Task<bool> TryAddAsync(string nonce, KeptOAuthState state, int cap, DateTimeOffset now, CancellationToken ct)
    {
        lock (_adding)
        {
            foreach (var (key, kept) in _states)
            {
                if (kept.ExpiresAt < now)
                    _states.TryRemove(key, out _);
            }
            if (_states.Count >= cap)
                return Task.FromResult(false);
            _states[nonce] = state;
            return Task.FromResult(true);
        }
    }

    public Task<KeptOAuthState?> TakeAsync(string nonce, CancellationToken ct) =>
        Task.FromResult(_states.TryRemove(nonce, out var state) ? state : null);
}
