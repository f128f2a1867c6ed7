using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TikTokBot.Tests.Digests;

/// <summary>
/// Hangfire's work in a test app, as signals: the app's own state changer and job performer (the ones its server and its
/// delayed scheduler use) are wrapped, so every job state committed (processing, succeeded, failed, scheduled again,
/// enqueued when due) and every job run that returns wakes the tests waiting here, which then look again at what they
/// wait for. Nothing is read on a timer: a test waits until the app has done something. Several apps (instances on one
/// database) may share one <see cref="JobSignals"/>, so a test waiting on either wakes on the work of both.
/// </summary>
public sealed class JobSignals
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;

    /// <summary>Jobs whose method is running in the apps that report here.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Wraps the Hangfire services of the app being built so that they report here.</summary>
    public void AddTo(IServiceCollection services)
    {
        Decorate<IBackgroundJobStateChanger>(services, inner => new StateChanger(inner, this));
        Decorate<IBackgroundJobPerformer>(services, inner => new Performer(inner, this));
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, looking at it now and again after each state change or job run;
    /// fails naming <paramref name="what"/> after <paramref name="within"/> (90 s, real time), only to keep a broken test from hanging.
    /// </summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        using var limit = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (await condition())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"the app's jobs never brought about {what}");
            }
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, string, TimeSpan?)"/>
    public Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null) => UntilAsync(() => Task.FromResult(condition()), what, within);

    private void Changed()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private static void Decorate<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.RemoveAll<T>();
        services.AddSingleton<T>(provider => wrap((T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))));
    }

    /// <summary>Tells after the change is committed: Hangfire's own changer opens, applies and commits it.</summary>
    private sealed class StateChanger(IBackgroundJobStateChanger inner, JobSignals signals) : IBackgroundJobStateChanger
    {
        public IState ChangeState(StateChangeContext context)
        {
            try
            {
                return inner.ChangeState(context);
            }
            finally
            {
                signals.Changed();
            }
        }
    }

    /// <summary>Tells when a job's method returns (its writes to our tables are done), even from an app already stopped.</summary>
    private sealed class Performer(IBackgroundJobPerformer inner, JobSignals signals) : IBackgroundJobPerformer
    {
        public object Perform(PerformContext context)
        {
            Interlocked.Increment(ref signals._running);
            try
            {
                return inner.Perform(context);
            }
            finally
            {
                Interlocked.Decrement(ref signals._running);
                signals.Changed();
            }
        }
    }
}
