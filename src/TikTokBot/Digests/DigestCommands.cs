using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Requests;

namespace TikTokBot.Digests;

/// <summary>The digest verbs of <c>/ttmetrics</c>: <c>digest now</c>, <c>subscribe</c>, <c>unsubscribe</c>, <c>subscriptions</c>.</summary>
internal sealed class DigestCommands(ReportService reports, DigestService digests, IDigestCheckin checkin, Microsoft.Extensions.Options.IOptions<DigestOptions> options)
{
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(MetricsCommand command, Asker asker, CancellationToken ct)
    {
        switch (command)
        {
            case MetricsCommand.DigestNow now:
            {
                var (ids, problem) = await ResolveAsync(asker, now.Campaigns, ct);
                if (problem is not null)
                {
                    return [problem];
                }

                var preview = await digests.PreviewAsync(asker.TeamId, ids, ct);
                // With the check-in part the channel's digest would carry now: the fixes of the workspace, never another's.
                var messages = DigestView.Messages(preview.Campaigns, preview.Day, "Preview: the digest as it stands now.", options.Value.MaxCharts);
                return ReportViews.WithNotice(await checkin.WithCheckinAsync(asker.TeamId, preview.Overviews, messages, ct), preview.Notice);
            }

            case MetricsCommand.Subscribe subscribe:
            {
                if (string.IsNullOrEmpty(asker.ChannelId) || !IsChannel(asker.ChannelId))
                {
                    return [Reply.Plain("Digests go to a channel: run `/ttmetrics subscribe` in the channel that should get them (invite me there first).")];
                }

                var (ids, problem) = await ResolveAsync(asker, subscribe.Campaigns, ct);
                if (problem is not null)
                {
                    return [problem];
                }

                var result = await digests.SubscribeAsync(asker, asker.ChannelId, ids, subscribe.At, subscribe.TimeZone, ct);
                if (result.Subscription is not { } subscription)
                {
                    return [Reply.Plain(result.Refusal!)];
                }

                var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
                var what = subscription.AllCampaigns ? "every campaign" : Names(await digests.CampaignNamesAsync(asker.TeamId, ct), subscription.CampaignIds);
                var when = result.NextFiring is { } at ? $" The first one comes {TimeZoneInfo.ConvertTime(at, zone):ddd yyyy-MM-dd HH:mm}." : "";
                return [Reply.Plain($"<#{asker.ChannelId}> gets the daily digest at {subscription.LocalTime:HH:mm} {zone.Id} for {what}.{when} " +
                    "`/ttmetrics digest now` shows it now; `/ttmetrics unsubscribe` stops it.")];
            }

            case MetricsCommand.Unsubscribe:
            {
                var stopped = await digests.UnsubscribeAsync(asker, asker.ChannelId, ct);
                return [Reply.Plain(stopped switch
                {
                    { Refusal: { } refusal } => refusal,
                    { Saved: { } subscription } => $"<#{subscription.ChannelId}> no longer gets the daily digest. `/ttmetrics subscribe` starts it again.",
                    _ => "This channel has no daily digest. `/ttmetrics subscriptions` lists the channels that do.",
                })];
            }

            default:
                return [await SubscriptionsAsync(asker, ct)];
        }
    }

    private async Task<SlackMessage> SubscriptionsAsync(Asker asker, CancellationToken ct)
    {
        var statuses = await digests.SubscriptionsAsync(asker.TeamId, ct);
        if (statuses.Count == 0)
        {
            return Reply.Plain("No channel gets the daily digest yet. Run `/ttmetrics subscribe` in a channel to start one.");
        }

        var names = await digests.CampaignNamesAsync(asker.TeamId, ct);
        var lines = new List<string>();
        foreach (var (subscription, next, last) in statuses)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone);
            var what = subscription.AllCampaigns ? "every campaign" : Names(names, subscription.CampaignIds);
            var lastText = last is null ? "none sent yet" : last.State switch
            {
                DeliveryState.Delivered => $"last sent for {last.LocalDate:yyyy-MM-dd}",
                DeliveryState.Failed => $"{last.LocalDate:yyyy-MM-dd} failed ({Mrkdwn.Escape(last.Failure ?? "unknown")}) after {last.Attempts} attempt(s)",
                _ => $"{last.LocalDate:yyyy-MM-dd} being sent",
            };
            var state = subscription.IsPaused
                ? $"*paused* (Slack said `{Mrkdwn.Escape(subscription.PausedReason!)}`; run `/ttmetrics subscribe` there to resume)"
                : next is { } at ? $"next {TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm}" : "not scheduled";
            lines.Add($"• <#{subscription.ChannelId}> at {subscription.LocalTime:HH:mm} {zone.Id}, {what}: {state}; {lastText}.");
        }

        return Reply.Plain("*Daily digests*\n" + string.Join("\n", lines));
    }

    /// <summary>The ids of the campaigns typed, or the reply saying which one was not found.</summary>
    private async Task<(IReadOnlyList<string> Ids, SlackMessage? Problem)> ResolveAsync(Asker asker, IReadOnlyList<string> typed, CancellationToken ct)
    {
        var ids = new List<string>();
        foreach (var name in typed)
        {
            var found = await reports.FindAsync(asker.TeamId, name, ct);
            if (found.Campaign is null)
            {
                return ([], Reply.NotFound(name, found));
            }

            ids.Add(found.Campaign.Id);
        }

        return (ids, null);
    }

    private static string Names(IReadOnlyDictionary<string, string> names, IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Select(id => $"*{Mrkdwn.Escape(names.GetValueOrDefault(id, id))}*"));

    /// <summary>Channel ids start with C (public) or G (private); a D is a direct message, where no digest goes.</summary>
    private static bool IsChannel(string channelId) => channelId.StartsWith('C') || channelId.StartsWith('G');
}
