using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>Parses the text after <c>/ttmetrics</c> into a <see cref="MetricsCommand"/>. Never throws on any input.</summary>
internal static class CommandParser
{
    public const string Slash = "/ttmetrics";

    /// <summary>Longest text accepted; anything longer is refused before parsing.</summary>
    public const int MaxLength = 500;

    public static readonly IReadOnlyList<CommandDefinition> Definitions =
    [
        new("", "campaign-42 [today|yesterday|7d|14d|30d|lifetime|2026-11-01..2026-11-20]", "the campaign read in funnel order (default: the last 7 days)"),
        new("fix", "campaign-42 fix", "what to fix first, earliest funnel stage first, with the numbers"),
        new("full", "campaign-42 full", "the full funnel: every metric in stage order, with where it stands"),
        new("explain", "campaign-42 explain", "why the numbers may differ from Ads Manager: attribution day, time zone, report lag, currency, what counts as a conversion"),
        new("by", "campaign-42 by adgroup|ad|age|gender|placement|device [period]", "a breakdown ranked by the objective's main metric"),
        new("chart", "campaign-42 chart cpa|ctr|spend|… [period]", "any metric day by day against the previous period"),
        new("list", "list", "every campaign with its objective, spend and top finding"),
        new("target", "target campaign-42 cpa 25 min 50", "set success criteria: the most one outcome may cost, and the minimum volume"),
        new("credit", "credit campaign-42 6000 2026-11-01..2026-12-31", "record ad credit: amount, start and expiry"),
        new("alias", "alias black-friday campaign-42", "a short name for a campaign id or name"),
        new("digest", "digest now [campaign-42 campaign-46]", "the daily digest right now: credit windows, learning phases, top findings"),
        new("subscribe", "subscribe [campaign-42 campaign-46] [at 09:00] [Europe/Berlin]", "this channel gets the digest every day (no campaign named: all of them)"),
        new("unsubscribe", "unsubscribe", "stop this channel's daily digest"),
        new("subscriptions", "subscriptions", "which channels get the digest, when, and how the last one went"),
        new("connect", "connect", "connect this workspace's TikTok advertiser accounts (a private link)"),
        new("accounts", "accounts", "the connected advertisers: currency, time zone, who connected them, token state"),
        new("disconnect", "disconnect <advertiser>", "forget an advertiser and its token"),
        new("use", "use <advertiser>", "this channel reads that advertiser unless a command names another"),
        new("pause", "pause campaign|adgroup <name or id>", "pause it, after a confirmation with today's spend and what it costs in learning"),
        new("resume", "resume campaign|adgroup <name or id>", "turn it back on, after the same confirmation"),
        new("budget", "budget campaign|adgroup <name or id> 500|+20%|-30%", "a new daily or lifetime budget, or a change in percent"),
        new("trends", "trends [conversions|leads|app|reach|traffic|video] [90d] [campaigns]", "the account's CPA, CTR, CVR and completion rate across its campaigns, by launch month"),
        new("alerts", AlertCommandText.Usage, "alerts in this channel when a campaign needs attention, once per campaign, rule and day; `alerts` lists rules and mutes"),
        new("fixes", "fixes [mine|campaign-42|all]", "the fixes people took: who owns which finding, applied or not, and when each is followed up"),
        new("help", "help", "this list"),
    ];

    // The words a command can start with, from the one list of definitions (fix, by and chart follow a campaign).
    private static readonly string[] LeadingVerbs = Definitions.Select(d => d.Verb).Where(v => v is not ("" or "fix" or "by" or "chart" or "explain")).ToArray();

    private static readonly FrozenDictionary<string, BreakdownDimension> Dimensions = new Dictionary<string, BreakdownDimension>(StringComparer.OrdinalIgnoreCase)
    {
        ["adgroup"] = BreakdownDimension.AdGroup,
        ["adgroups"] = BreakdownDimension.AdGroup,
        ["ad"] = BreakdownDimension.Ad,
        ["ads"] = BreakdownDimension.Ad,
        ["age"] = BreakdownDimension.Age,
        ["gender"] = BreakdownDimension.Gender,
        ["placement"] = BreakdownDimension.Placement,
        ["device"] = BreakdownDimension.Device,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string HelpText()
    {
        var text = new StringBuilder("*TikTokBot* reads TikTok campaigns in funnel order. Try:\n");
        foreach (var definition in Definitions)
        {
            text.Append(CultureInfo.InvariantCulture, $"• `{Slash} {definition.Usage}`: {definition.Description}\n");
        }

        return text.ToString();
    }

    public static MetricsCommand Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length > MaxLength)
        {
            return Invalid($"That is {trimmed.Length} characters; a command is at most {MaxLength}.", "help");
        }

        var words = Tokenise(trimmed);
        if (words.Count == 0 || words is ["help"])
        {
            return new MetricsCommand.Help();
        }

        var verb = words[0].ToLowerInvariant();
        return verb switch
        {
            "list" when words.Count == 1 => new MetricsCommand.List(),
            "target" => ParseTarget(words),
            "pause" or "resume" or "budget" => ActionCommandText.Parse(words),
            "credit" => ParseCredit(words),
            "digest" when words.Count >= 2 && words[1].Equals("now", StringComparison.OrdinalIgnoreCase) =>
                new MetricsCommand.DigestNow(words.Skip(2).SelectMany(w => w.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray()),
            "digest" => Invalid("Ask for the digest with `digest now`.", "digest now"),
            "subscribe" => ParseSubscribe(words),
            "unsubscribe" when words.Count == 1 => new MetricsCommand.Unsubscribe(),
            "unsubscribe" => Invalid("`unsubscribe` stops this channel's digest and takes nothing after it.", "unsubscribe"),
            "subscriptions" when words.Count == 1 => new MetricsCommand.Subscriptions(),
            "connect" when words.Count == 1 => new MetricsCommand.Connect(),
            "accounts" when words.Count == 1 => new MetricsCommand.Accounts(),
            "disconnect" => words.Count >= 2 ? new MetricsCommand.Disconnect(string.Join(' ', words.Skip(1))) : Invalid("Which advertiser? `/ttmetrics accounts` lists them.", "disconnect 7100000000000000001"),
            "use" when words.Count >= 2 => new MetricsCommand.Use(string.Join(' ', words.Skip(1))),
            "use" => Invalid("Which advertiser should this channel read? `/ttmetrics accounts` lists them.", "use 7100000000000000001"),
            "alias" => words.Count >= 3
                ? new MetricsCommand.SetAlias(words[1], string.Join(' ', words.Skip(2)))
                : Invalid("An alias needs a short name and the campaign it stands for.", "alias black-friday campaign-42"),
            "trends" => ParseTrends(words),
            "alerts" => AlertCommandText.Parse(words),
            "fixes" => words.Count switch
            {
                1 => new MetricsCommand.Fixes(false, null),
                2 when words[1].Equals("all", StringComparison.OrdinalIgnoreCase) => new MetricsCommand.Fixes(false, null),
                2 when words[1].Equals("mine", StringComparison.OrdinalIgnoreCase) => new MetricsCommand.Fixes(true, null),
                _ => new MetricsCommand.Fixes(false, string.Join(' ', words.Skip(1))),
            },
            _ => ParseCampaignCommand(words),
        };
    }

    // trends [objective] [Nd] [campaigns], in any order; anything else is named back.
    private static MetricsCommand ParseTrends(List<string> words)
    {
        Domain.Objectives.Objective? objective = null;
        int? days = null;
        var byCampaign = false;
        foreach (var word in words.Skip(1).Select(w => w.ToLowerInvariant()))
        {
            if (word is "campaigns" or "campaign")
                byCampaign = true;
            else if (word.EndsWith('d') && int.TryParse(word[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 365)
                days = n;
            else if (TrendObjectives.TryGetValue(word, out var named))
                objective = named;
            else
                return Invalid($"`{word}` is not an objective or a number of days (1d to 365d).", "trends conversions 90d");
        }

        return new MetricsCommand.Trends(objective, days, byCampaign);
    }

    private static readonly FrozenDictionary<string, Domain.Objectives.Objective> TrendObjectives = new Dictionary<string, Domain.Objectives.Objective>()
    {
        ["conversions"] = Domain.Objectives.Objective.WebsiteConversions, ["sales"] = Domain.Objectives.Objective.WebsiteConversions,
        ["leads"] = Domain.Objectives.Objective.LeadGeneration, ["app"] = Domain.Objectives.Objective.AppInstalls,
        ["reach"] = Domain.Objectives.Objective.Awareness, ["awareness"] = Domain.Objectives.Objective.Awareness,
        ["traffic"] = Domain.Objectives.Objective.Traffic, ["video"] = Domain.Objectives.Objective.VideoViews,
        ["engagement"] = Domain.Objectives.Objective.CommunityEngagement,
    }.ToFrozenDictionary();

    private static MetricsCommand ParseCampaignCommand(List<string> words)
    {
        // A word that looks like a misspelt verb ("taget", "lst") gets the closest command, not a campaign search.
        if (words.Count > 1 && ClosestVerb(words[0]) is { } verb && !verb.Equals(words[0], StringComparison.OrdinalIgnoreCase))
        {
            return Invalid($"`{words[0]}` is not a command.", Definitions.First(d => d.Verb == verb).Usage);
        }

        if (TakeWord(ref words, "explain"))
        {
            return new MetricsCommand.Explain(string.Join(' ', words));
        }

        // "fix" (or "full") and the period may come in either order after the campaign.
        var wantsFix = TakeFix(ref words);
        var wantsFull = !wantsFix && TakeWord(ref words, "full");
        var period = Period.Default;
        if (Period.TryParse(words[^1], out var parsed, out var periodProblem))
        {
            period = parsed;
            words = words[..^1];
        }
        else if (periodProblem is not null)
        {
            return Invalid(periodProblem, "campaign-42 2026-11-01..2026-11-20");
        }

        wantsFix |= TakeFix(ref words);
        wantsFull |= !wantsFix && TakeWord(ref words, "full");
        if (wantsFix)
        {
            return words.Count > 0 ? new MetricsCommand.Fix(string.Join(' ', words), period) : Invalid("Which campaign?", "campaign-42 fix");
        }

        if (words.FindLastIndex(w => w.Equals("chart", StringComparison.OrdinalIgnoreCase)) is var chartAt and >= 1)
        {
            return ChartCommandText.Parse(words[..chartAt], words[(chartAt + 1)..], period);
        }

        if (words.Count >= 3 && words[^2].Equals("by", StringComparison.OrdinalIgnoreCase))
        {
            return Dimensions.TryGetValue(words[^1], out var dimension)
                ? new MetricsCommand.Breakdown(string.Join(' ', words[..^2]), dimension, period)
                : Invalid($"`{words[^1]}` is not a breakdown.", "campaign-42 by adgroup|ad|age|gender|placement|device");
        }

        if (words.Count == 0)
        {
            return Invalid("Which campaign?", "campaign-42 7d");
        }

        return new MetricsCommand.Summary(string.Join(' ', words), period, wantsFull);
    }

    private static bool TakeWord(ref List<string> words, string word)
    {
        if (words.Count >= 2 && words[^1].Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^1];
            return true;
        }

        return false;
    }

    private static bool TakeFix(ref List<string> words)
    {
        if (words.Count >= 2 && words[^1].Equals("fix", StringComparison.OrdinalIgnoreCase))
        {
            words = words[..^1];
            return true;
        }

        return false;
    }

    private static MetricsCommand ParseTarget(List<string> words)
    {
        const string example = "target campaign-42 cpa 25 min 50";
        // target <campaign...> <metric> <cost> min <volume>
        if (words.Count < 6 || !words[^2].Equals("min", StringComparison.OrdinalIgnoreCase))
        {
            return Invalid("A target needs the campaign, the cost metric and its most, and `min` with the smallest useful volume.", example);
        }

        if (!TryDecimal(words[^3], out var cost) || !long.TryParse(words[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
        {
            return Invalid($"`{words[^3]}` and `{words[^1]}` must be numbers, like 25 and 50.", example);
        }

        var problems = SuccessCriteria.Validate(cost, minimum);
        return problems.Count > 0
            ? Invalid(problems[0], example)
            : new MetricsCommand.SetTarget(string.Join(' ', words[1..^4]), words[^4].ToLowerInvariant(), cost, minimum);
    }

    private static MetricsCommand ParseSubscribe(List<string> words)
    {
        const string example = "subscribe campaign-42 at 09:00 Europe/Berlin";
        var campaigns = new List<string>();
        TimeOnly? at = null;
        string? zone = null;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Equals("at", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 >= words.Count || !TryLocalTime(words[i + 1], out var time))
                {
                    return Invalid($"`at` needs a time of day such as 09:00 or 17:30{(i + 1 < words.Count ? $", not `{words[i + 1]}`" : "")}.", example);
                }

                at = time;
                i++;
            }
            else if (LooksLikeTimeZone(word))
            {
                if (FindTimeZone(word) is not { } found)
                {
                    return Invalid($"`{word}` is not a time zone I know; use a name such as Europe/Berlin, America/New_York or UTC.", example);
                }

                zone = found;
            }
            else
            {
                campaigns.AddRange(word.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        return new MetricsCommand.Subscribe(campaigns.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(), at, zone);
    }

    /// <summary>09:00, 9:00 or 17:30; whole minutes only, as the digest runs once a day at a minute.</summary>
    private static bool TryLocalTime(string word, out TimeOnly time) =>
        TimeOnly.TryParseExact(word, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static bool LooksLikeTimeZone(string word) =>
        word.Contains('/', StringComparison.Ordinal) || word.Equals("UTC", StringComparison.OrdinalIgnoreCase) || word.Equals("GMT", StringComparison.OrdinalIgnoreCase);

    /// <summary>The IANA id as the system spells it, matched regardless of case ("europe/berlin" finds Europe/Berlin).</summary>
    public static string? FindTimeZone(string typed)
    {
        if (typed.Length > 64)
        {
            return null;
        }

        if (typed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || typed.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return "UTC";
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(typed, out var zone)
            ? zone.Id
            : TimeZoneInfo.GetSystemTimeZones().FirstOrDefault(z => z.Id.Equals(typed, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private static MetricsCommand ParseCredit(List<string> words)
    {
        const string example = "credit campaign-42 6000 2026-11-01..2026-12-31";
        if (words.Count < 4 || !TryDecimal(words[^2], out var amount) || !Period.TryParseRange(words[^1], out var range, out _))
        {
            return Invalid("Credit needs the campaign, the amount and the dates it is valid, start..expiry.", example);
        }

        var problems = CreditGrant.Validate(amount, range.Start, range.End);
        return problems.Count > 0
            ? Invalid(problems[0], example)
            : new MetricsCommand.SetCredit(string.Join(' ', words[1..^2]), amount, range.Start, range.End);
    }

    private static bool TryDecimal(string word, out decimal value) =>
        decimal.TryParse(word.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static string? ClosestVerb(string word) =>
        word.Length < 3 ? null : LeadingVerbs.Select(v => (Verb: v, Distance: CampaignResolver.EditDistance(word.ToLowerInvariant(), v)))
            .Where(x => x.Distance <= 1 && Math.Abs(x.Verb.Length - word.Length) <= 1)
            .OrderBy(x => x.Distance)
            .Select(x => x.Verb)
            .FirstOrDefault();

    /// <summary>Words split on spaces; "double quotes" keep a name with spaces together.</summary>
    private static List<string> Tokenise(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c is '"' or '“' or '”')
            {
                quoted = !quoted;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    internal static MetricsCommand.Invalid Invalid(string problem, string usage) => new(problem, $"{Slash} {usage}");
}
