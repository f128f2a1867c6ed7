using Hangfire;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace TikTokBot.Jobs;

/// <summary>
/// Hangfire's storage, with one feature hidden: the store's own clock. Hangfire's recurring scheduler reads the store's
/// clock when it has one, and would ignore the app's <see cref="TimeProvider"/>; without it, it reads the clock it was
/// given (<see cref="DigestRegistration"/>), the clock every due time in our tables is computed with.
/// </summary>
internal sealed class AppClockJobStorage : JobStorage, IDisposable
{
    private readonly JobStorage _inner;

    public AppClockJobStorage(JobStorage inner)
    {
        _inner = inner;
        JobExpirationTimeout = inner.JobExpirationTimeout;
    }

    public override bool LinearizableReads => _inner.LinearizableReads;

    public override IMonitoringApi GetMonitoringApi() => _inner.GetMonitoringApi();

    public override IStorageConnection GetConnection() => _inner.GetConnection();

    public override IStorageConnection GetReadOnlyConnection() => _inner.GetReadOnlyConnection();

    [Obsolete("Hangfire's own obsolescence; the storage's components (expiration, for example) still arrive this way.")]
    public override IEnumerable<IServerComponent> GetComponents() => _inner.GetComponents();

    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => _inner.GetServerRequiredProcesses();

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => _inner.GetStorageWideProcesses();

    public override IEnumerable<IStateHandler> GetStateHandlers() => _inner.GetStateHandlers();

    public override void WriteOptionsToLog(ILog logger) => _inner.WriteOptionsToLog(logger);

    public override bool HasFeature(string featureId) =>
        featureId != JobStorageFeatures.Connection.GetUtcDateTime && _inner.HasFeature(featureId);

    /// <summary>The in-memory store runs a thread of its own; it ends with the app.</summary>
    public void Dispose() => (_inner as IDisposable)?.Dispose();

    public override string ToString() => _inner.ToString() ?? nameof(AppClockJobStorage);
}
