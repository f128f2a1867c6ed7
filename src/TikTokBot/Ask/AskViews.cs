using System.Globalization;
using TikTokBot.Domain.Funnel;
using TikTokBot.Domain.Metrics;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>The replies only Ask gives: refusals with suggestions, which campaign?, and the sentences around the reports' own views.</summary>
internal static class AskViews
{
    /// <summary>How each intent is offered on a button, and the question it stands for.</summary>
    public static string Label(AskIntent intent) => intent switch
    {
        AskIntent.Summary => "How is it doing?",
        AskIntent.Fix => "What should I fix?",
        AskIntent.OffTrack => "Which are off track?",
        AskIntent.Compare => "Compare with the period before",
        AskIntent.Credit => "How much ad credit is left?",
        AskIntent.Why => "Why did it change?",
        AskIntent.Breakdown => "Break it down",
        AskIntent.Overview => "All campaigns",
        AskIntent.CheckIns => "Who took which fix?",
        AskIntent.Change => "Change a campaign",
        _ => "What can I ask?",
    };

    public static SlackMessage Plain(string markdown) => new MessageBuilder().Text(markdown).Section(markdown).BuildSingle();

    /// <summary>Not understood: say so, and offer the closest intents as buttons, never a guess.</summary>
    public static SlackMessage Refusal(IReadOnlyList<AskIntent> suggestions, AskThreadState? thread)
    {
        var text = "I did not understand that. Did you mean one of these?";
        var buttons = suggestions.Select((intent, n) => (BlockElement)Elements.Button(AskActions.Id(intent, n), Label(intent),
            AskActions.Value(intent, NeedsCampaign(intent) ? thread?.CampaignId : null, thread?.Period ?? Period.Default, thread?.By, thread?.Metric, thread?.ByDay ?? false))).ToList();
        return new MessageBuilder().Text(text).Section(text).Actions(buttons)
            .Context("You can also ask “how is campaign-42 doing?”, “what should I fix in Autumn Sale?” or “show cpa by age”.").BuildSingle();
    }

    /// <summary>Which campaign? The candidates as buttons carrying the question's intent and slots.</summary>
    public static SlackMessage WhichCampaign(string prompt, IReadOnlyList<CampaignInfo> candidates, AskTurn turn)
    {
        var buttons = candidates.Select((c, n) => (BlockElement)Elements.Button(AskActions.Id(turn.Intent, n), c.Name,
            AskActions.Value(turn.Intent, c.Id, turn.Period, turn.By, turn.Metric, turn.ByDay))).ToList();
        var message = new MessageBuilder().Text(prompt).Section(prompt);
        return (buttons.Count > 0 ? message.Actions(buttons) : message).BuildSingle();
    }

    public static string NotFoundPrompt(string typed, CampaignResolution resolution) => resolution.Kind == ResolutionKind.Ambiguous
        ? $"`{Mrkdwn.Escape(typed)}` matches several campaigns. Which one?"
        : resolution.Candidates.Count > 0
            ? $"No campaign called `{Mrkdwn.Escape(typed)}`. Did you mean one of these?"
            : $"No campaign called `{Mrkdwn.Escape(typed)}`, and there are no campaigns to offer.";

    public static bool NeedsCampaign(AskIntent intent) => intent is AskIntent.Summary or AskIntent.Fix or AskIntent.Compare or AskIntent.Why or AskIntent.Breakdown;

    public static SlackMessage Help()
    {
        const string text = "Ask me about your TikTok campaigns in plain words. For example:";
        AskIntent[] shown = [AskIntent.OffTrack, AskIntent.Credit, AskIntent.Overview];
        return new MessageBuilder().Text(text).Section(text +
                "\n• how is campaign-42 doing?\n• what should I fix in Autumn Sale?\n• which campaigns are off track this month?\n• compare campaign-42 with the period before" +
                "\n• how much ad credit is left?\n• why did cpa go up?\n• show ctr by age / gender / placement / day\n" +
                "In a thread, follow up with “and by age?”, “what about last month?” or “and campaign-43?”.")
            .Actions(shown.Select((intent, n) => (BlockElement)Elements.Button(AskActions.Id(intent, n), Label(intent))).ToList())
            .BuildSingle();
    }

    public static SlackMessage Change(CampaignInfo? campaign) => Plain(
        "I only read here and never change a campaign. To pause, resume or change a budget, use the command, which asks for a confirmation first:\n" +
        $"`/ttmetrics pause campaign {(campaign is null ? "<name>" : Mrkdwn.Escape(campaign.Name))}`");

    /// <summary>Above the summary when asked to compare: the arrows beside each figure are the change against the period before.</summary>
    public static SlackMessage CompareLead(CampaignOverview overview) => Plain(
        $"*{Mrkdwn.Escape(overview.Campaign.Name)}*, {overview.Range} against the {overview.Range.Days} days before ({overview.Range.Previous()}): " +
        "the arrow beside each figure is its change.");

    /// <summary>Why a metric moved: the move itself, then what the standings found, from the same overview the summary reads.</summary>
    public static SlackMessage WhyLead(CampaignOverview overview, MetricId metric)
    {
        var definition = MetricCatalogue.Get(metric);
        var currency = overview.Campaign.Currency;
        var now = overview.Facts.Current.Value(metric);
        var before = overview.Facts.Previous?.Value(metric);
        var move = now is { } n && before is { } b && b != 0
            ? string.Create(CultureInfo.InvariantCulture, $"{definition.DisplayName} went {(n >= b ? "up" : "down")} {Math.Abs((n - b) / b) * 100:0}% against the {overview.Range.Days} days before: ") +
              $"{MetricFormat.Format(b, definition.Unit, currency)} → {MetricFormat.Format(n, definition.Unit, currency)}."
            : $"{definition.DisplayName} has no figure for the period before to compare with.";
        var finding = overview.TopFinding is { } top
            ? $"\nWhat the standings point to first: *{Mrkdwn.Escape(top.Title)}* ({top.Stage.DisplayName()}): {Mrkdwn.Escape(top.Cause)}"
            : "\nThe standings find nothing to fix: the move is within what the campaign usually does.";
        return Plain($"*{Mrkdwn.Escape(overview.Campaign.Name)}*: {move}{finding}");
    }

    /// <summary>The off-track campaigns over the period as the list's table, or a sentence that none is.</summary>
    public static IReadOnlyList<SlackMessage> OffTrack(IReadOnlyList<CampaignOverview> all, Period period, DateRange range)
    {
        var off = all.Where(o => o.Summary.Verdict.Status == Domain.Objectives.SuccessStatus.OffTrack).ToList();
        if (off.Count == 0)
        {
            var none = $"None of your {all.Count} campaigns is off track over {Describe(period)} ({range}).";
            return [ReportViews.Fresh(new MessageBuilder().Text(none).Section(none), Freshness.First(all.Select(o => o.FreshnessLine))).BuildSingle()];
        }

        return [Plain($"{off.Count} of {all.Count} campaigns {(off.Count == 1 ? "is" : "are")} off track over {Describe(period)}:"), .. ReportViews.CampaignList(off, range)];
    }

    /// <summary>Each campaign with ad credit: what is left and when it runs out, the lines the summary and digest lead with.</summary>
    public static SlackMessage Credit(IReadOnlyList<CampaignOverview> overviews)
    {
        var withCredit = overviews.Where(o => o.Credit is not null).ToList();
        if (withCredit.Count == 0)
        {
            return Plain("No ad credit is recorded for these campaigns. Record it with `/ttmetrics credit <campaign> <amount> <start>..<expiry>`.");
        }

        var message = new MessageBuilder().Text($"Ad credit on {withCredit.Count} campaign{(withCredit.Count == 1 ? "" : "s")}").Header("Ad credit");
        foreach (var overview in withCredit.Take(SlackLimits.BlocksPerMessage - 2))
        {
            var credit = overview.Credit!.Report;
            var lines = ReportViews.Lead(overview).Where(l => l.StartsWith(":credit_card:", StringComparison.Ordinal)).ToList();
            var line = lines.Count > 0 ? lines[0] : $":credit_card: {credit.State.ToString().ToLowerInvariant()} (expired {credit.Grant.Expiry:yyyy-MM-dd})";
            message.Section($"*{Mrkdwn.Escape(overview.Campaign.Name)}*\n{line}");
        }

        return ReportViews.Fresh(message, Freshness.First(withCredit.Select(o => o.FreshnessLine))).BuildSingle();
    }

    public static string Describe(Period period) => period.Kind switch
    {
        PeriodKind.Today => "today",
        PeriodKind.Yesterday => "yesterday",
        PeriodKind.Lifetime => "the campaigns' lifetime",
        PeriodKind.LastDays => string.Create(CultureInfo.InvariantCulture, $"the last {period.Days} days"),
        _ => period.ToString(),
    };
}
