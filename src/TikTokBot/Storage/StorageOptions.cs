namespace TikTokBot.Storage;

/// <summary>Configuration <c>Storage:*</c>.</summary>
internal sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (a file in <see cref="DataDirectory"/>) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres; for SQLite it defaults to <c>tiktokbot.db</c> in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Holds the SQLite file and the Data Protection keys; relative paths start at the app's content root. Unset: the user's
    /// data folder (<see cref="DataFolder"/>), outside the build output.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// SQLite's <c>synchronous</c> setting in WAL mode. <c>Normal</c>: a commit is not flushed to the disk by itself (the
    /// write-ahead log is, at each checkpoint), so commits cost microseconds instead of a disk flush each, and the file
    /// cannot be corrupted; a power cut or an operating-system crash (not an app crash) may undo the last commits.
    /// <c>Full</c>: every commit is flushed before it returns.
    /// </summary>
    public string SqliteSynchronous { get; set; } = "Normal";

    /// <summary>
    /// How long an instance answers a workspace's aliases, success criteria and credit windows from memory (zero: read the
    /// database every time). A change made on the same instance is seen at once; one made on another instance within this time.
    /// </summary>
    public TimeSpan SettingsFreshFor { get; set; } = TimeSpan.FromSeconds(5);
}
