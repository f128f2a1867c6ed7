namespace TikTokBot.Storage;

/// <summary>Configuration <c>Storage:*</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (a file in <see cref="DataDirectory"/>) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres; for SQLite it defaults to <c>tiktokbot.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Holds the SQLite file and the Data Protection keys; relative paths start at the app's content root.</summary>
    public string DataDirectory { get; set; } = "data";
}
