using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TikTokBot.Storage;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Tests.Actions;

/// <summary>Signed slash commands and button presses for the acting tests, and reading their answers.</summary>
internal static class ActingRequests
{
    public const string Team = "T-ACT";

    /// <summary>A message's JSON as its text (unescaped) followed by its JSON, so sentences and button values can both be found.</summary>
    public static string Said(string json)
    {
        using var document = JsonDocument.Parse(json);
        // Re-written without escaping non-ASCII (the "·" of the small print), so assertions read as Slack shows it.
        var readable = JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return (document.RootElement.TryGetProperty("text", out var text) ? text.GetString() : "") + "\n" + readable;
    }

    public static IWorkspaceStore StoreOf(ActingAppFactory app) => app.Services.GetRequiredService<IWorkspaceStorage>().ForTeam(Team);

    /// <summary>The command's answer: the inline acknowledgement, or what followed through the response_url.</summary>
    public static async Task<string> CommandAsync(ActingAppFactory app, HttpClient client, string user, string text, string responseUrl, string team = Team)
    {
        using var request = SlackTestRequests.Signed("/slack/commands",
            $"team_id={team}&channel_id=C-ACT&user_id={user}&command=%2Fttmetrics&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}",
            at: app.Clock.GetUtcNow());
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body;
    }

    public static Task PressAsync(ActingAppFactory app, HttpClient client, string user, string actionId, string value, string responseUrl, string team = Team) =>
        PressActionAsync(app, client, user, new() { ["action_id"] = actionId, ["type"] = "button", ["value"] = value }, responseUrl, team);

    /// <summary>A press of any element (a button, a users menu's pick), on the message given (its ts and thread) when there is one.</summary>
    public static async Task PressActionAsync(
        ActingAppFactory app, HttpClient client, string user, Dictionary<string, object> action, string responseUrl, string team = Team, object? message = null)
    {
        var payload = new Dictionary<string, object>
        {
            ["type"] = "block_actions",
            ["team"] = new { id = team },
            ["user"] = new { id = user },
            ["channel"] = new { id = "C-ACT" },
            ["api_app_id"] = "A1",
            ["trigger_id"] = "1.2.3",
            ["response_url"] = responseUrl,
            ["container"] = new { type = "message" },
            ["actions"] = new[] { action },
        };
        if (message is not null)
        {
            payload["message"] = message;
        }

        using var request = SlackTestRequests.Signed("/slack/interactions", "payload=" + Uri.EscapeDataString(JsonSerializer.Serialize(payload)), at: app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    /// <summary>The value of the button with this action id in a message's JSON.</summary>
    public static string ButtonValue(string said, string actionId)
    {
        using var document = JsonDocument.Parse(said[(said.IndexOf('\n') + 1)..]);
        foreach (var block in document.RootElement.GetProperty("blocks").EnumerateArray())
        {
            if (block.TryGetProperty("elements", out var elements))
            {
                foreach (var element in elements.EnumerateArray())
                {
                    if (element.TryGetProperty("action_id", out var id) && id.GetString() == actionId)
                    {
                        return element.GetProperty("value").GetString()!;
                    }
                }
            }
        }

        throw new Xunit.Sdk.XunitException($"No {actionId} button in {said}");
    }
}
