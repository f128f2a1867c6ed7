using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Csv;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Reports.ReportService;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Reports;

/// <summary>The report verbs of <c>/ttmetrics</c> (a campaign's summary, <c>fix</c>, <c>by</c>, <c>list</c>): find the campaign, ask the service, render.</summary>
internal sealed class ReportCommands(
    ReportService reports, Microsoft.Extensions.Options.IOptions<ReportOptions> options, Domain.DiagnosisOptions diagnosis,
    IEnumerable<IFindingButtons> findingButtons)
{
    /// <summary><c>trends</c>: the account's history, read once a day, drawn by launch month or campaign.</summary>
    public async Task<IReadOnlyList<SlackMessage>> TrendsAsync(MetricsCommand.Trends command, Asker asker, CancellationToken ct)
    {
        // The history of the workspace's own source: its connected advertisers', never another workspace's.
        var history = await reports.HistoryAsync(asker.TeamId, ct);
        return TrendViews.Trends(command, await history.ReadAsync(command.Days, ct), history.Options, diagnosis.Trends);
    }

    /// <summary><c>campaign-42 chart cpa [period]</c>: the metric day by day against the previous period, from the campaign's overview.</summary>
    public async Task<IReadOnlyList<SlackMessage>> ChartAsync(MetricsCommand.Chart command, Asker asker, CancellationToken ct)
    {
        var found = await reports.FindAsync(asker.TeamId, command.Campaign, ct);
        if (found.Campaign is not { } campaign)
        {
            return [Reply.NotFound(command.Campaign, found)];
        }

        var overview = await reports.OverviewAsync(asker.TeamId, campaign, command.Period, ct);
        return ReportViews.WithSourceProblems(ChartViews.MetricChart(overview, command.Metric), reports.SourceProblems);
    }

    /// <summary>The chart the chart menu asks for, by the campaign's exact id; a campaign gone from the source is said so.</summary>
    public async Task<IReadOnlyList<SlackMessage>> ChartAsync(Asker asker, ChartRequest request, CancellationToken ct)
    {
        if (await reports.FindByIdAsync(asker.TeamId, request.CampaignId, ct) is not { } campaign)
        {
            return [Reply.CampaignGone(request.CampaignId)];
        }

        var overview = await reports.OverviewAsync(asker.TeamId, campaign, request.Period, ct);
        return ReportViews.WithSourceProblems(ChartViews.MetricChart(overview, request.Metric), reports.SourceProblems);
    }

    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct) =>
        await FootersAsync(asker, await AnswerAsync(command, asker, ct), ct);

    /// <summary>The report a button or a command asks for, with the rows the source could not read in its footer.</summary>
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(Asker asker, ReportRequest request, ReportKind kind, CancellationToken ct) =>
        await FootersAsync(asker, await AnswerAsync(asker, request, kind, ct), ct);

    // The workspace's notice (demo data, a refused token) is read after the answer: a refusal met while answering is in it.
    private async Task<IReadOnlyList<SlackMessage>> FootersAsync(Asker asker, IReadOnlyList<SlackMessage> messages, CancellationToken ct)
    {
        // A kept reply was rendered with its footers (KeptReplyAsync): it goes as it was kept, bytes and all.
        if (messages.Count > 0 && BlockKitJson.IsKept(messages[^1]))
        {
            return messages;
        }

        return WithFooters(messages, reports.SourceProblems, (await reports.SourceAsync(asker.TeamId, ct)).Notice);
    }

    private static IReadOnlyList<SlackMessage> WithFooters(IReadOnlyList<SlackMessage> messages, IReadOnlyList<CsvProblem> problems, string? notice) =>
        ReportViews.WithNotice(ReportViews.WithSourceProblems(messages, problems), notice);

    /// <summary>
    /// A campaign's reply rendered with the workspace's footers and serialised once, kept in the one cache under its
    /// overview, kind and footers: otherwise the demo notice on every reply would make each cached answer a new message,
    /// serialised again. The notice is read after the overview: a refusal met while reading it is in it.
    /// </summary>
    private async Task<IReadOnlyList<SlackMessage>> KeptReplyAsync(
        Asker asker, CampaignOverview overview, ReportKind kind, Func<CampaignOverview, IReadOnlyList<SlackMessage>> view, CancellationToken ct)
    {
        var problems = reports.SourceProblems;
        var notice = (await reports.SourceAsync(asker.TeamId, ct)).Notice;
        return await reports.ReplyOnceAsync(overview, new ReplyKey(overview.Key, kind, notice, problems),
            () => WithFooters(view(overview), problems, notice).Select(BlockKitJson.Keep).ToArray(), ct);
    }

    private async Task<IReadOnlyList<SlackMessage>> AnswerAsync(MetricsCommand command, Asker asker, CancellationToken ct)
    {
        if (command is MetricsCommand.List)
        {
            var overviews = await reports.OverviewsAsync(asker.TeamId, null, Period.Default, ct);
            return ReportViews.CampaignList(overviews, reports.Days(asker.TeamId).LastClosedDays(Period.Default.Days));
        }

        var typed = command switch
        {
            MetricsCommand.Summary summary => summary.Campaign,
            MetricsCommand.Fix fix => fix.Campaign,
            MetricsCommand.Explain explain => explain.Campaign,
            MetricsCommand.Breakdown breakdown => breakdown.Campaign,
            _ => throw new ArgumentException($"{command.GetType().Name} is not a report.", nameof(command)),
        };
        var found = await reports.FindAsync(asker.TeamId, typed, ct);
        if (found.Campaign is not { } campaign)
        {
            return [Reply.NotFound(typed, found)];
        }

        if (command is MetricsCommand.Explain)
        {
            return ExplainView.Explain(campaign, reports.Now);
        }

        // The campaign just found is answered as it is: looking it up again by id would ask TikTok for the list twice when nothing is cached.
        return await AnswerAsync(campaign, asker, command switch
        {
            MetricsCommand.Summary summary => new ReportRequest(campaign.Id, summary.Period),
            MetricsCommand.Fix fix => new ReportRequest(campaign.Id, fix.Period),
            MetricsCommand.Breakdown breakdown => new ReportRequest(campaign.Id, breakdown.Period, breakdown.By),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a report.", nameof(command)),
        }, command switch
        {
            MetricsCommand.Fix => ReportKind.Fixes,
            MetricsCommand.Summary { Full: true } => ReportKind.FullFunnel,
            _ => ReportKind.Summary,
        }, ct);
    }

    /// <summary>The report asked for by the campaign's exact id; a campaign gone from the source is said so.</summary>
    private async Task<IReadOnlyList<SlackMessage>> AnswerAsync(Asker asker, ReportRequest request, ReportKind kind, CancellationToken ct)
    {
        if (await reports.FindByIdAsync(asker.TeamId, request.CampaignId, ct) is not { } campaign)
        {
            return [Reply.CampaignGone(request.CampaignId)];
        }

        return await AnswerAsync(campaign, asker, request, kind, ct);
    }

    private async Task<IReadOnlyList<SlackMessage>> AnswerAsync(CampaignInfo campaign, Asker asker, ReportRequest request, ReportKind kind, CancellationToken ct)
    {
        if (request.By is { } by)
        {
            return ReportViews.Breakdown(await reports.BreakdownAsync(asker.TeamId, campaign, by, request.Period, ct), options.Value.FarFromAverage);
        }

        var overview = await reports.OverviewAsync(asker.TeamId, campaign, request.Period, ct);
        if (kind == ReportKind.Fixes && await FindingButtonsAsync(asker.TeamId, overview, ct) is { Count: > 0 } buttons)
        {
            // Who may act differs by workspace, so a view with buttons is built for this answer, not shared.
            return ReportViews.Fixes(overview, buttons);
        }

        // Built and serialised once per overview and footers: a repeated question writes the kept bytes.
        return kind switch
        {
            ReportKind.Fixes => await KeptReplyAsync(asker, overview, kind, o => ReportViews.Fixes(o), ct),
            ReportKind.FullFunnel => await KeptReplyAsync(asker, overview, kind, ReportViews.FullFunnel, ct),
            _ => await KeptReplyAsync(asker, overview, kind, ReportViews.Summary, ct),
        };
    }

    /// <summary>Every capability's buttons of each finding, in registration order.</summary>
    private async Task<IReadOnlyDictionary<Domain.Diagnosis.Finding, IReadOnlyList<BlockElement>>> FindingButtonsAsync(string teamId, CampaignOverview overview, CancellationToken ct)
    {
        var all = new Dictionary<Domain.Diagnosis.Finding, IReadOnlyList<BlockElement>>();
        foreach (var source in findingButtons)
        {
            foreach (var (finding, buttons) in await source.ForAsync(teamId, overview, ct))
            {
                all[finding] = all.TryGetValue(finding, out var earlier) ? [.. earlier, .. buttons] : buttons;
            }
        }

        return all;
    }
}
