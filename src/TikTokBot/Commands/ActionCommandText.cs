using TikTokBot.Domain.Actions;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>
/// <c>pause|resume campaign|adgroup &lt;name or id&gt;</c> and <c>budget campaign|adgroup &lt;name or id&gt; &lt;amount|+20%|-30%&gt;</c>.
/// </summary>
internal static class ActionCommandText
{
    public static MetricsCommand Parse(IReadOnlyList<string> words)
    {
        var verb = words[0].ToLowerInvariant();
        var usage = verb == "budget" ? "budget adgroup Broad 18-44 -30%" : $"{verb} adgroup Broad 18-44";
        if (words.Count < 3 || LevelOf(words[1]) is not { } level)
        {
            return CommandParser.Invalid($"Say whether to {verb} a `campaign` or an `adgroup`, then its name or id.", usage);
        }

        var rest = words.Skip(2).ToList();
        if (verb != "budget")
        {
            return new MetricsCommand.Act(verb == "pause" ? ActionIntent.Pause(level, "") : ActionIntent.Resume(level, ""), string.Join(' ', rest));
        }

        if (rest.Count < 2 || !BudgetChange.TryParse(rest[^1], out var change))
        {
            return CommandParser.Invalid("A budget change needs the name or id and then the new amount (500) or a change in percent (+20% or -30%).", usage);
        }

        return new MetricsCommand.Act(ActionIntent.ChangeBudget(level, "", change), string.Join(' ', rest[..^1]));
    }

    private static ActionLevel? LevelOf(string word) => word.ToLowerInvariant() switch
    {
        "campaign" => ActionLevel.Campaign,
        "adgroup" or "ad-group" or "adgroups" => ActionLevel.AdGroup,
        _ => null,
    };
}
