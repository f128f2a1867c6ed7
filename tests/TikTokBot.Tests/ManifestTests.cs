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

    [Theory]
    [InlineData("slack-app.yaml")]
    [InlineData("slack-app.socket-mode.yaml")]
    public void Each_manifest_turns_on_the_agent_messages_with_their_events_scopes_and_at_most_four_prompts(string name)
    {
        var lines = Read(name).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

        foreach (var expected in new[] { "  agent_view:", "    agent_description: ", "    messages_tab_enabled: true", "      - app_context_changed", "      - message.im", "      - assistant:write", "      - im:history" })
        {
            Assert.Contains(lines, l => l.StartsWith(expected, StringComparison.Ordinal));
        }

        // The prompts sit under agent_view, each a title and the message it sends; Slack shows at most four.
        var start = Array.FindIndex(lines, l => l == "    suggested_prompts:");
        var prompts = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).ToArray();
        var titles = prompts.Where(l => l.StartsWith("      - title: ", StringComparison.Ordinal)).ToArray();
        Assert.InRange(titles.Length, 1, Slack.WebApi.AssistantLimits.MaxPrompts);
        Assert.Equal(titles.Length, prompts.Count(l => l.StartsWith("        message: ", StringComparison.Ordinal)));
        Assert.Equal(2 * titles.Length, prompts.Length);
        Assert.DoesNotContain(lines, l => l.Contains("assistant_view", StringComparison.Ordinal));
    }

    [Fact]
    public void The_scopes_asked_at_install_are_the_manifests_bot_scopes()
    {
        var lines = Read("slack-app.yaml").Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var start = Array.FindIndex(lines, l => l == "    bot:");
        var manifest = lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      - ", StringComparison.Ordinal)).Select(l => l[8..]).Order().ToArray();

        var settings = System.Text.Json.JsonDocument.Parse(Read("../appsettings.json")).RootElement;
        var installed = settings.GetProperty("Slack").GetProperty("Scopes").GetString()!.Split(',').Order().ToArray();

        Assert.Equal(manifest, installed);
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
