namespace TikTokBot.Alerts;

/// <summary>Every finished scan, for whoever waits on one (a test, a dashboard): a definite signal instead of a guess.</summary>
internal sealed class AlertScanMonitor
{
    private readonly object _gate = new();
    private readonly List<AlertScanResult> _results = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AlertScanResult> Results
    {
        get
        {
            lock (_gate)
            {
                return _results.ToArray();
            }
        }
    }

    public void Record(AlertScanResult result)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _results.Add(result);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Completes when <paramref name="count"/> scans of the team have finished.</summary>
    public async Task<IReadOnlyList<AlertScanResult>> WaitForScansAsync(string teamId, int count, CancellationToken ct)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var done = _results.Where(r => r.TeamId == teamId).ToArray();
                if (done.Length >= count)
                {
                    return done;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(ct);
        }
    }
}
