using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// Tracks handler work that goes on after the ack. On graceful shutdown it waits for that work; when the host's
/// shutdown timeout runs out it cancels the token handed to handlers.
/// </summary>
internal sealed partial class SlackBackgroundWork(ILogger<SlackBackgroundWork> logger) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the shutdown timeout runs out; already cancelled once the host has disposed this.</summary>
    public CancellationToken StoppingToken
    {
        get
        {
            try
            {
                return _stopping.Token;
            }
            catch (ObjectDisposedException)
            {
                return new CancellationToken(canceled: true);
            }
        }
    }

    public int Pending => _running.Count;

    public void Track(Task work)
    {
        if (work.IsCompleted)
            return;
        _running.TryAdd(work, 0);
        work.ContinueWith(static (t, state) => ((ConcurrentDictionary<Task, byte>)state!).TryRemove(t, out _),
            _running, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Completes once no tracked work is running, including work that starts while it waits.</summary>
    public async Task WhenIdleAsync(CancellationToken ct)
    {
        while (_running.Keys.Where(t => !t.IsCompleted).ToArray() is { Length: > 0 } pending)
        {
            // WhenAny of the combined task never throws: a failed handler is idle too.
            await Task.WhenAny(Task.WhenAll(pending)).WaitAsync(ct);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var pending = _running.Keys.ToArray();
        if (pending.Length == 0)
            return;
        LogWaiting(logger, pending.Length);
        try
        {
            // A handler that failed is finished too (the dispatcher has logged it): stopping waits, it does not rethrow.
            await Task.WhenAny(Task.WhenAll(pending)).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogCancelled(logger, _running.Count);
            try
            {
                await _stopping.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // A stop after the host disposed this (a test host may stop an app twice, dotnet/aspnetcore#40271):
                // the token it would cancel is gone with the handlers that held it.
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Waiting for {Count} Slack handler(s) to finish before shutdown")]
    private static partial void LogWaiting(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown timeout reached; cancelling {Count} Slack handler(s)")]
    private static partial void LogCancelled(ILogger logger, int count);
}
