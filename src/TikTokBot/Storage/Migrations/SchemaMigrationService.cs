namespace TikTokBot.Storage.Migrations;

/// <summary>Migrates the database while the host starts, before any hosted service or request can use it.</summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator, DataFolderMove move, ILogger<SchemaMigrationService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (move.Message is { } moved)
        {
            logger.LogWarning("{DataFolderMove}", moved);
        }

        return migrator.MigrateAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
