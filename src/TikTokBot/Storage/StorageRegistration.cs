using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TikTokBot.Storage.Database;
using TikTokBot.Storage.Keys;
using TikTokBot.Storage.Migrations;
using TikTokBot.Storage.Workspace;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.Storage;

internal static class StorageRegistration
{
    /// <summary>
    /// Registers the database chosen by <c>Storage:Provider</c>, the team-scoped <see cref="IWorkspaceStorage"/>,
    /// Data Protection with its keys in the data folder, and the migrations that run before the app starts. On
    /// PostgreSQL the TikTok quota's ledger goes in the database too (<see cref="PostgresQuotaLedger"/>).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = DataDirectory(options, configuration);
        var moved = string.IsNullOrWhiteSpace(options.DataDirectory)
            ? DataFolder.MoveLegacy(Path.Combine(ContentRoot(configuration), DataFolder.LegacyName), dataDirectory)
            : null;

        services.AddSingleton(options);
        services.AddSingleton(new DataFolderMove(moved));
        services.TryAddSingleton(TimeProvider.System);
        var database = CreateDatabase(options, dataDirectory);
        services.AddSingleton(database);
        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            // Several instances may share this database: TikTok's quota is the app's, so its ledger is kept here too.
            services.Replace(ServiceDescriptor.Singleton<IQuotaLedger>(sp => new PostgresQuotaLedger(sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<QuotaRules>())));
            services.RemoveAllKeyed<IQuotaLedger>(TikTokQuotaRegistration.TasksKey);
            services.AddKeyedSingleton<IQuotaLedger>(TikTokQuotaRegistration.TasksKey, (sp, key) => new PostgresQuotaLedger(
                sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredKeyedService<QuotaRules>(key)) { Row = PostgresQuotaLedger.TaskRow });
        }

        services.AddKeys(configuration, database, dataDirectory);
        services.AddSingleton<SchemaMigrator>();
        services.AddSingleton<WorkspaceReadCache>();
        services.AddSingleton<AccountHistoryStore>();
        services.AddSingleton<CampaignHoursStore>();
        services.AddSingleton<IWorkspaceStorage>(sp => new WorkspaceStorage(
            sp.GetRequiredService<StorageDatabase>(), sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<WorkspaceReadCache>()));
        services.AddHostedService<SchemaMigrationService>();
        return services;
    }

    /// <summary>Brings the database up to date, as the web host does while it starts; for work done without starting it (the terminal).</summary>
    public static Task PrepareStorageAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);

    /// <summary>The data folder as a full path (<see cref="DataFolder.Resolve"/>).</summary>
    public static string DataDirectory(StorageOptions options, IConfiguration configuration) =>
        DataFolder.Resolve(options.DataDirectory, ContentRoot(configuration), DataFolder.UserDataRoot());

    private static string ContentRoot(IConfiguration configuration) => configuration[HostDefaults.ContentRootKey] ?? AppContext.BaseDirectory;

    /// <summary>The database <paramref name="options"/> describe; refuses a provider or connection it cannot use, with what to set instead.</summary>
    public static StorageDatabase CreateDatabase(StorageOptions options, string dataDirectory)
    {
        if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var synchronous = options.SqliteSynchronous.Trim().ToUpperInvariant();
            if (synchronous is not ("FULL" or "NORMAL"))
            {
                throw new InvalidOperationException($"Storage:SqliteSynchronous must be Normal or Full, not '{options.SqliteSynchronous}'.");
            }

            return new SqliteDatabase(string.IsNullOrWhiteSpace(options.ConnectionString)
                ? $"Data Source={Path.Combine(dataDirectory, "tiktokbot.db")}"
                : options.ConnectionString, synchronous);
        }

        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException(
                    "Storage:Provider is Postgres but Storage:ConnectionString is empty; set it (environment variable Storage__ConnectionString), " +
                    "for example Host=db;Database=tiktokbot;Username=tiktokbot;Password=...");
            }

            return new PostgresDatabase(options.ConnectionString);
        }

        throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{options.Provider}'.");
    }
}
