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
/// The priority of the TikTok calls made inside a scope, carried with the async flow (as <see cref="System.Diagnostics.Activity"/>
/// is), so the digest job, the alert scan and the history read mark their calls once instead of passing a priority
/// through every metric source.
/// </summary>
public static class TikTokCallScope
{
    private static readonly AsyncLocal<TikTokCallPriority?> Ambient = new();

    /// <summary>The priority of calls made here; <see cref="TikTokCallPriority.Person"/> outside any scope.</summary>
    public static TikTokCallPriority Current => Ambient.Value ?? TikTokCallPriority.Person;

    /// <summary>Marks the calls made until the returned scope is disposed (and in work started inside it).</summary>
    public static IDisposable Enter(TikTokCallPriority priority)
    {
        var previous = Ambient.Value;
        Ambient.Value = priority;
        return new Restore(previous);
    }

    private sealed class Restore(TikTokCallPriority? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
