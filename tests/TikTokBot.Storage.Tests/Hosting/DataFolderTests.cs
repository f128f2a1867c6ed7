using Microsoft.Extensions.Configuration;

namespace TikTokBot.Storage.Tests.Hosting;

public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tiktokbot-datafolder-").FullName;

    [Fact]
    public void The_default_data_folder_of_dotnet_run_is_outside_the_build_output()
    {
        // What `dotnet run` resolves from the shipped appsettings.json: its content root is the output folder
        // src/TikTokBot/bin/<configuration>/net10.0, where that file is copied.
        var output = AppContext.BaseDirectory;
        var shipped = new ConfigurationBuilder().AddJsonFile(Path.Combine(output, "appsettings.json")).Build();
        var options = shipped.GetSection(StorageOptions.SectionName).Get<StorageOptions>()!;
        var folder = DataFolder.Resolve(options.DataDirectory, output, DataFolder.UserDataRoot());

        Assert.False(folder.StartsWith(output, StringComparison.Ordinal), folder);
        Assert.DoesNotContain($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", folder, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", folder, StringComparison.Ordinal);
        Assert.EndsWith("tiktokbot", folder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/var/lib/tiktokbot", "/var/lib/tiktokbot")]
    [InlineData("state", "/srv/app/state")]
    public void A_configured_folder_is_used_as_given_and_a_relative_one_starts_at_the_content_root(string configured, string expected) =>
        Assert.Equal(expected, DataFolder.Resolve(configured, "/srv/app", "/home/someone/.local/share"));

    [Fact]
    public void Without_a_home_folder_the_content_roots_data_folder_is_kept() =>
        Assert.Equal("/srv/app/data", DataFolder.Resolve(null, "/srv/app", userDataRoot: null));

    [Fact]
    public void A_database_left_in_the_old_place_is_moved_once_with_its_keys_and_never_over_a_newer_one()
    {
        var legacy = Path.Combine(_root, "bin", "data");
        var current = Path.Combine(_root, "home", "tiktokbot");
        Directory.CreateDirectory(Path.Combine(legacy, "keys"));
        File.WriteAllText(Path.Combine(legacy, "tiktokbot.db"), "settings");
        File.WriteAllText(Path.Combine(legacy, "tiktokbot.db-wal"), "last commits");
        File.WriteAllText(Path.Combine(legacy, "keys", "key-1.xml"), "<key/>");

        var message = DataFolder.MoveLegacy(legacy, current);

        Assert.Equal($"Moved the database and its keys from {legacy} (inside the build output, lost on a clean) to {current}.", message);
        Assert.Equal("settings", File.ReadAllText(Path.Combine(current, "tiktokbot.db")));
        Assert.Equal("last commits", File.ReadAllText(Path.Combine(current, "tiktokbot.db-wal")));
        Assert.Equal("<key/>", File.ReadAllText(Path.Combine(current, "keys", "key-1.xml")));
        Assert.False(File.Exists(Path.Combine(legacy, "tiktokbot.db")));

        // A later build leaves a new database in the old place: the one already moved is never replaced.
        File.WriteAllText(Path.Combine(legacy, "tiktokbot.db"), "stale");
        Assert.Null(DataFolder.MoveLegacy(legacy, current));
        Assert.Equal("settings", File.ReadAllText(Path.Combine(current, "tiktokbot.db")));
    }

    [Fact]
    public void A_setting_saved_by_one_app_survives_a_clean_build_output_and_is_read_by_the_next()
    {
        // Two content roots stand for the build output before and after `dotnet clean` and a rebuild.
        var before = Directory.CreateDirectory(Path.Combine(_root, "out-1")).FullName;
        var after = Path.Combine(_root, "out-2");
        var userData = Path.Combine(_root, "share");

        var first = DataFolder.Resolve(null, before, userData);
        Directory.CreateDirectory(first);
        File.WriteAllText(Path.Combine(first, "tiktokbot.db"), "alias saved");
        Directory.Delete(before, recursive: true);

        Assert.Equal("alias saved", File.ReadAllText(Path.Combine(DataFolder.Resolve(null, after, userData), "tiktokbot.db")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
