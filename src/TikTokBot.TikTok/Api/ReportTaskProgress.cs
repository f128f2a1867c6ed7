namespace TikTokBot.TikTok.Api;

/// <summary>Where a report read as an asynchronous TikTok task stands.</summary>
public enum ReportTaskState
{
    /// <summary>Created; TikTok has it waiting in its queue (<c>QUEUING</c>).</summary>
    Queued,

    /// <summary>TikTok is building it (<c>PROCESSING</c>).</summary>
    Running,

    /// <summary>Built; TikTokBot is downloading it.</summary>
    Downloading,

    /// <summary>Downloaded and read.</summary>
    Done,
}

/// <summary>
/// One step of a report task: its state, how long since it was created, and how many rows once known. TikTok's
/// <c>report/task/check</c> says only the state (no share done), so progress is the state and the time it has taken.
/// </summary>
public sealed record ReportTaskStatus(ReportTaskState State, TimeSpan Elapsed, int? Rows = null)
{
    /// <summary>For people: "Reading a large report from TikTok: running (40 s so far)".</summary>
    public string Describe() => "Reading a large report from TikTok: " + State switch
    {
        ReportTaskState.Queued => $"queued at TikTok{Since()}",
        ReportTaskState.Running => $"TikTok is preparing it{Since()}",
        ReportTaskState.Downloading => $"downloading{Since()}",
        _ => Rows is { } rows ? $"done, {rows:N0} rows" : "done",
    };

    private string Since() => Elapsed >= TimeSpan.FromSeconds(1) ? $" ({Elapsed.TotalSeconds:0} s so far)" : "";
}

/// <summary>
/// Who hears of report tasks, carried with the async flow (as <see cref="Quota.TikTokCallScope"/> carries the priority),
/// so the host can show a person what a long read is doing without passing a progress through every metric source.
/// </summary>
public static class ReportTaskProgress
{
    private static readonly AsyncLocal<IProgress<ReportTaskStatus>?> Ambient = new();

    /// <summary>Sends the report tasks started until the returned scope is disposed to <paramref name="progress"/>.</summary>
    public static IDisposable Watch(IProgress<ReportTaskStatus> progress)
    {
        var previous = Ambient.Value;
        Ambient.Value = progress;
        return new Restore(previous);
    }

    internal static IProgress<ReportTaskStatus>? Current => Ambient.Value;

    private sealed class Restore(IProgress<ReportTaskStatus>? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
