using TikTokBot.Domain.Actions;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Actions;

/// <summary>
/// <c>/ttmetrics pause | resume | budget</c> and the fixes' buttons: finds the campaign or ad group in this workspace's
/// campaigns, takes the advertiser from the campaign (never from what was typed or pressed), and asks
/// <see cref="IActionsService"/> for the proposal to confirm.
/// </summary>
internal sealed class ActionCommands(ReportService reports, IActionsService actions)
{
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand.Act command, Asker asker, CancellationToken ct)
    {
        var level = command.Intent.Level;
        var found = level == ActionLevel.Campaign ? await FindCampaignAsync(asker.TeamId, command.Target, ct) : await FindAdGroupAsync(asker.TeamId, command.Target, ct);
        if (found.Problem is { } problem)
        {
            return [Reply.Plain(problem)];
        }

        return [await ProposeAsync(asker, new ProposalRequest(found.Campaign!.Id, command.Intent with { TargetId = found.TargetId! }), ct)];
    }

    /// <summary>A proposal from a fix's button: the campaign must be one this workspace reads.</summary>
    public async Task<SlackMessage> ProposeAsync(Asker asker, ProposalRequest request, CancellationToken ct)
    {
        var campaign = await reports.FindByIdAsync(asker.TeamId, request.CampaignId, ct);
        if (campaign is null)
        {
            return Reply.Plain("That campaign is not among this workspace's campaigns; nothing was changed. `/ttmetrics list` shows them.");
        }

        var outcome = await actions.ProposeAsync(new ActionAsker(asker.TeamId, asker.ChannelId ?? "", asker.UserId, asker.EnterpriseId), campaign.AdvertiserId, request.Intent, ct, campaign.Id);
        return ActionViews.Render(outcome);
    }

    private async Task<(CampaignInfo? Campaign, string? TargetId, string? Problem)> FindCampaignAsync(string teamId, string typed, CancellationToken ct)
    {
        var found = await reports.FindAsync(teamId, typed, ct);
        return found.Campaign is { } campaign ? (campaign, campaign.Id, null) : (null, null, Reply.NotFound(typed, found).Text);
    }

    /// <summary>An ad group by id, exact name, or a part of the name that only one ad group has, across this workspace's campaigns.</summary>
    private async Task<(CampaignInfo? Campaign, string? TargetId, string? Problem)> FindAdGroupAsync(string teamId, string typed, CancellationToken ct)
    {
        var rows = new List<(CampaignInfo Campaign, BreakdownRow Row)>();
        foreach (var campaign in await reports.CampaignsAsync(teamId, ct))
        {
            foreach (var row in (await reports.BreakdownAsync(teamId, campaign, BreakdownDimension.AdGroup, Period.Default, ct)).Rows)
            {
                rows.Add((campaign, row));
            }
        }

        var exact = rows.Where(r => r.Row.Key == typed || r.Row.Name.Equals(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : rows.Where(r => r.Row.Name.Contains(typed, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => (matches[0].Campaign, matches[0].Row.Key, null),
            0 => (null, null, $"No ad group called `{Mrkdwn.Escape(typed)}` in the last 7 days. `/ttmetrics <campaign> by adgroup` lists a campaign's ad groups with their ids."),
            _ => (null, null, $"`{Mrkdwn.Escape(typed)}` matches several ad groups: {string.Join(", ", matches.Take(5).Select(m => $"`{Mrkdwn.Escape(m.Row.Name)}` ({m.Row.Key})"))}. Type the full name or the id."),
        };
    }
}
