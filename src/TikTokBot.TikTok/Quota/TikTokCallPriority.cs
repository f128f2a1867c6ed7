namespace TikTokBot.TikTok.Quota;

/// <summary>Who is waiting on a TikTok call, most urgent first: the order the shared quota serves them in.</summary>
public enum TikTokCallPriority
{
    /// <summary>A person waiting on a command, a button or a page: every call not marked otherwise.</summary>
    Person = 0,

    /// <summary>A channel's daily digest.</summary>
    Digest = 1,

    /// <summary>A scheduled alert scan.</summary>
    AlertScan = 2,

    /// <summary>Reading an account's history ahead of the summaries that will want it.</summary>
    HistoryReadAhead = 3,
}

/// <summary>
/// The priority of one piece of work, which a more urgent caller waiting on the same work may raise (never lower).
/// Work started inside other work (a report load inside a history read) goes at least as urgently as its parent.
/// </summary>
public sealed class TikTokCallPriorityCell(TikTokCallPriority priority, TikTokCallPriorityCell? parent = null)
{
    private int _priority = (int)priority;

    public TikTokCallPriority Priority
    {
        get
        {
            var own = (TikTokCallPriority)Volatile.Read(ref _priority);
            return parent is { Priority: var inherited } && inherited < own ? inherited : own;
        }
    }

    /// <summary>Makes the work at least as urgent as <paramref name="priority"/>; whether that changed anything.</summary>
    internal bool RaiseTo(TikTokCallPriority priority)
    {
        while (true)
        {
            var current = Volatile.Read(ref _priority);
            if ((int)priority >= current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _priority, (int)priority, current) == current)
            {
                return true;
            }
        }
    }
}

/// <summary>
/// The priority of the TikTok calls made inside a scope, carried with the async flow (as <see cref="System.Diagnostics.Activity"/>
/// is), so the digest job, the alert scan and the history read mark their calls once instead of passing a priority
/// through every metric source.
/// </summary>
public static class TikTokCallScope
{
    private static readonly AsyncLocal<TikTokCallPriorityCell?> Ambient = new();

    /// <summary>Raised when work already waiting became more urgent, so quotas look at their queues again.</summary>
    internal static event Action? Raised;

    /// <summary>The priority of calls made here; <see cref="TikTokCallPriority.Person"/> outside any scope.</summary>
    public static TikTokCallPriority Current => Ambient.Value?.Priority ?? TikTokCallPriority.Person;

    internal static TikTokCallPriorityCell? CurrentCell => Ambient.Value;

    /// <summary>Marks the calls made until the returned scope is disposed (and in work started inside it).</summary>
    public static IDisposable Enter(TikTokCallPriority priority) => Use(new TikTokCallPriorityCell(priority));

    /// <summary>
    /// A priority of its own for work several callers may wait on (one load of the report cache), starting at this
    /// caller's: a more urgent caller joining it raises that work only, not the rest of the first caller's.
    /// </summary>
    public static TikTokCallPriorityCell Branch() => new(Current, Ambient.Value);

    /// <summary>Runs what follows, until disposed, at <paramref name="cell"/>'s priority.</summary>
    public static IDisposable Use(TikTokCallPriorityCell cell)
    {
        var previous = Ambient.Value;
        Ambient.Value = cell;
        return new Restore(previous);
    }

    /// <summary>This caller waits on work running at <paramref name="cell"/>: that work goes at least as urgently as this caller.</summary>
    public static void Join(TikTokCallPriorityCell? cell)
    {
        if (cell is not null && cell.RaiseTo(Current))
        {
            Raised?.Invoke();
        }
    }

    private sealed class Restore(TikTokCallPriorityCell? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
