using System.Globalization;
using System.Text;
using TikTokBot.Domain.Benchmarks;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Diagnosis;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Learning;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.Domain.Standings;
using Standings = TikTokBot.Domain.Standings;
using TikTokBot.Domain.Summary;
using TikTokBot.Domain.Trends;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Reports;

/// <summary>Block Kit views built from the overview and the engine's records. Every name that came from outside is escaped.</summary>
internal static class ReportViews
{
    private static readonly BreakdownDimension[] MenuDimensions =
        [BreakdownDimension.AdGroup, BreakdownDimension.Ad, BreakdownDimension.Age, BreakdownDimension.Gender, BreakdownDimension.Placement, BreakdownDimension.Device];

    /// <summary>
    /// The compact summary a team reads in ten seconds: the verdict, the objective's lead metrics (DOMAIN.md section 3) and
    /// every metric whose standing is worse than typical, the first fix in one line, and the full funnel one button away.
    /// </summary>
    public static IReadOnlyList<SlackMessage> Summary(CampaignOverview overview)
    {
        var summary = overview.Summary;
        var campaign = summary.Campaign;
        var currency = campaign.Currency;
        var message = Opening(overview, "");
        var lead = campaign.Profile.Primary.Concat(campaign.Profile.Secondary).ToHashSet();
        // Stage order; the lead metrics first when more than a section holds would be shown.
        var shown = summary.Stages.SelectMany(s => s.Readings)
            .Where(r => lead.Contains(r.Metric.Id) || r.Standing.IsWorse)
            .OrderBy(r => lead.Contains(r.Metric.Id) ? 0 : 1).Take(SlackLimits.FieldsPerSection)
            .OrderBy(r => r.Metric.Stage).ThenBy(r => MetricOrder(summary, r))
            .ToArray();
        if (shown.Length > 0)
        {
            message.Fields(shown.Select(r => Reading(r, currency)).ToArray());
        }

        message.Section(FirstFix(overview));
        message.Context(YardstickLine(overview.Account, campaign.Profile.DisplayName));
        Fresh(message, overview.FreshnessLine);
        message.Actions(ReportButtons(campaign.Id, overview.Period, withFullFunnel: true));
        return message.Build();
    }

    /// <summary>The report's row of buttons; the full funnel leaves out its own "Full funnel".</summary>
    private static BlockElement[] ReportButtons(string campaignId, Period period, bool withFullFunnel)
    {
        var request = new ReportRequest(campaignId, period);
        var value = ButtonCodec.Encode(request);
        var fix = Elements.Button(ButtonIds.Fix, "What should I fix?", value, style: "primary");
        var full = withFullFunnel ? Elements.Button(ButtonIds.Full, "Full funnel", value) : null;
        var breakdown = Elements.StaticSelect(ButtonIds.Breakdown, "Break down by…",
            MenuDimensions.Select(by => Elements.Option(Capitalise(SegmentNames.Describe(by)), ButtonCodec.Encode(request with { By = by }))).ToArray());
        BlockElement?[] row = [fix, full, breakdown, Elements.Button(ButtonIds.Criteria, "Set success criteria", value),
            Elements.Button(ButtonIds.Credit, "Set ad credit", value), Elements.Button(ButtonIds.Share, "Share in channel", value)];
        return row.OfType<BlockElement>().ToArray();
    }

    private static int MetricOrder(CampaignSummary summary, MetricReading reading) =>
        summary.Stages.SelectMany(s => s.Readings).Select((r, i) => (r, i)).First(p => ReferenceEquals(p.r, reading)).i;

    /// <summary>The first fix in one line: the first action that can be taken now, or what to watch, or that nothing needs fixing.</summary>
    internal static string FirstFix(CampaignOverview overview)
    {
        var plan = overview.Fixes;
        if (plan.FirstAction is { } first)
        {
            return $"*First fix* ({Mrkdwn.Escape(first.Because.Title)}): {Mrkdwn.Escape(first.Fix.Action)}";
        }

        if (overview.Learning.Advice == LearningAdvice.TooEarlyToJudge && overview.TopFinding is not { IsProblem: true })
        {
            // DOMAIN.md section 6: the first days are noise; say so rather than "nothing to fix".
            return $"*Too early to judge*: day {overview.Learning.Day} of learning, the figures settle after day 3." +
                (overview.TopFinding is { } early ? $" To watch: {Mrkdwn.Escape(early.Title)}." : "");
        }

        if (overview.TopFinding is { IsProblem: true } held)
        {
            return $"*{Mrkdwn.Escape(held.Title)}*: its fixes wait for the end of the hands-off days.";
        }

        return overview.TopFinding is { } watch
            ? $"Nothing to fix. {SeverityMark(watch.Severity)} {Mrkdwn.Escape(watch.Title)}."
            : "Nothing to fix: every metric stands typical or better.";
    }

    /// <summary>The head both the summary and the full funnel open with: the campaign, its period and status, the lead lines and the verdict.</summary>
    private static MessageBuilder Opening(CampaignOverview overview, string contextSuffix)
    {
        var summary = overview.Summary;
        var campaign = summary.Campaign;
        var message = new MessageBuilder()
            .Text(Headline(overview))
            .Ephemeral()
            .Header($"{campaign.Name}")
            .Context($"{Mrkdwn.Escape(campaign.Profile.DisplayName)} · {summary.Period}{ZoneNote(overview.Campaign)}{(campaign.StatusLabel is { } status ? $" · *{status}*" : "")}{contextSuffix}");
        foreach (var line in Lead(overview))
        {
            message.Section(line);
        }

        return message.Section(Verdict(summary.Verdict, campaign.Currency));
    }

    /// <summary>Every metric in stage order with its standing, and the charts: the full funnel, one button from the summary.</summary>
    public static IReadOnlyList<SlackMessage> FullFunnel(CampaignOverview overview)
    {
        var summary = overview.Summary;
        var campaign = summary.Campaign;
        var currency = campaign.Currency;
        var message = Opening(overview, " · read in funnel order");
        foreach (var chart in ReportCharts.SummaryCharts(overview.Facts, currency))
        {
            message.Chart(chart);
        }

        foreach (var stage in summary.Stages)
        {
            message.Fields(stage.Readings.Take(10).Select(r => Reading(r, currency)).ToArray(), $"*{stage.Stage.DisplayName()}*");
        }

        message.Context(YardstickLine(overview.Account, campaign.Profile.DisplayName));
        Fresh(message, overview.FreshnessLine);

        if (overview.TopFinding is { } top)
        {
            message.Divider().Section($"*{SeverityMark(top.Severity)} {Mrkdwn.Escape(top.Title)}* ({top.Stage.DisplayName()})\n{Mrkdwn.Escape(top.Cause)}");
        }

        message.Actions(ReportButtons(campaign.Id, overview.Period, withFullFunnel: false));
        return message.Build();
    }

    /// <summary>The summary in one line, for the notification: spend, the cost per result and the verdict.</summary>
    public static string Headline(CampaignOverview overview)
    {
        var campaign = overview.Campaign;
        var profile = overview.Facts.Profile;
        var totals = overview.Facts.Current;
        var cost = MetricCatalogue.Get(profile.CostPerOutcome);
        return $"{Mrkdwn.Escape(campaign.Name)}, {overview.Summary.Period}: spend {MetricFormat.Money(totals.Counts.Spend, campaign.Currency)}, " +
            $"{cost.DisplayName} {MetricFormat.Format(totals.Value(profile.CostPerOutcome), cost.Unit, campaign.Currency)}, {ReportCharts.Verdict(overview.Summary.Verdict.Status)}";
    }

    /// <param name="buttons">The buttons of the findings whose fixes one action carries out (pause, budget), when this workspace may act.</param>
    public static IReadOnlyList<SlackMessage> Fixes(CampaignOverview overview, IReadOnlyDictionary<Finding, IReadOnlyList<BlockElement>>? buttons = null)
    {
        var campaign = overview.Campaign;
        var currency = campaign.Currency;
        var plan = overview.Fixes;
        var message = new MessageBuilder().Text($"What to fix in {Mrkdwn.Escape(campaign.Name)}").Header($"What to fix: {campaign.Name}");
        foreach (var line in Lead(overview))
        {
            message.Section(line);
        }

        if (plan.NothingToFix)
        {
            message.Section("Nothing to fix: every stage is within its benchmarks and targets.")
                .Context(YardstickLine(overview.Account, overview.Facts.Profile.DisplayName));
            return Fresh(message, overview.FreshnessLine).Build();
        }

        if (plan.FirstAction is { } first)
        {
            message.Section($"*Do this first:* {Mrkdwn.Escape(first.Fix.Action)}");
        }

        foreach (var finding in plan.Fixes.GroupBy(f => f.Because))
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"*{SeverityMark(finding.Key.Severity)} {Mrkdwn.Escape(finding.Key.Title)}* ({finding.Key.Stage.DisplayName()})");
            if (finding.Key.PossiblyCausedBy is { } earlier)
            {
                text.Append(CultureInfo.InvariantCulture, $" _possibly caused by the {earlier.DisplayName().ToLowerInvariant()} problem above_");
            }

            text.Append('\n').Append(string.Join(" · ", finding.Key.Evidence.Select(e => Evidence(e, currency))));
            foreach (var fix in finding)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{fix.Rank}. {Mrkdwn.Escape(fix.Fix.Action)}{(fix.HeldForLearning ? " _(after learning)_" : "")}");
            }

            message.Section(text.ToString());
            if (buttons?.GetValueOrDefault(finding.Key) is { Count: > 0 } actions)
            {
                message.Actions(actions);
            }
        }

        message.Context(YardstickLine(overview.Account, overview.Facts.Profile.DisplayName));
        return Fresh(message, overview.FreshnessLine).Build();
    }

    /// <summary>
    /// Segments as a table ranked by the objective's cost per outcome, cheapest first (segments without one go last), marked
    /// where far from the campaign's average, and the cost per outcome of each as bars.
    /// </summary>
    public static IReadOnlyList<SlackMessage> Breakdown(CampaignBreakdown breakdown, double farFromAverage = 0.3)
    {
        var (campaign, by, range, rows) = breakdown;
        var profile = ObjectiveCatalogue.Profile(campaign.Objective ?? Objective.Awareness);
        var cost = MetricCatalogue.Get(profile.CostPerOutcome);
        var dimension = SegmentNames.Describe(by);
        var message = new MessageBuilder().Text($"{Mrkdwn.Escape(campaign.Name)} by {dimension}, {range}: {rows.Count} rows ranked by {cost.DisplayName.ToLowerInvariant()}").Ephemeral()
            .Header($"{campaign.Name} by {dimension}")
            .Context($"{range}{ZoneNote(campaign)} · ranked by {cost.DisplayName.ToLowerInvariant()}, cheapest first · {ReportCharts.Worse} more than {Math.Round(farFromAverage * 100)}% dearer than the campaign's average, {ReportCharts.Better} as much cheaper");
        Fresh(message, breakdown.FreshnessLine);
        if (rows.Count == 0)
        {
            return message.Section($"No {dimension} breakdown for this range in the data source.").Build();
        }

        return message.Table(ReportCharts.BreakdownTable(breakdown, farFromAverage)).Chart(ReportCharts.BreakdownBars(breakdown)).Build();
    }

    /// <summary>One table per advertiser: objective, spend, results, cost per result, verdict and top finding of each campaign.</summary>
    public static IReadOnlyList<SlackMessage> CampaignList(IReadOnlyList<CampaignOverview> overviews, DateRange range)
    {
        var text = $"Your TikTok campaigns: {overviews.Count}";
        // Each advertiser's days are its own time zone's: advertisers in far-apart zones may be a day apart.
        var ranges = overviews.Select(o => o.Range).Distinct().ToList();
        var shown = ranges.Count > 1 ? $"each advertiser's last {range.Days} closed days in its own time zone" : ranges.Count == 1 ? ranges[0].ToString() : range.ToString();
        var message = new MessageBuilder().Text(text).Ephemeral().Header("Campaigns").Context($"{shown} · `/ttmetrics <name>` for one of them");
        if (overviews.Count == 0)
        {
            return message.Section("No campaigns in the data source.").Build();
        }

        MessageBuilder? next = Fresh(message.Context(SpendByCurrency(overviews)), Freshness.First(overviews.Select(o => o.FreshnessLine)));
        var messages = new List<SlackMessage>();
        // Slack shows one table a message: each advertiser's table gets a message of its own, its heading with it.
        foreach (var advertiser in overviews.GroupBy(o => o.Campaign.AdvertiserId))
        {
            var campaign = advertiser.First().Campaign;
            var heading = $"*{Mrkdwn.Escape(campaign.Advertiser)}*" + (campaign.Advertiser == campaign.AdvertiserId ? "" : $" · advertiser {campaign.AdvertiserId}") +
                $" · {Domain.Money.Currency.Of(campaign.Currency).Code}" + (ranges.Count > 1 ? $" · {advertiser.First().Range}, {Mrkdwn.Escape(campaign.TimeZone)} days" : "");
            messages.AddRange((next ?? new MessageBuilder().Text(text).Ephemeral())
                .Section(heading).Table(ReportCharts.CampaignTable(campaign.Advertiser, advertiser.ToList())).Build());
            next = null;
        }

        return messages;
    }

    /// <summary>Adds the freshness line (<see cref="Freshness"/>) when the figures have one: every view with today's or yesterday's figures calls this.</summary>
    internal static MessageBuilder Fresh(MessageBuilder message, string? line) => line is null ? message : message.Context(line);

    /// <summary>The total spend of each currency, never one sum across currencies: "Spend: ¥1,234,567 · $8,901.23".</summary>
    public static string SpendByCurrency(IEnumerable<CampaignOverview> overviews) =>
        "Total spend: " + string.Join(" · ", overviews
            .GroupBy(o => Domain.Money.Currency.Of(o.Campaign.Currency).Code, StringComparer.Ordinal)
            .Select(g => MetricFormat.Money(g.Sum(o => o.Facts.Current.Counts.Spend), g.Key)));

    /// <summary>
    /// One line on where a campaign stands, for lists (<c>list</c>, the Home tab): its learning phase and credit window when
    /// they apply, then its top finding; "nothing to fix" only when none of them has anything to say.
    /// </summary>
    public static string Standing(CampaignOverview overview) => Standing(overview, Mrkdwn.Escape);

    /// <summary>The same line with the finding's title passed through <paramref name="escape"/> (none for a table, which escapes itself).</summary>
    public static string Standing(CampaignOverview overview, Func<string, string> escape)
    {
        var parts = new List<string>(3);
        var learning = overview.Learning;
        if (overview.LearningLeads)
        {
            parts.Add(learning.State == LearningState.Limited
                ? $"learning limited, {learning.Conversions:#,0} of ~{learning.ExitConversions} conversions"
                : $"learning, day {learning.Day}, {learning.Conversions:#,0} of ~{learning.ExitConversions} conversions" +
                  (learning.HoldsChanges ? $", hands off until {learning.HandsOffUntil:yyyy-MM-dd}" : ""));
        }

        if (overview.CreditLeads && overview.Credit!.Report is var credit)
        {
            parts.Add(CreditShort(credit, overview.Campaign.Currency));
        }

        if (overview.TopFinding is { } finding)
        {
            parts.Add(escape(finding.Title));
        }

        return parts.Count == 0 ? "nothing to fix" : string.Join(" · ", parts);
    }

    /// <summary>The first lines of a summary and a fix list: the learning phase and the credit window, when they apply.</summary>
    public static IEnumerable<string> Lead(CampaignOverview overview)
    {
        var learning = overview.Learning;
        if (overview.LearningLeads && learning.State == LearningState.Limited)
        {
            // Past the learning window TikTok calls it learning limited: never "day 31 of learning" (DOMAIN.md section 9).
            yield return $":warning: *Learning limited*: {learning.Conversions:#,0} of about {learning.ExitConversions} conversions since launch, past the learning window.";
        }
        else if (overview.LearningLeads)
        {
            yield return $":hourglass_flowing_sand: *Day {learning.Day} of learning*: {learning.Conversions:#,0} of about {learning.ExitConversions} conversions. " +
                (learning.HoldsChanges
                    ? $"Hands off until {learning.HandsOffUntil:yyyy-MM-dd}: changes to targeting, budget, bid or creative restart learning."
                    : "Past the hands-off days: small changes only.");
        }

        if (overview.CreditLeads && overview.Credit!.Report is var credit)
        {
            var currency = overview.Campaign.Currency;
            var text = new StringBuilder($":credit_card: *Ad credit*: {CreditShort(credit, currency)}");
            if (credit.ExpiringUnused > 0 && credit.State != CreditState.Expired)
            {
                text.Append(CultureInfo.InvariantCulture, $"; {MetricFormat.Money(credit.ExpiringUnused, currency)} will expire unused by {credit.Grant.Expiry:yyyy-MM-dd} at this pace");
            }

            yield return text.Append('.').ToString();
        }
    }

    /// <summary>How many CSV rows shown in a footer, at most.</summary>
    public const int MaxSourceProblemsShown = 3;

    /// <summary>The reply with a footer saying which rows of the CSV exports could not be read (count, file, line, reason, the first few).</summary>
    public static IReadOnlyList<SlackMessage> WithSourceProblems(IReadOnlyList<SlackMessage> messages, IReadOnlyList<TikTok.Csv.CsvProblem> problems)
    {
        if (problems.Count == 0 || messages.Count == 0)
        {
            return messages;
        }

        var shown = string.Join("; ", problems.Take(MaxSourceProblemsShown).Select(p => $"{Mrkdwn.Escape(Path.GetFileName(p.File))} line {p.Line}: {Mrkdwn.Escape(p.Reason)}"));
        var more = problems.Count > MaxSourceProblemsShown ? $"; and {problems.Count - MaxSourceProblemsShown} more in the log" : "";
        var footer = new ContextBlock([new Markdown(Mrkdwn.Truncate(
            $":warning: {problems.Count} CSV row{(problems.Count == 1 ? "" : "s")} could not be read and {(problems.Count == 1 ? "is" : "are")} left out: {shown}{more}.", SlackLimits.ContextText))]);
        var last = messages[^1];
        return [.. messages.Take(messages.Count - 1), last with { Blocks = [.. last.Blocks ?? [], footer] }];
    }

    /// <summary>
    /// The reply with what the workspace must always be told (demo figures, a token TikTok refused) as a context line at the
    /// end of its last message; the reply unchanged when there is nothing to tell.
    /// </summary>
    public static IReadOnlyList<SlackMessage> WithNotice(IReadOnlyList<SlackMessage> messages, string? notice)
    {
        if (string.IsNullOrEmpty(notice) || messages.Count == 0)
        {
            return messages;
        }

        var footer = new ContextBlock([new Markdown(Mrkdwn.Truncate($":warning: {Mrkdwn.Escape(notice)}", SlackLimits.ContextText))]);
        var last = messages[^1];
        return (last.Blocks?.Count ?? 0) >= SlackLimits.BlocksPerMessage
            ? [.. messages, last with { Text = notice, Blocks = [footer] }]
            : [.. messages.Take(messages.Count - 1), last with { Blocks = [.. last.Blocks ?? [], footer] }];
    }

    private static string CreditShort(CreditWindowReport credit, string currency) => credit.State switch
    {
        CreditState.NotStarted => $"{MetricFormat.Money(credit.Grant.Amount, currency)} usable from {credit.Grant.Start:yyyy-MM-dd}",
        CreditState.Exhausted => $"credit ran out {credit.ExhaustedOn:yyyy-MM-dd}",
        CreditState.Expired => $"credit expired {credit.Grant.Expiry:yyyy-MM-dd} with {MetricFormat.Money(credit.ExpiringUnused, currency)} unused",
        _ => $"credit left {MetricFormat.Money(credit.CreditRemaining, currency)} of {MetricFormat.Money(credit.Grant.Amount, currency)}" +
            (credit.ExhaustedOn is { } day && credit.ExhaustionProjected ? $", runs out about {day:yyyy-MM-dd}" : $", until {credit.Grant.Expiry:yyyy-MM-dd}"),
    };

    /// <summary>" (America/Los_Angeles days)" after a range of an advertiser outside UTC: whose days they are; nothing for UTC.</summary>
    private static string ZoneNote(CampaignInfo campaign) =>
        TikTok.Calendar.BusinessCalendar.IsUtc(campaign.TimeZone) ? "" : $" ({Mrkdwn.Escape(campaign.TimeZone)} days)";

    private static string Capitalise(string words) => string.Concat(char.ToUpperInvariant(words[0]).ToString(), words[1..]);

    internal static string Reading(MetricReading reading, string currency)
    {
        var value = MetricFormat.Format(reading.Value, reading.Metric.Unit, currency);
        var mark = Mark(reading.Standing, currency) is { } m ? $" ({m})" : "";
        var trend = reading.Trend.Direction switch
        {
            TrendDirection.Up => $" ↑{reading.Trend.ChangePercent:0.#}%",
            TrendDirection.Down => $" ↓{-reading.Trend.ChangePercent:0.#}%",
            TrendDirection.Flat => " →",
            _ => "",
        };
        return $"*{reading.Metric.DisplayName}*\n{value}{mark}{trend} {reading.Trend.Sparkline}".TrimEnd();
    }

    /// <summary>
    /// The mark of a metric's standing, in words, naming the yardstick that decided its verdict: ":warning: bottom quarter of your
    /// account, median 0.40%", "typical for your account, median $4.00", ":white_check_mark: above TikTok's 1.00%". Null when nothing judged it.
    /// </summary>
    internal static string? Mark(MetricStanding standing, string currency)
    {
        string F(decimal? v) => MetricFormat.Format(v, standing.Definition.Unit, currency);
        var higher = standing.Definition.Better == BetterDirection.Higher;
        var worseWord = higher ? "below" : "above";
        var betterWord = higher ? "above" : "below";
        var own = standing.Account;
        string? words = (standing.Verdict, standing.DecidedBy) switch
        {
            (Standings.Verdict.Worse, Basis.Target) => $"{worseWord} your {(higher ? "minimum" : "target")} of {F(standing.Target)}",
            (Standings.Verdict.Better, Basis.Target) => $"{betterWord} your {(higher ? "minimum" : "target")} of {F(standing.Target)}",
            (Standings.Verdict.Typical, Basis.Target) => $"at your {(higher ? "minimum" : "target")} of {F(standing.Target)}",
            (Standings.Verdict.Worse, Basis.Account) when standing.AccountPosition == AccountStanding.BottomQuarter => $"bottom quarter of your account, median {F(own!.Median)}",
            (Standings.Verdict.Better, Basis.Account) when standing.AccountPosition == AccountStanding.TopQuarter => $"top quarter of your account, median {F(own!.Median)}",
            (Standings.Verdict.Typical, Basis.Account) => $"typical for your account, median {F(own!.Median)}",
            (Standings.Verdict.Worse, Basis.TikTok) when standing.BeyondFloor => standing.Metric switch
            {
                MetricId.Frequency => $"above the {F(standing.TikTok!.Floor)} fatigue point",
                MetricId.Roas => $"below break-even ({F(standing.TikTok!.Floor)})",
                _ => $"{worseWord} TikTok's {F(standing.TikTok!.Floor)} review line",
            },
            (Standings.Verdict.Worse, Basis.TikTok) when standing.TikTok?.Source == "project default" => $"{worseWord} the project's {F(StandingJudge.WorseEdge(standing))} line",
            (Standings.Verdict.Worse, Basis.TikTok) => $"{worseWord} TikTok's {F(StandingJudge.WorseEdge(standing))}",
            (Standings.Verdict.Better, Basis.TikTok) => $"{betterWord} TikTok's {F(higher ? standing.TikTok!.High : standing.TikTok!.Low)}",
            (Standings.Verdict.Typical, Basis.TikTok) => standing.TikTok?.Source == "project default" ? "within the project's line" : "within TikTok's benchmark",
            (Standings.Verdict.Worse, Basis.Trend) => null,
            _ => null,
        };
        if (standing.Note is { } note)
        {
            words = words is null ? note : $"{words}; {note}";
        }

        if (words is null)
        {
            return null;
        }

        return standing.Verdict switch
        {
            Standings.Verdict.Worse => $":warning: {words}",
            Standings.Verdict.Better => $":white_check_mark: {words}",
            _ => words,
        };
    }

    /// <summary>The line that says which yardsticks the marks are: the account's comparable campaigns, or TikTok's only, and why.</summary>
    internal static string YardstickLine(AccountBenchmark? account, string objective) => account switch
    {
        { EnoughHistory: true } => $"Yardsticks: your account's {account.Campaigns} {Mrkdwn.Escape(objective)} campaigns with enough volume, and TikTok's published benchmarks.",
        { } => $"Yardsticks: TikTok's published benchmarks. Your account has {account.Campaigns} other {Mrkdwn.Escape(objective)} campaign{(account.Campaigns == 1 ? "" : "s")} with enough volume: not enough history yet for its own.",
        null => "Yardsticks: TikTok's published benchmarks: not enough history yet.",
    };

    private static string Verdict(SuccessVerdict verdict, string currency)
    {
        var definition = MetricCatalogue.Get(verdict.CostPerOutcomeMetric);
        var cost = MetricFormat.Format(verdict.CostPerOutcome, definition.Unit, currency);
        var name = definition.DisplayName;
        var target = verdict.Target is { } t
            ? $"{(definition.Better == BetterDirection.Higher ? "a minimum" : "a target")} of {MetricFormat.Format(t, definition.Unit, currency)}"
            : "";
        return verdict.Status switch
        {
            SuccessStatus.OnTrack => $"✅ *On track*: {name} {cost} against {target}, {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}.",
            SuccessStatus.OffTrack => $"⚠️ *Off track*: {name} {cost} against {target}, {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}.",
            SuccessStatus.NotEnoughData => $"⏳ *Not enough data yet*: {verdict.Volume:#,0} of at least {verdict.MinimumVolume:#,0}; {name} so far {cost}.",
            _ => $"No success criteria yet: {name} {cost}. Set them with `/ttmetrics target …` or the button below.",
        };
    }

    private static string Evidence(Evidence evidence, string currency)
    {
        var value = MetricFormat.Format(evidence.Value, evidence.Unit, currency);
        return evidence.Reference is { } reference
            ? $"{Mrkdwn.Escape(evidence.Label)} {value} ({evidence.ReferenceLabel} {MetricFormat.Format(reference, evidence.Unit, currency)})"
            : $"{Mrkdwn.Escape(evidence.Label)} {value}";
    }

    private static string SeverityMark(Severity severity) => severity switch
    {
        Severity.Critical => "🔴",
        Severity.Warning => "🟠",
        Severity.Watch => "👀",
        _ => "🟢",
    };
}
