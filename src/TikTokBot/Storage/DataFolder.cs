namespace TikTokBot.Storage;

/// <summary>
/// Where the SQLite file and the Data Protection keys live. By default the user's data folder (<c>~/.local/share/tiktokbot</c>
/// on Linux), never the build output: <c>dotnet clean</c>, a Release build or <c>git clean -fdx</c> must not lose settings,
/// credit windows, the audit trail or connected accounts.
/// </summary>
internal static class DataFolder
{
    /// <summary>The folder used before: <c>data/</c> in the content root, which for <c>dotnet run</c> is the build output.</summary>
    public const string LegacyName = "data";

    /// <summary>
    /// <c>Storage:DataDirectory</c> as a full path (relative paths start at the content root); unset, the user's data folder,
    /// or the content root's <c>data/</c> on a machine that has none (no home folder).
    /// </summary>
    public static string Resolve(string? configured, string contentRoot, string? userDataRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        return string.IsNullOrEmpty(userDataRoot)
            ? Path.Combine(contentRoot, LegacyName)
            : Path.Combine(userDataRoot, "tiktokbot");
    }

    /// <summary>The user's data root on this machine (XDG_DATA_HOME or ~/.local/share on Linux), or null.</summary>
    public static string? UserDataRoot() =>
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } root
            ? root
            : null;

    /// <summary>
    /// Moves a database left in <paramref name="legacy"/> by an earlier version into <paramref name="current"/>, once: only
    /// when the new folder has no database yet, so nothing is ever overwritten. Returns what was done, for the log, or null.
    /// </summary>
    public static string? MoveLegacy(string legacy, string current)
    {
        var legacyDatabase = Path.Combine(legacy, "tiktokbot.db");
        if (Path.GetFullPath(legacy) == Path.GetFullPath(current) || !File.Exists(legacyDatabase) || File.Exists(Path.Combine(current, "tiktokbot.db")))
        {
            return null;
        }

        Directory.CreateDirectory(current);
        foreach (var file in Directory.EnumerateFiles(legacy, "tiktokbot.db*"))
        {
            File.Move(file, Path.Combine(current, Path.GetFileName(file)));
        }

        var keys = Path.Combine(legacy, "keys");
        var movedKeys = Directory.Exists(keys) && !Directory.Exists(Path.Combine(current, "keys"));
        if (movedKeys)
        {
            Directory.Move(keys, Path.Combine(current, "keys"));
        }

        return $"Moved the database{(movedKeys ? " and its keys" : "")} from {legacy} (inside the build output, lost on a clean) to {current}.";
    }
}
