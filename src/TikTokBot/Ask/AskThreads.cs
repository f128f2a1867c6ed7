using Microsoft.Extensions.Options;

namespace TikTokBot.Ask;

/// <summary>
/// The threads' states in memory: at most <see cref="AskOptions.MaxThreads"/>, the least recently used dropped first, and
/// each forgotten after <see cref="AskOptions.ThreadIdle"/> without a word. Lost on restart, which costs a follow-up
/// its context and nothing else: the next question simply names the campaign again.
/// </summary>
internal sealed class AskThreads(IOptions<AskOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<AskThreadKey, LinkedListNode<Entry>> _byKey = [];
    private readonly LinkedList<Entry> _recent = new();

    private sealed record Entry(AskThreadKey Key, AskThreadState State, DateTimeOffset Touched);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    public AskThreadState? Find(AskThreadKey key)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var node))
            {
                return null;
            }

            if (now - node.Value.Touched > options.Value.ThreadIdle)
            {
                Remove(node);
                return null;
            }

            return node.Value.State;
        }
    }

    public void Remember(AskThreadKey key, AskThreadState state)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_byKey.TryGetValue(key, out var old))
            {
                Remove(old);
            }

            _byKey[key] = _recent.AddFirst(new Entry(key, state, now));
            // The oldest go first: past the bound, or idle too long (checked from the old end, where they gather).
            while (_recent.Last is { } last && (_byKey.Count > Math.Max(1, options.Value.MaxThreads) || now - last.Value.Touched > options.Value.ThreadIdle))
            {
                Remove(last);
            }
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recent.Remove(node);
        _byKey.Remove(node.Value.Key);
    }
}
