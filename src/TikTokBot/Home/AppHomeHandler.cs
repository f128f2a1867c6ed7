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
        await api.PublishHomeAsync(slackEvent.User, View(page.Overviews, page.Notice, page.Fixes), ct);
    }

    /// <summary>Owners listed with their open fixes, within the view's 100 blocks.</summary>
    public const int MaxFixOwners = 20;

    public static SlackView View(IReadOnlyList<CampaignOverview> overviews, string? notice = null, IReadOnlyList<Storage.Fix>? fixes = null)
    {
        var tab = new HomeTabBuilder().Header("TikTok campaigns").Context("Last 7 closed days · `/ttmetrics <name>` for the full read");
        if (Freshness.First(overviews.Select(o => o.FreshnessLine)) is { } fresh)
        {
            tab.Context(fresh);
        }

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

        if (fixes is { Count: > 0 })
        {
            // Check-ins: who is on which fix, by owner and campaign.
            var names = overviews.ToDictionary(o => o.Campaign.Id, o => o.Campaign.Name, StringComparer.Ordinal);
            tab.Header("Fixes in progress");
            foreach (var owner in fixes.GroupBy(f => f.Details.OwnerId).Take(MaxFixOwners))
            {
                tab.Section($"<@{owner.Key}>\n" + string.Join('\n', owner.GroupBy(f => f.Details.CampaignId).Select(c =>
                    $"*{Mrkdwn.Escape(names.GetValueOrDefault(c.Key, c.Key))}*: " +
                    string.Join("; ", c.Select(f => $"{Mrkdwn.Escape(f.Details.FindingTitle)} ({(f.State == Storage.FixState.Open ? "not applied yet" : $"applied, follow-up {f.FollowUpDue:yyyy-MM-dd}")})")))));
            }

            tab.Context("`/ttmetrics fixes mine` lists yours.");
        }

        return tab.Build();
    }
}
