using Microsoft.Extensions.Options;
using TikTokBot.Domain.Metrics;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Settings;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Ask;

/// <summary>
/// Ask's one code path, for Slack and the playground alike: a question (or a button) becomes an <see cref="AskTurn"/>
/// with the thread's context, and the turn is answered with the views <c>/ttmetrics</c> gives, from the same
/// services (Reports, Settings). It reads only the asking workspace's campaigns, aliases and settings.
/// </summary>
internal sealed class AskService(
    ReportService reports, ReportCommands commands, SettingsService settings, Storage.IWorkspaceStorage storage, IFixesInProgress fixes,
    IOptions<AskOptions> options)
{
    /// <summary>
    /// The prompts to offer: with the person looking at a channel that gets a digest, that digest's campaigns (every
    /// campaign when it names none); otherwise the questions most asked.
    /// </summary>
    public async Task<IReadOnlyList<Slack.WebApi.AssistantPrompt>> PromptsAsync(string teamId, string? viewedChannelId, CancellationToken ct)
    {
        var subscription = string.IsNullOrEmpty(viewedChannelId) ? null : await storage.ForTeam(teamId).Subscriptions.FindByChannelAsync(viewedChannelId, ct);
        Slack.WebApi.AssistantPrompt offTrack = new("Which campaigns are off track?", "which campaigns are off track this week");
        if (subscription is null)
        {
            return [offTrack, new("How much ad credit is left?", "how much ad credit is left"), new("How are my campaigns doing?", "how are my campaigns doing")];
        }

        var campaigns = await reports.CampaignsAsync(teamId, ct);
        var named = subscription.CampaignIds.Count == 0 ? campaigns : campaigns.Where(c => subscription.CampaignIds.Contains(c.Id)).ToList();
        return
        [
            .. named.Take(Slack.WebApi.AssistantLimits.MaxPrompts - 1).Select(c => new Slack.WebApi.AssistantPrompt($"How is {c.Name} doing?", $"how is {c.Id} doing")),
            offTrack,
        ];
    }

    /// <summary>Understands <paramref name="text"/> in the thread's context.</summary>
    public async Task<AskTurn> UnderstandAsync(string teamId, string? text, AskThreadState? thread, CancellationToken ct)
    {
        var campaigns = await reports.CampaignsAsync(teamId, ct);
        var aliases = await settings.AliasesAsync(teamId, ct);
        var question = AskRecogniser.Understand(text, campaigns, aliases, options.Value);
        if (question.Refused)
        {
            return new AskTurn(AskIntent.Help, null, thread?.Period ?? Period.Default) { Immediate = [AskViews.Refusal(question.Suggestions, thread)] };
        }

        // A follow-up keeps what it does not say: the intent, campaign, period, breakdown and metric of the thread.
        var intent = question.Intent ?? thread?.Intent ?? AskIntent.Summary;
        var sameKind = question.Intent is null || question.Intent == thread?.Intent;
        var turn = new AskTurn(intent, null, question.Period ?? thread?.Period ?? Period.Default)
        {
            By = question.By ?? (sameKind && !question.ByDay ? thread?.By : null),
            ByDay = question.ByDay || (sameKind && question.By is null && thread?.ByDay == true),
            Metric = question.Metric ?? thread?.Metric,
            Mine = question.Mine,
        };

        CampaignInfo? campaign = null;
        if (question.Resolution is { } resolution && question.CampaignText is { } typed)
        {
            if (resolution.Campaign is null && (AskViews.NeedsCampaign(intent) || resolution.Kind == ResolutionKind.Ambiguous))
            {
                return WhichCampaign(AskViews.NotFoundPrompt(typed, resolution), resolution.Candidates, turn);
            }

            campaign = resolution.Campaign;
        }

        campaign ??= thread?.CampaignId is { } kept ? campaigns.FirstOrDefault(c => c.Id == kept) : null;
        if (campaign is null && AskViews.NeedsCampaign(intent))
        {
            return WhichCampaign("Which campaign?", campaigns, turn);
        }

        return Ready(turn with { Campaign = campaign });
    }

    /// <summary>A button: the intent and slots it carries, the campaign by its exact id in the asking workspace.</summary>
    public async Task<AskTurn> FromButtonAsync(string teamId, AskButton button, AskThreadState? thread, CancellationToken ct)
    {
        var campaigns = await reports.CampaignsAsync(teamId, ct);
        var turn = new AskTurn(button.Intent, null, button.Period)
        {
            By = button.By ?? (button.Intent == AskIntent.Breakdown && button.Metric is null ? thread?.By : null),
            ByDay = button.Intent == AskIntent.Breakdown && button.Metric is not null,
            Metric = button.Metric ?? thread?.Metric,
        };
        var id = button.CampaignId ?? thread?.CampaignId;
        var campaign = id is null ? null : campaigns.FirstOrDefault(c => c.Id == id);
        if (campaign is null && AskViews.NeedsCampaign(button.Intent))
        {
            return WhichCampaign(button.CampaignId is null ? "Which campaign?" : "That campaign is no longer in the data source. Which one?", campaigns, turn);
        }

        return Ready(turn with { Campaign = campaign });
    }

    private AskTurn WhichCampaign(string prompt, IReadOnlyList<CampaignInfo> candidates, AskTurn turn) => turn with
    {
        Immediate = [AskViews.WhichCampaign(prompt, candidates.Take(Math.Clamp(options.Value.MaxCampaignChoices, 1, 25)).ToList(), turn)],
        // The question waits for its campaign: a button or the next message names it.
        Remember = new AskThreadState(turn.Intent, null, turn.Period, turn.By, turn.Metric, turn.ByDay),
    };

    private static AskTurn Ready(AskTurn turn) => turn with
    {
        Remember = turn.Intent is AskIntent.Help or AskIntent.CheckIns or AskIntent.Change
            ? null
            : new AskThreadState(turn.Intent, turn.Campaign?.Id, turn.Period, turn.By, turn.Metric, turn.ByDay),
    };

    /// <summary>The answer: the command's own views for the campaign and period, with a sentence where the question needs one.</summary>
    public async Task<IReadOnlyList<SlackMessage>> AnswerAsync(Asker asker, AskTurn turn, CancellationToken ct)
    {
        if (turn.Immediate is { } immediate)
        {
            return immediate;
        }

        var team = asker.TeamId;
        var campaign = turn.Campaign;
        try
        {
            switch (turn.Intent)
            {
                case AskIntent.Summary:
                    return await commands.ReplyAsync(asker, new ReportRequest(campaign!.Id, turn.Period), ReportKind.Summary, ct);
                case AskIntent.Fix:
                    return await commands.ReplyAsync(asker, new ReportRequest(campaign!.Id, turn.Period), ReportKind.Fixes, ct);
                case AskIntent.Compare:
                    var compared = await reports.OverviewAsync(team, campaign!, turn.Period, ct);
                    return [AskViews.CompareLead(compared), .. await commands.ReplyAsync(asker, new ReportRequest(campaign!.Id, turn.Period), ReportKind.Summary, ct)];
                case AskIntent.Breakdown when turn.By is { } by:
                    return await commands.ReplyAsync(asker, new ReportRequest(campaign!.Id, turn.Period, by), ReportKind.Summary, ct);
                case AskIntent.Breakdown:
                    return await commands.ChartAsync(asker, new ChartRequest(campaign!.Id, turn.Period, turn.Metric ?? MetricId.Spend), ct);
                case AskIntent.Why:
                    var overview = await reports.OverviewAsync(team, campaign!, turn.Period, ct);
                    var metric = turn.Metric ?? overview.Facts.Profile.CostPerOutcome;
                    return [AskViews.WhyLead(overview, metric), .. await commands.ChartAsync(asker, new ChartRequest(campaign!.Id, turn.Period, metric), ct)];
                case AskIntent.OffTrack:
                    var all = await reports.OverviewsAsync(team, null, turn.Period, ct);
                    return AskViews.OffTrack(all, turn.Period, all.Count > 0 ? all[0].Range : reports.Days(team).LastClosedDays(Period.Default.Days));
                case AskIntent.Credit:
                    return [AskViews.Credit(await reports.OverviewsAsync(team, campaign is null ? null : [campaign.Id], Period.Default, ct))];
                case AskIntent.Overview:
                    return ReportViews.CampaignList(await reports.OverviewsAsync(team, null, turn.Period, ct), reports.Days(team).LastClosedDays(Period.Default.Days));
                case AskIntent.CheckIns:
                    // The Check-ins capability's own list (`/ttmetrics fixes`), of this workspace only.
                    return [await fixes.ListAsync(asker, new MetricsCommand.Fixes(turn.Mine, campaign?.Id), ct)];
                case AskIntent.Change:
                    return [AskViews.Change(campaign)];
                default:
                    return [AskViews.Help()];
            }
        }
        catch (MetricSourceException e)
        {
            // The same sentence the command gives when the source fails (a refused token says how to reconnect).
            return [AskViews.Plain(Reply.SourceFailed(e))];
        }
    }
}
