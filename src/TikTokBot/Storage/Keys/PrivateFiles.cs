namespace TikTokBot.Storage.Keys;

/// <summary>
/// What the app writes is readable by its own user only: folders 0700, files 0600. The data folder holds the database
/// and the keys that decrypt every stored token; another account on the machine has no business reading either.
/// </summary>
internal static class PrivateFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (0700), or narrows an existing one to 0700.</summary>
    public static string Folder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return path;
        }

        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
        return path;
    }

    /// <summary>Narrows each of these files that exists to 0600.</summary>
    public static void Narrow(params string[] files)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, FileMode);
            }
        }
    }
}
