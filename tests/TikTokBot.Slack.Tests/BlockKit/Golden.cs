using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace TikTokBot.Slack.Tests.BlockKit;

/// <summary>
/// Compares JSON with a checked-in golden file (Golden/*.json, copied to the output). Set SLACK_UPDATE_GOLDEN=1 to
/// rewrite the files in the source tree after an intended change, then review the diff.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actualJson, [CallerFilePath] string callerPath = "")
    {
        var actual = JsonNode.Parse(actualJson)!;
        if (Environment.GetEnvironmentVariable("SLACK_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "Golden", name + ".json");
            File.WriteAllText(source, actual.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
            return;
        }
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");
        Assert.True(File.Exists(path), $"Golden file {name}.json is missing.");
        var expected = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"{name}.json differs.\nExpected:\n{expected.ToJsonString()}\nActual:\n{actual.ToJsonString()}");
    }
}
