using Quartz;
using TikTokBot.Storage;

namespace TikTokBot.Digests;

public static class DigestRegistration
{
    /// <summary>
    /// The digest builder and sender, and Quartz.NET with the store <c>Scheduler:Store</c> names: SQLite (a file beside
    /// the app's database) or PostgreSQL (clustered, so several instances share one schedule and each firing runs once),
    /// both persistent with their schema created on first start; or memory, for tests.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName));
        var scheduling = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var store = string.IsNullOrWhiteSpace(scheduling.Store) ? storage.Provider : scheduling.Store;

        services.AddScoped<DigestBuilder>();
        services.AddScoped<DigestSender>();
        services.AddSingleton<DigestScheduler>();
        services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = scheduling.MaxConcurrency);

            // A stopping instance asks running digests to stop rather than waiting out Slack's retries; a persistent
            // store hands each interrupted firing back, so this instance (on restart) or another one runs it again.
            quartz.ConfigureScheduler(scheduler => scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs);
            if (string.Equals(store, "Memory", StringComparison.OrdinalIgnoreCase))
            {
                quartz.UseInMemoryStore();
            }
            else if (string.Equals(store, "Sqlite", StringComparison.OrdinalIgnoreCase))
            {
                var connection = scheduling.ConnectionString;
                if (string.IsNullOrWhiteSpace(connection))
                {
                    var dataDirectory = StorageRegistration.DataDirectory(storage, configuration);
                    Directory.CreateDirectory(dataDirectory);
                    connection = $"Data Source={Path.Combine(dataDirectory, "scheduler.db")}";
                }

                quartz.UsePersistentStore(persistent =>
                {
                    persistent.UseSqlite(connection);
                    persistent.UseSystemTextJsonSerializer();
                    persistent.ProvisionSchema();
                    persistent.ConfigureStore(store => store.RecoverFiringsCancelledByShutdown = true);
                });
            }
            else if (string.Equals(store, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                var connection = string.IsNullOrWhiteSpace(scheduling.ConnectionString) ? storage.ConnectionString : scheduling.ConnectionString;
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        "Scheduler:Store is Postgres but neither Scheduler:ConnectionString nor Storage:ConnectionString is set; set one (environment variable Scheduler__ConnectionString).");
                }

                quartz.UsePersistentStore(persistent =>
                {
                    persistent.UsePostgres(connection);
                    persistent.UseSystemTextJsonSerializer();
                    persistent.ProvisionSchema();
                    persistent.ConfigureStore(store => store.RecoverFiringsCancelledByShutdown = true);
                    persistent.UseClustering(cluster => cluster.CheckinInterval = scheduling.ClusterCheckinInterval);
                });
            }
            else
            {
                throw new InvalidOperationException($"Scheduler:Store must be Sqlite, Postgres or Memory, not '{store}'.");
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<DigestScheduleSync>();
        return services;
    }
}
