namespace TikTokBot.Storage.Tests;

public sealed class StorageContractCoverageTests
{
    [Fact]
    public void Every_repository_method_is_checked_for_isolation_and_every_settings_write_for_atomicity()
    {
        var methods = typeof(IWorkspaceStore).GetProperties()
            .Where(p => p.PropertyType.IsInterface)
            .SelectMany(p => p.PropertyType.GetMethods().Select(m => $"{p.Name}.{m.Name}"))
            .Order()
            .ToList();

        Assert.Equal(methods, StorageContract.IsolationChecks.Keys.Order());
        Assert.Equal(methods.Where(m => !m.StartsWith("Deliveries.", StringComparison.Ordinal) && !m.StartsWith("SentAlerts.", StringComparison.Ordinal) && !m.StartsWith("Fixes.", StringComparison.Ordinal) && !m.StartsWith("Recaps.", StringComparison.Ordinal) && !m.StartsWith("Audit.", StringComparison.Ordinal) && !m.StartsWith("ConnectStates.", StringComparison.Ordinal) && !m.Contains(".Find", StringComparison.Ordinal) && !m.Contains(".List", StringComparison.Ordinal)), StorageContract.AtomicWrites.Keys.Order());
    }
}
