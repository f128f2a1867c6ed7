using System.Text.RegularExpressions;

namespace TikTokBot.Tests.Ask;

/// <summary>
/// Ask sits beside Digests, Alerts and Actions and reads only the layers below (Reports, Settings, Storage, Permissions,
/// the Slack library); nothing below or beside it reads Ask. Checked on the source, as the project has no architecture
/// test package yet (DESIGN.md, third wave).
/// </summary>
public sealed partial class AskLayeringTests
{
    private static string Source()
    {
        var folder = AppContext.BaseDirectory;
        while (folder is not null && !File.Exists(Path.Combine(folder, "TikTokBot.sln")))
        {
            folder = Path.GetDirectoryName(folder);
        }

        return Path.Combine(folder!, "src", "TikTokBot");
    }

    private static IEnumerable<string> Files(string under) =>
        Directory.EnumerateFiles(under, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Ask_reads_no_capability_beside_or_above_it()
    {
        var offending = Files(Path.Combine(Source(), "Ask"))
            .SelectMany(f => Sideways().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Only_the_composition_root_and_the_playground_read_Ask()
    {
        var root = Source();
        var allowed = new[] { Path.Combine(root, "Ask"), Path.Combine(root, "Configuration"), Path.Combine(root, "Web") };
        var offending = Files(root)
            .Where(f => !allowed.Any(a => f.StartsWith(a + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(f => UsesAsk().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .ToList();

        Assert.Empty(offending);
    }

    [GeneratedRegex(@"\b(TikTokBot\.)?(Commands|Digests|Alerts|Actions|Home|Accounts|Web|Interactions)\.[A-Z]\w*|using TikTokBot\.(Commands|Digests|Alerts|Actions|Home|Accounts|Web|Interactions);")]
    private static partial Regex Sideways();

    [GeneratedRegex(@"using TikTokBot\.Ask;|\bTikTokBot\.Ask\.|\bAsk(Service|Threads|Recogniser|Conversation|Actions|EventHandler|ButtonHandler)\b")]
    private static partial Regex UsesAsk();
}
