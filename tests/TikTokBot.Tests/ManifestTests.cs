namespace TikTokBot.Tests;

/// <summary>The manifests people create the Slack app from must match what the app serves.</summary>
public sealed class ManifestTests
{
    private static string Read(string name)
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "TikTokBot.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return File.ReadAllText(Path.Combine(folder!, "manifest", name));
    }

    [Theory]
    [InlineData("slack-app.yaml")]
    [InlineData("slack-app.socket-mode.yaml")]
    public void Each_manifest_declares_the_command_events_and_scopes_the_app_serves(string name)
    {
        var manifest = Read(name);

        Assert.Contains("command: /ttmetrics", manifest);
        foreach (var expected in new[] { "app_home_opened", "app_uninstalled", "tokens_revoked", "- commands", "- chat:write", "- users:read", "- usergroups:read", "home_tab_enabled: true" })
        {
            Assert.Contains(expected, manifest);
        }
    }

    [Fact]
    public void The_http_manifest_points_at_the_apps_endpoints()
    {
        var manifest = Read("slack-app.yaml");

        foreach (var path in new[] { "/slack/commands", "/slack/interactions", "/slack/events", "/slack/oauth/callback" })
        {
            Assert.Contains(path, manifest);
        }

        Assert.Contains("socket_mode_enabled: false", manifest);
        Assert.Contains("socket_mode_enabled: true", Read("slack-app.socket-mode.yaml"));
    }
}
