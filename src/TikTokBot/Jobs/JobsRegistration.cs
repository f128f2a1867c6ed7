using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.States;
using TikTokBot.Storage;

namespace TikTokBot.Jobs;

internal static class JobsRegistration
{
    /// <summary>
    /// Hangfire, once for the app, below every capability that schedules work: the store <c>Scheduler:Store</c> names
    /// (memory, or PostgreSQL for several instances), the workers, the recurring and delayed schedulers and one manager of
    /// recurring jobs, all on the app's clock. Global filters: the dashboard's statistics and every
    /// <see cref="JobFilterAttribute"/> a capability registers. Everything Hangfire uses is this app's own instance, none of
    /// its process-wide defaults, so two apps in one process (the tests) never share a storage, an activator or a filter.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        var scheduling = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var store = SchedulerStore(scheduling, storage);

        services.AddSingleton<JobStorage>(provider => new AppClockJobStorage(store switch
        {
            "Postgres" => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(scheduling.ConnectionString is { Length: > 0 } own ? own : storage.ConnectionString!, new PostgreSqlStorageOptions()),
                // Its workers find new jobs by polling the queue: as often as the schedulers look for due ones.
                new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true, QueuePollInterval = scheduling.PollingInterval }),
            _ => new InMemoryStorage(new InMemoryStorageOptions()),
        }));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(provider => Filters(provider.GetServices<JobFilterAttribute>()));
        services.AddSingleton<IBackgroundJobFactory>(provider => new BackgroundJobFactory(provider.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobStateChanger>(provider => new BackgroundJobStateChanger(provider.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobPerformer>(provider => new BackgroundJobPerformer(
            provider.GetRequiredService<IJobFilterProvider>(), provider.GetRequiredService<JobActivator>(), TaskScheduler.Default));
        // One manager of recurring jobs for every capability's schedules, on the app's clock: a recurring job's next firing
        // is computed from the time our tables and a test's fake time read, not the machine's.
        services.AddSingleton<IRecurringJobManagerV2>(provider => new RecurringJobManager(
            provider.GetRequiredService<JobStorage>(), provider.GetRequiredService<IJobFilterProvider>(), new DefaultTimeZoneResolver(),
            () => provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        services.AddSingleton<IRecurringJobManager>(provider => provider.GetRequiredService<IRecurringJobManagerV2>());
        services.AddSingleton<RecurringJobs>();
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<ILoggerFactory>())));

        // The server runs the workers only; the two schedulers are ours to build, so the recurring one reads the app's
        // clock (the clock our tables and a test's fake time use) instead of the machine's or the store's.
        services.AddSingleton<IBackgroundProcess>(provider => new RecurringJobScheduler(
            provider.GetRequiredService<IBackgroundJobFactory>(), scheduling.PollingInterval, new DefaultTimeZoneResolver(),
            () => provider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        services.AddSingleton<IBackgroundProcess>(provider => new DelayedJobScheduler(
            scheduling.PollingInterval, provider.GetRequiredService<IBackgroundJobStateChanger>()));
        services.AddHangfireServer(options =>
        {
            options.IsLightweightServer = true;
            options.WorkerCount = scheduling.WorkerCount;
            options.SchedulePollingInterval = scheduling.PollingInterval;
        });
        return services;
    }

    /// <summary>Which store the scheduler runs on; <c>Sqlite</c>, the store of the Quartz.NET days, now means memory.</summary>
    internal static string SchedulerStore(SchedulerOptions scheduling, StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(scheduling.Store) || scheduling.Store.Equals("Memory", StringComparison.OrdinalIgnoreCase)
            || scheduling.Store.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return "Memory";
        }

        if (scheduling.Store.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(scheduling.ConnectionString) && string.IsNullOrWhiteSpace(storage.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Scheduler:Store is Postgres but neither Scheduler:ConnectionString nor Storage:ConnectionString is set; set one (environment variable Scheduler__ConnectionString).");
            }

            return "Postgres";
        }

        throw new InvalidOperationException($"Scheduler:Store must be Memory or Postgres, not '{scheduling.Store}'.");
    }

    /// <summary>The filters every job runs with: dashboard statistics and the capabilities' own. Hangfire's default of ten automatic retries is left out.</summary>
    private static JobFilterProviderCollection Filters(IEnumerable<JobFilterAttribute> contributed)
    {
        var filters = new JobFilterCollection();
        filters.Add(new StatisticsHistoryAttribute());
        foreach (var filter in contributed)
        {
            filters.Add(filter);
        }

        return new JobFilterProviderCollection(filters, new JobFilterAttributeFilterProvider());
    }
}
