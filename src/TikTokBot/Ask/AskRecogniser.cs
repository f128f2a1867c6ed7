using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>
/// Reads a question in plain words into an <see cref="AskQuestion"/>, deterministically and without a language model:
/// the words are normalised (case, emoji, punctuation), phrases for periods, metrics and breakdowns are taken out, each
/// intent is scored by its cue words (a slip of a letter forgiven in longer words), and what is left is read as a
/// campaign by the workspace's own <see cref="CampaignResolver"/>, the one <c>/ttmetrics</c> uses. Nothing recognised:
/// refused, with the closest intents.
/// </summary>
internal static partial class AskRecogniser
{
    private sealed record Cue(string Words, AskIntent Intent, int Weight);

    // Phrases first (several words, matched on the normalised text), then single words. A weight of 2 is enough alone.
    private static readonly Cue[] Cues =
    [
        new("how is", AskIntent.Summary, 1), new("hows", AskIntent.Summary, 1), new("how are", AskIntent.Summary, 1), new("doing", AskIntent.Summary, 1),
        new("performing", AskIntent.Summary, 2), new("performance", AskIntent.Summary, 2), new("status", AskIntent.Summary, 2), new("summary", AskIntent.Summary, 2),
        new("going", AskIntent.Summary, 1), new("update on", AskIntent.Summary, 2), new("report on", AskIntent.Summary, 2), new("numbers for", AskIntent.Summary, 2),
        new("results of", AskIntent.Summary, 2), new("overview of", AskIntent.Summary, 2),
        new("fix", AskIntent.Fix, 3), new("wrong", AskIntent.Fix, 3), new("improve", AskIntent.Fix, 3), new("broken", AskIntent.Fix, 3),
        new("should i change", AskIntent.Fix, 3), new("what to do", AskIntent.Fix, 3), new("problems", AskIntent.Fix, 2), new("issues", AskIntent.Fix, 2), new("todo", AskIntent.Fix, 2),
        new("off track", AskIntent.OffTrack, 4), new("offtrack", AskIntent.OffTrack, 4), new("off target", AskIntent.OffTrack, 4), new("underperforming", AskIntent.OffTrack, 4),
        new("behind", AskIntent.OffTrack, 3), new("struggling", AskIntent.OffTrack, 3), new("at risk", AskIntent.OffTrack, 3), new("missing target", AskIntent.OffTrack, 4),
        new("not on track", AskIntent.OffTrack, 4), new("behind target", AskIntent.OffTrack, 4), new("on target", AskIntent.OffTrack, 3), new("failing", AskIntent.OffTrack, 3),
        new("compare", AskIntent.Compare, 4), new("comparison", AskIntent.Compare, 4), new("versus", AskIntent.Compare, 4), new("vs", AskIntent.Compare, 4),
        new("period before", AskIntent.Compare, 4), new("previous period", AskIntent.Compare, 4), new("week before", AskIntent.Compare, 4),
        new("than before", AskIntent.Compare, 4), new("against last", AskIntent.Compare, 3), new("compared", AskIntent.Compare, 4),
        new("credit", AskIntent.Credit, 4), new("credits", AskIntent.Credit, 4), new("run out", AskIntent.Credit, 3), new("runs out", AskIntent.Credit, 3),
        new("running out", AskIntent.Credit, 3), new("balance", AskIntent.Credit, 2), new("left", AskIntent.Credit, 1), new("remaining", AskIntent.Credit, 1), new("expire", AskIntent.Credit, 2),
        new("expires", AskIntent.Credit, 2),
        new("why", AskIntent.Why, 4), new("how come", AskIntent.Why, 4), new("what caused", AskIntent.Why, 4), new("reason", AskIntent.Why, 3), new("explain", AskIntent.Why, 3),
        new("breakdown", AskIntent.Breakdown, 4), new("break down", AskIntent.Breakdown, 4), new("split", AskIntent.Breakdown, 3), new("show", AskIntent.Breakdown, 1), new("chart", AskIntent.Breakdown, 2),
        new("all campaigns", AskIntent.Overview, 3), new("my campaigns", AskIntent.Overview, 3), new("every campaign", AskIntent.Overview, 3), new("list", AskIntent.Overview, 3),
        new("our campaigns", AskIntent.Overview, 3), new("campaigns doing", AskIntent.Overview, 2),
        new("who took", AskIntent.CheckIns, 5), new("who fixed", AskIntent.CheckIns, 5), new("who did", AskIntent.CheckIns, 5), new("who applied", AskIntent.CheckIns, 5),
        new("check in", AskIntent.CheckIns, 5), new("checkin", AskIntent.CheckIns, 5), new("checkins", AskIntent.CheckIns, 5), new("who is on", AskIntent.CheckIns, 4),
        new("fixes for", AskIntent.CheckIns, 6), new("fixes on", AskIntent.CheckIns, 6), new("fixes in progress", AskIntent.CheckIns, 6), new("my fixes", AskIntent.CheckIns, 6),
        new("am i on", AskIntent.CheckIns, 6), new("i am on", AskIntent.CheckIns, 6), new("im on", AskIntent.CheckIns, 6), new("who owns", AskIntent.CheckIns, 5),
        new("who is working", AskIntent.CheckIns, 5), new("assigned to me", AskIntent.CheckIns, 6), new("open fixes", AskIntent.CheckIns, 6),
        new("pause", AskIntent.Change, 4), new("resume", AskIntent.Change, 4), new("stop", AskIntent.Change, 3), new("turn off", AskIntent.Change, 4), new("unpause", AskIntent.Change, 4),
        new("increase the budget", AskIntent.Change, 5), new("raise the budget", AskIntent.Change, 5), new("cut the budget", AskIntent.Change, 5), new("set the budget", AskIntent.Change, 5),
        new("help", AskIntent.Help, 4), new("what can you do", AskIntent.Help, 5), new("what can i ask", AskIntent.Help, 5),
    ];

    // Words that carry no campaign: left out of the campaign's words, never matched as a name.
    private static readonly FrozenSet<string> Filler = new HashSet<string>(StringComparer.Ordinal)
    {
        "how", "is", "are", "was", "were", "did", "does", "do", "what", "whats", "which", "who", "when", "where", "should", "could", "would",
        "can", "will", "i", "we", "me", "my", "our", "us", "you", "the", "a", "an", "in", "on", "for", "of", "with", "to", "about", "and", "or",
        "it", "its", "this", "that", "these", "those", "be", "been", "please", "pls", "tell", "give", "hey", "hi", "hello", "bot", "tiktokbot",
        "campaign", "campaigns", "go", "gone", "get", "got", "so", "much", "many", "there", "up", "down", "by", "per", "from", "at", "then",
        "now", "any", "ad", "ads", "look", "looking", "like", "has", "have", "had", "been", "very", "just", "again", "than", "before", "still",
        "whos", "yet", "lately", "recently", "first", "some", "doing", "going", "left", "show", "see", "want", "know", "let", "lets", "same",
        "one", "thing", "things", "target", "targets", "track", "need", "here", "over", "last", "this", "past", "period", "time", "week", "month", "day", "days",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[] UpWords = ["up", "rise", "rose", "risen", "increase", "increased", "higher", "jump", "jumped", "spike", "spiked", "grew", "grow", "climb", "climbed", "worse"];
    private static readonly string[] DownWords = ["down", "drop", "dropped", "fall", "fell", "fallen", "decrease", "decreased", "lower", "dip", "dipped", "declined", "decline", "better", "sank"];

    private static readonly (string Phrase, Period Period)[] PeriodPhrases =
    [
        ("this week", Period.Default), ("last week", Period.Default), ("past week", Period.Default), ("last 7 days", Period.Default), ("7 days", Period.Default), ("seven days", Period.Default),
        ("two weeks", new(PeriodKind.LastDays, 14)), ("2 weeks", new(PeriodKind.LastDays, 14)), ("14 days", new(PeriodKind.LastDays, 14)), ("fortnight", new(PeriodKind.LastDays, 14)),
        ("this month", new(PeriodKind.LastDays, 30)), ("last month", new(PeriodKind.LastDays, 30)), ("past month", new(PeriodKind.LastDays, 30)), ("30 days", new(PeriodKind.LastDays, 30)),
        ("today", new(PeriodKind.Today)), ("yesterday", new(PeriodKind.Yesterday)), ("all time", new(PeriodKind.Lifetime)), ("since launch", new(PeriodKind.Lifetime)),
        ("lifetime", new(PeriodKind.Lifetime)), ("ever", new(PeriodKind.Lifetime)),
    ];

    private static readonly (string Phrase, MetricId Metric)[] MetricPhrases =
    [
        ("cost per result", MetricId.CostPerConversion), ("cost per conversion", MetricId.CostPerConversion), ("cost per acquisition", MetricId.CostPerConversion),
        ("click through rate", MetricId.Ctr), ("clickthrough rate", MetricId.Ctr), ("conversion rate", MetricId.CvrClicks), ("cost per click", MetricId.CpcDestination),
        ("cost per view", MetricId.CostPerVideoView), ("completion rate", MetricId.VideoCompletionRate), ("watch time", MetricId.AverageWatchTime),
        ("video views", MetricId.VideoViews), ("return on ad spend", MetricId.Roas),
    ];

    private static readonly (string Word, BreakdownDimension By)[] DimensionWords =
    [
        ("age", BreakdownDimension.Age), ("ages", BreakdownDimension.Age), ("gender", BreakdownDimension.Gender), ("genders", BreakdownDimension.Gender),
        ("placement", BreakdownDimension.Placement), ("placements", BreakdownDimension.Placement), ("device", BreakdownDimension.Device), ("devices", BreakdownDimension.Device),
        ("adgroup", BreakdownDimension.AdGroup), ("adgroups", BreakdownDimension.AdGroup), ("ad group", BreakdownDimension.AdGroup), ("ad groups", BreakdownDimension.AdGroup),
        ("creative", BreakdownDimension.Ad), ("creatives", BreakdownDimension.Ad),
    ];

    // A metric word that is also plain English ("reach", "views", "cost") counts as a metric only beside an intent.
    private static readonly FrozenSet<string> ExtraMetricWords = new HashSet<string>(StringComparer.Ordinal) { "conversions", "clicks", "impressions", "spend", "cost", "reach", "frequency", "views", "roas", "cpa", "cpc", "cpm", "cpv", "ctr", "cvr" }.ToFrozenSet(StringComparer.Ordinal);

    /// <param name="campaigns">The asking workspace's campaigns; another workspace's are never passed, so never found.</param>
    /// <param name="aliases">The asking workspace's aliases (alias to campaign id).</param>
    public static AskQuestion Understand(string? text, IReadOnlyList<CampaignInfo> campaigns, IReadOnlyDictionary<string, string>? aliases, AskOptions? options = null)
    {
        options ??= new AskOptions();
        var raw = (text ?? "").Trim();
        if (raw.Length > options.MaxQuestionLength)
        {
            return Refuse([], options);
        }

        var tokens = Tokens(raw);
        var used = new bool[tokens.Count];
        var lower = tokens.Select(t => t.ToLowerInvariant()).ToArray();

        var period = TakePeriod(lower, used);
        var metric = TakeMetric(lower, used);
        var (by, byDay) = TakeDimension(lower, used, options);
        var direction = lower.Any(w => UpWords.Contains(w)) ? MetricDirection.Up : lower.Any(w => DownWords.Contains(w)) ? MetricDirection.Down : (MetricDirection?)null;

        var scores = new Dictionary<AskIntent, int>();
        foreach (var cue in Cues)
        {
            if (Match(lower, used, cue.Words, options, out _, markUsed: true))
            {
                scores[cue.Intent] = scores.GetValueOrDefault(cue.Intent) + cue.Weight;
            }
        }

        // Several intents may share a question: "why" beats the words around it, a breakdown named beats "how is".
        if (by is not null || byDay)
        {
            scores[AskIntent.Breakdown] = scores.GetValueOrDefault(AskIntent.Breakdown) + 3;
        }

        var intent = scores.Count == 0 || scores.Values.Max() < 2
            ? (AskIntent?)null
            : scores.OrderByDescending(s => s.Value).ThenBy(s => Priority(s.Key)).First().Key;
        if (intent is null && scores.ContainsKey(AskIntent.Summary) && scores[AskIntent.Summary] >= 1 && lower.Contains("doing"))
        {
            intent = AskIntent.Summary;
        }

        var (campaignText, resolution) = FindCampaign(tokens, lower, used, campaigns, aliases);
        if (intent == AskIntent.Summary && resolution is null && (lower.Contains("campaigns") || lower.Contains("everything") || lower.Contains("things")))
        {
            intent = AskIntent.Overview;
        }

        var question = new AskQuestion
        {
            Intent = intent,
            Mine = intent == AskIntent.CheckIns && Mine(lower),
            CampaignText = campaignText,
            Resolution = resolution,
            Period = period,
            Metric = metric,
            By = by,
            ByDay = byDay,
            Direction = direction,
        };

        // Nothing recognised: not an intent, not a campaign of this workspace, not a slot a follow-up could carry.
        var recognisedCampaign = resolution is { Kind: ResolutionKind.Found or ResolutionKind.Ambiguous };
        if (intent is null && !recognisedCampaign && period is null && metric is null && by is null && !byDay)
        {
            return Refuse(lower, options);
        }

        return question;
    }

    /// <summary>"What am I on?", "my fixes", "assigned to me": the asker's own fixes.</summary>
    private static bool Mine(string[] lower)
    {
        var words = $" {string.Join(' ', lower)} ";
        return MineWords.Any(w => words.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] MineWords = [" am i on ", " i am on ", " im on ", " my fixes ", " mine ", " assigned to me ", " i took ", " i own "];

    private static int Priority(AskIntent intent) => intent switch
    {
        AskIntent.CheckIns => 0,
        AskIntent.Change => 1,
        AskIntent.Why => 2,
        AskIntent.Compare => 3,
        AskIntent.OffTrack => 4,
        AskIntent.Breakdown => 5,
        AskIntent.Fix => 6,
        AskIntent.Credit => 7,
        AskIntent.Overview => 8,
        AskIntent.Summary => 9,
        _ => 10,
    };

    private static AskQuestion Refuse(IReadOnlyList<string> words, AskOptions options)
    {
        // The closest intents by their cue words, a slip of up to two letters counted; none close: the commonest questions.
        var ranked = Cues.Where(c => c.Intent is not (AskIntent.Change or AskIntent.Help))
            .Select(c => (c.Intent, Distance: c.Words.Split(' ').Min(cueWord => words.Count == 0 ? int.MaxValue : words.Min(w => Near(w, cueWord)))))
            .Where(x => x.Distance <= 2)
            .OrderBy(x => x.Distance).ThenBy(x => Priority(x.Intent))
            .Select(x => x.Intent).Distinct();
        var suggestions = ranked.Concat([AskIntent.Summary, AskIntent.OffTrack, AskIntent.Credit, AskIntent.Fix]).Distinct().Take(Math.Clamp(options.MaxSuggestions, 2, 3)).ToArray();
        return new AskQuestion { Suggestions = suggestions };
    }

    private static int Near(string word, string cue) =>
        word.Length < 4 || cue.Length < 4 ? (word == cue ? 0 : int.MaxValue) : Slips(word, cue);

    private static Period? TakePeriod(string[] words, bool[] used)
    {
        foreach (var (phrase, period) in PeriodPhrases)
        {
            if (Match(words, used, phrase, null, out _, markUsed: true))
            {
                return period;
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!used[i] && Period.TryParse(words[i], out var typed, out _))
            {
                used[i] = true;
                return typed;
            }
        }

        return null;
    }

    private static MetricId? TakeMetric(string[] words, bool[] used)
    {
        foreach (var (phrase, metric) in MetricPhrases)
        {
            if (Match(words, used, phrase, null, out _, markUsed: true))
            {
                return metric;
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!used[i] && (ExtraMetricWords.Contains(words[i]) || words[i].Contains('-') && !words[i].Any(char.IsDigit)) && MetricNames.Find(words[i]) is { } metric)
            {
                used[i] = true;
                return metric;
            }
        }

        return null;
    }

    private static (BreakdownDimension? By, bool ByDay) TakeDimension(string[] words, bool[] used, AskOptions options)
    {
        foreach (var phrase in new[] { "day by day", "by day", "per day", "each day", "daily", "by date", "every day" })
        {
            if (Match(words, used, phrase, null, out _, markUsed: true))
            {
                return (null, true);
            }
        }

        foreach (var (word, by) in DimensionWords)
        {
            if (Match(words, used, word, options, out _, markUsed: true))
            {
                return (by, false);
            }
        }

        // "ad" alone names the ad breakdown only right after "by" or "per": "ad credit" is no breakdown.
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i] is "ad" or "ads" && words[i - 1] is "by" or "per" or "each")
            {
                used[i] = true;
                return (BreakdownDimension.Ad, false);
            }
        }

        return (null, false);
    }

    /// <summary>Finds <paramref name="phrase"/> among the words not yet used, each word matched exactly or within the typo distance.</summary>
    private static bool Match(string[] words, bool[] used, string phrase, AskOptions? options, out int at, bool markUsed)
    {
        var parts = phrase.Split(' ');
        for (at = 0; at + parts.Length <= words.Length; at++)
        {
            var all = true;
            for (var k = 0; k < parts.Length && all; k++)
            {
                all = !used[at + k] && Same(words[at + k], parts[k], options);
            }

            if (all)
            {
                if (markUsed)
                {
                    for (var k = 0; k < parts.Length; k++)
                    {
                        used[at + k] = true;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool Same(string word, string cue, AskOptions? options)
    {
        if (word == cue)
        {
            return true;
        }

        // Typos are forgiven only in longer words, and never turn a word into a different real word of the vocabulary.
        return options is not null && word.Length >= 5 && cue.Length >= 5 && !Filler.Contains(word) && !word.Any(char.IsDigit) &&
            Math.Abs(word.Length - cue.Length) <= options.TypoDistance && Slips(word, cue) <= options.TypoDistance;
    }

    /// <summary>Edits between two words, a swap of two neighbouring letters ("credti") counted as one slip.</summary>
    internal static int Slips(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The campaign: the longest run of words no cue took, resolved by the workspace's resolver; a run that names no
    /// campaign is kept as typed, so the answer can say so with the closest names.
    /// </summary>
    private static (string? Text, CampaignResolution? Resolution) FindCampaign(
        List<string> tokens, string[] lower, bool[] used, IReadOnlyList<CampaignInfo> campaigns, IReadOnlyDictionary<string, string>? aliases)
    {
        var runs = new List<(int Start, int Length)>();
        for (var i = 0; i < tokens.Count;)
        {
            if (used[i] || Filler.Contains(lower[i]) && !IsAlias(lower[i], aliases))
            {
                i++;
                continue;
            }

            var start = i;
            // Inside a run a filler word may join two name words ("back to school"), never end one.
            while (i < tokens.Count && !used[i] && (!Filler.Contains(lower[i]) || IsAlias(lower[i], aliases) ||
                   (i + 1 < tokens.Count && !used[i + 1] && !Filler.Contains(lower[i + 1]) && i > start && JoinsName(tokens, start, i + 2, campaigns))))
            {
                i++;
            }

            runs.Add((start, i - start));
        }

        CampaignResolution? fallback = null;
        string? fallbackText = null;
        foreach (var (start, length) in runs.OrderByDescending(r => r.Length).ThenBy(r => r.Start))
        {
            // The whole run first, then shorter stretches of it: "autumn sale numbers" still finds "Autumn Sale".
            for (var size = length; size >= 1; size--)
            {
                for (var from = start; from + size <= start + length; from++)
                {
                    var typed = string.Join(' ', tokens.Skip(from).Take(size));
                    var resolution = CampaignResolver.Resolve(typed, campaigns, aliases);
                    if (resolution.Kind is ResolutionKind.Found or ResolutionKind.Ambiguous)
                    {
                        return (typed, resolution);
                    }
                }
            }

            if (fallbackText is null)
            {
                fallbackText = string.Join(' ', tokens.Skip(start).Take(length));
                fallback = CampaignResolver.Resolve(fallbackText, campaigns, aliases);
            }
        }

        return (fallbackText, fallback);
    }

    // An alias may be a plain word ("push", "black"): it stays a name even where it would otherwise be filler.
    private static bool IsAlias(string word, IReadOnlyDictionary<string, string>? aliases) =>
        aliases?.Keys.Any(a => a.Equals(word, StringComparison.OrdinalIgnoreCase)) == true;

    private static bool JoinsName(List<string> tokens, int start, int end, IReadOnlyList<CampaignInfo> campaigns)
    {
        var typed = string.Join(' ', tokens.Skip(start).Take(end - start));
        return campaigns.Any(c => c.Name.Contains(typed, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Words of the question: Slack's :emoji: codes and pictographs dropped, punctuation a space, apostrophes gone
    /// ("how's" is "hows"), hyphens, dots and underscores kept inside words (campaign-42, 2026-11-01..2026-11-20).
    /// </summary>
    internal static List<string> Tokens(string text)
    {
        text = EmojiCode().Replace(text, " ");
        var clean = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\'' or '’' or '‘')
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_' or '.' or '/' or '+' or '%' or '$' or '&')
            {
                clean.Append(rune.ToString());
            }
            else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                // Variation selectors and joiners of emoji: nothing.
            }
            else
            {
                clean.Append(' ');
            }
        }

        return clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '-', '_'))
            .Where(w => w.Length > 0)
            .ToList();
    }

    [GeneratedRegex(@":[a-z0-9_+\-]+:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmojiCode();
}
