using System.Globalization;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>Parses the words after <c>alerts</c>.</summary>
internal static class AlertCommandText
{
    public const string Usage = "alerts [on [campaign-42 ...] [quiet 20:00-08:00] [Europe/Berlin] | off | check now | critical-in-quiet-hours on|off]";

    public static MetricsCommand Parse(IReadOnlyList<string> words)
    {
        var rest = words.Skip(1).ToList();
        var first = rest.Count > 0 ? rest[0].ToLowerInvariant() : "";
        switch (first)
        {
            case "":
                return new MetricsCommand.Alerts(new AlertRequest.List());
            case "off" when rest.Count == 1:
                return new MetricsCommand.Alerts(new AlertRequest.Off());
            case "check" when rest.Count == 1 || (rest.Count == 2 && rest[1].Equals("now", StringComparison.OrdinalIgnoreCase)):
                return new MetricsCommand.Alerts(new AlertRequest.CheckNow());
            case "on":
                return ParseOn(rest);
            case "critical-in-quiet-hours":
                return rest.Count == 2 && rest[1].ToLowerInvariant() is "on" or "off"
                    ? new MetricsCommand.Alerts(new AlertRequest.CriticalInQuietHours(rest[1].Equals("on", StringComparison.OrdinalIgnoreCase)))
                    : CommandParser.Invalid("`critical-in-quiet-hours` needs `on` or `off`.", "alerts critical-in-quiet-hours on");
            default:
                return CommandParser.Invalid($"`{rest[0]}` is not an alerts command.", Usage);
        }
    }

    private static MetricsCommand ParseOn(List<string> rest)
    {
        const string example = "alerts on campaign-42 quiet 20:00-08:00 Europe/Berlin";
        var campaigns = new List<string>();
        (TimeOnly From, TimeOnly To)? quiet = null;
        string? zone = null;
        for (var i = 1; i < rest.Count; i++)
        {
            var word = rest[i];
            if (word.Equals("quiet", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= rest.Count || ParseQuiet(rest[i + 1]) is not { } hours)
                {
                    return CommandParser.Invalid("`quiet` needs hours such as 20:00-08:00.", example);
                }

                quiet = hours;
                i++;
            }
            else if (word.Contains('/', StringComparison.Ordinal) || word.Equals("UTC", StringComparison.OrdinalIgnoreCase))
            {
                if (CommandParser.FindTimeZone(word) is not { } found)
                {
                    return CommandParser.Invalid($"`{word}` is not a time zone I know; use a name such as Europe/Berlin or UTC.", example);
                }

                zone = found;
            }
            else if (!word.Equals("campaign", StringComparison.OrdinalIgnoreCase) && !word.Equals("campaigns", StringComparison.OrdinalIgnoreCase))
            {
                campaigns.AddRange(word.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return new MetricsCommand.Alerts(new AlertRequest.On(campaigns.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), quiet?.From, quiet?.To, zone));
    }

    private static (TimeOnly, TimeOnly)? ParseQuiet(string word)
    {
        var parts = word.Split('-');
        string[] formats = ["H:mm", "HH:mm"];
        return parts.Length == 2 &&
            TimeOnly.TryParseExact(parts[0], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) &&
            TimeOnly.TryParseExact(parts[1], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) && from != to
            ? (from, to)
            : null;
    }
}
