using TikTokBot.Domain.Objectives;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Requests;

namespace TikTokBot.Home;

/// <summary>The App Home tab: every campaign with its status, learning phase, credit left and top finding.</summary>
internal sealed class AppHomeHandler(HomeService home) : ISlackEventHandler
{
    /// <summary>Slack allows 100 blocks in a view: a header, a context, the connect button, 45 campaigns and a closing line fit.</summary>
    public const int MaxCampaigns = 45;

    public async Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        if (slackEvent.Tab is not (null or "home") || string.IsNullOrEmpty(slackEvent.User) || string.IsNullOrEmpty(callback.TeamId))
        {
            return;
        }

        var page = await home.PageAsync(callback.TeamId, ct);
        var api = await context.GetApiAsync(ct);
        await api.PublishHomeAsync(slackEvent.User, View(page.Overviews, page.Notice), ct);
    }

    public static SlackView View(IReadOnlyList<CampaignOverview> overviews, string? notice = null)
    {
        var tab = new HomeTabBuilder().Header("TikTok campaigns").Context("Last 7 closed days · `/ttmetrics <name>` for the full read");
        if (notice is not null)
        {
            tab.Section($":warning: {Mrkdwn.Escape(notice)}");
        }

        tab.Actions([Elements.Button(ButtonIds.Connect, "Connect TikTok")]);
        foreach (var overview in overviews.Take(MaxCampaigns))
        {
            var campaign = overview.Campaign;
            var objective = campaign.Objective is { } o ? ObjectiveCatalogue.Profile(o).DisplayName : campaign.ObjectiveType;
            tab.Section($"*{Mrkdwn.Escape(campaign.Name)}* · {Mrkdwn.Escape(objective)} · {Mrkdwn.Escape(campaign.Status.ToLowerInvariant())}\n" +
                ReportViews.Standing(overview));
        }

        if (overviews.Count > MaxCampaigns)
        {
            tab.Context($"{overviews.Count - MaxCampaigns} more: `/ttmetrics list` shows them all.");
        }

        return tab.Build();
    }
}
