using System.Text.Json;

namespace TikTokBot.Tests;

/// <summary>
/// Slack's Block Kit limits and the no-ping rule, checked on a message or view as JSON. Strings are read back from
/// the JSON first: the serializer writes '&lt;' as \u003C, which Slack decodes, so a raw search of the JSON text
/// would never see a ping.
/// </summary>
public static class BlockKitLimits
{
    private static readonly string[] Pings = ["<!channel", "<!here", "<!everyone", "<!subteam^", "<@"];

    /// <summary>Fails the test when <paramref name="json"/> breaks a limit or holds a ping; <paramref name="what"/> names it in the failure.</summary>
    public static void Check(string json, int maxBlocks, string what)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        NoPings(root, what);
        AtMost(root, "text", 40_000, what);
        if (!root.TryGetProperty("blocks", out var blocks))
        {
            Assert.True(root.TryGetProperty("text", out _), $"{what}: neither blocks nor text");
            return;
        }

        Assert.InRange(blocks.GetArrayLength(), 1, maxBlocks);
        foreach (var block in blocks.EnumerateArray())
        {
            AtMost(block, "block_id", 255, what);
            switch (block.GetProperty("type").GetString())
            {
                case "header":
                    AtMost(block.GetProperty("text"), "text", 150, what);
                    break;
                case "section":
                    if (block.TryGetProperty("text", out var text))
                    {
                        AtMost(text, "text", 3000, what);
                    }

                    if (block.TryGetProperty("fields", out var fields))
                    {
                        Assert.InRange(fields.GetArrayLength(), 1, 10);
                        Assert.All(fields.EnumerateArray(), f => AtMost(f, "text", 2000, what));
                    }

                    break;
                case "context":
                    Assert.InRange(block.GetProperty("elements").GetArrayLength(), 1, 10);
                    break;
                case "actions":
                    Assert.InRange(block.GetProperty("elements").GetArrayLength(), 1, 25);
                    foreach (var element in block.GetProperty("elements").EnumerateArray())
                    {
                        AtMost(element, "action_id", 255, what);
                        AtMost(element, "value", 2000, what);
                        if (element.TryGetProperty("text", out var label))
                        {
                            AtMost(label, "text", 75, what);
                        }

                        if (element.TryGetProperty("options", out var options))
                        {
                            Assert.All(options.EnumerateArray(), o => AtMost(o, "value", 150, what));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>True when any string in the JSON would notify someone in Slack.</summary>
    public static bool HasPing(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Pings.Any(p => element.GetString()!.Contains(p, StringComparison.OrdinalIgnoreCase)),
        JsonValueKind.Object => element.EnumerateObject().Any(p => HasPing(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Any(HasPing),
        _ => false,
    };

    private static void NoPings(JsonElement root, string what) => Assert.False(HasPing(root), $"{what}: the message pings someone");

    private static void AtMost(JsonElement element, string property, int limit, string what)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            Assert.True(value.GetString()!.Length <= limit, $"{what}: {property} is {value.GetString()!.Length} characters, limit {limit}");
        }
    }
}
