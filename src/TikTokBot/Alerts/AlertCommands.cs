using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Permissions;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.Requests;
using static TikTokBot.Requests.ButtonCodec;

namespace TikTokBot.Alerts;

/// <summary>The alerts verbs of <c>/ttmetrics</c>: parse is done; this calls <see cref="AlertsService"/> and renders.</summary>
internal sealed class AlertCommands(AlertsService alerts, ReportService reports, IOptions<AlertOptions> options, IOptions<BaselineOptions> baselines)
{
    public async Task<IReadOnlyList<SlackMessage>> ReplyAsync(AlertRequest request, Asker asker, CancellationToken ct)
    {
        switch (request)
        {
            case AlertRequest.On on:
            {
                if (asker.ChannelId is not { } channel || !(channel.StartsWith('C') || channel.StartsWith('G')))
                {
                    return [Reply.Plain("Alerts go to a channel: run `/ttmetrics alerts on` in the channel that should get them (invite me there first).")];
                }

                var ids = new List<string>();
                foreach (var typed in on.Campaigns)
                {
                    var found = await reports.FindAsync(asker.TeamId, typed, ct);
                    if (found.Campaign is null)
                    {
                        return [Reply.NotFound(typed, found)];
                    }

                    ids.Add(found.Campaign.Id);
                }

                var details = new AlertSubscriptionDetails(channel, ids, on.QuietFrom, on.QuietTo, on.TimeZone ?? AlertsService.DefaultTimeZone);
                var result = await alerts.SubscribeAsync(asker, details, ct);
                if (result.Saved is not { } saved)
                {
                    return [Reply.Plain(result.Refusal!)];
                }

                var what = ids.Count == 0 ? "every campaign" : string.Join(", ", on.Campaigns.Select(c => $"*{Mrkdwn.Escape(c)}*"));
                var quiet = saved.Details.QuietFrom is { } from ? $" Quiet {from:HH:mm}-{saved.Details.QuietTo:HH:mm} {saved.Details.TimeZone}: alerts wait and come in one message after." : "";
                return [Reply.Plain($"<#{channel}> gets alerts for {what}, at most {options.Value.MaxPerChannelPerDay} a day, checked every {Every(options.Value.ScanEvery)}.{quiet} " +
                    "`/ttmetrics alerts` lists the rules; `/ttmetrics alerts off` stops them.")];
            }

            case AlertRequest.Off:
            {
                var result = await alerts.UnsubscribeAsync(asker, asker.ChannelId ?? "", ct);
                return [Reply.Plain(result switch
                {
                    { Refusal: { } refusal } => refusal,
                    { Saved: { } channel } => $"<#{channel}> gets no more alerts. `/ttmetrics alerts on` starts them again.",
                    _ => "This channel has no alerts on. `/ttmetrics alerts on` starts them.",
                })];
            }

            case AlertRequest.CriticalInQuietHours critical:
            {
                var result = await alerts.SetCriticalInQuietHoursAsync(asker, critical.Wanted, ct);
                return [Reply.Plain(result switch
                {
                    { Refusal: { } refusal } => refusal,
                    { Saved: "on" } => $"<#{asker.ChannelId}> gets critical alerts (money lost now: spend without delivery or results) even in its quiet hours; warnings still wait.",
                    { Saved: "off" } => $"<#{asker.ChannelId}> holds every alert in its quiet hours, critical ones too.",
                    _ => "This channel has no alerts on. `/ttmetrics alerts on` starts them.",
                })];
            }

            case AlertRequest.CheckNow:
            {
                var result = await alerts.CheckNowAsync(asker, ct);
                return [result.Saved is { } scan ? CheckView(scan) : Reply.Plain(result.Refusal!)];
            }

            default:
                return [await ListAsync(asker, ct)];
        }
    }

    private static SlackMessage CheckView(AlertScanResult scan)
    {
        if (!scan.Complete)
        {
            return Reply.Plain($"The scan could not read every report, so it raised nothing: {Mrkdwn.Escape(scan.Failure ?? "unknown failure")}. It tries again at the next scan.");
        }

        var text = new StringBuilder($"*Alert scan:* {scan.CampaignsRead} campaign(s) read, {scan.Found.Count} alert(s) found.");
        foreach (var found in scan.Found)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\n• *{Mrkdwn.Escape(found.Campaign.Name)}*: {AlertRuleNames.Describe(found.Alert.Rule)}: {Mrkdwn.Escape(found.Alert.Summary)}{(found.Silenced ? " _(muted or snoozed)_" : "")}");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"\nPosted {scan.Posted}, held for quiet hours {scan.Held}, over the cap {scan.Capped}, released {scan.Released}, recovered {scan.Recovered} (an alert already told today is not told again).");
        return AlertViews.CheckNow(text.ToString(), scan.Found);
    }

    private async Task<SlackMessage> ListAsync(Asker asker, CancellationToken ct)
    {
        var o = options.Value;
        var overview = await alerts.OverviewAsync(asker.TeamId, asker.ChannelId, ct);
        var message = new MessageBuilder().Text("Alerts").Ephemeral().Section("*Alert rules* (`Alerts:*` in appsettings.json)\n" + AlertViews.Rules(o));
        var channel = overview.Channel is { } s
            ? $"<#{s.ChannelId}>: alerts on for {(s.Details.CampaignIds.Count == 0 ? "every campaign" : string.Join(", ", await Task.WhenAll(s.Details.CampaignIds.Select(id => alerts.CampaignNameAsync(asker.TeamId, id, ct)))))}" +
              (s.Details.QuietFrom is { } from
                  ? $", quiet {from:HH:mm}-{s.Details.QuietTo:HH:mm} {s.Details.TimeZone} (critical alerts {(s.Details.CriticalInQuietHours ? "still post" : "wait too")})"
                  : ", no quiet hours") +
              $"; at most {o.MaxPerChannelPerDay} a day; scanned every {Every(o.ScanEvery)}" +
              (overview.NextScan is { } next ? $", next {next:yyyy-MM-dd HH:mm} UTC." : ".")
            : "This channel has no alerts on: `/ttmetrics alerts on` starts them.";
        message.Section(channel);
        if (overview.Recent.Count > 0)
        {
            var lines = new List<string>();
            foreach (var a in overview.Recent)
            {
                var name = await alerts.CampaignNameAsync(asker.TeamId, a.Key.CampaignId, ct);
                lines.Add($"• {a.Key.LocalDate:yyyy-MM-dd} *{Mrkdwn.Escape(AlertViews.Rule(a.Key.RuleId))}* on {Mrkdwn.Escape(name)}: {a.State.ToString().ToLowerInvariant()}{(a.RecoveredAt is null ? "" : ", recovered")}");
            }

            message.Section("*Last alerts here*\n" + string.Join("\n", lines));
        }

        if (overview.SilenceCounts.Count > 0)
        {
            var b = baselines?.Value ?? new BaselineOptions();
            var lines = overview.SilenceCounts.Take(5).Select(c =>
                $"• *{Mrkdwn.Escape(AlertViews.Rule(c.RuleId))}*: snoozed {c.Snoozes}×, muted {c.Mutes}×" +
                (AlertRuleNames.TryParse(c.RuleId, out var r) ? $"; the setting that would quiet it: {AlertQuieting.SettingFor(r, o, b)}" : ""));
            message.Section("*Rules this channel silences most*\n" + string.Join("\n", lines));
        }

        foreach (var silence in overview.Silences.Take(20))
        {
            var name = await alerts.CampaignNameAsync(asker.TeamId, silence.CampaignId, ct);
            var how = silence.Until is { } until ? $"snoozed until {until:yyyy-MM-dd HH:mm} UTC" : "muted";
            var rule = AlertRuleNames.TryParse(silence.RuleId, out var parsed) ? parsed : (AlertRule?)null;
            message.Section($"*{Mrkdwn.Escape(AlertViews.Rule(silence.RuleId))}* on *{Mrkdwn.Escape(name)}*: {how} by <@{silence.SilencedBy}>",
                rule is { } r ? Elements.Button(ButtonIds.Unmute, "Undo", ButtonCodec.Encode(new AlertTarget(silence.CampaignId, r))) : null);
        }

        return message.BuildSingle();
    }

    private static string Every(TimeSpan every) => every.TotalMinutes < 60 ? $"{every.TotalMinutes:0} minutes" : every.TotalHours == 1 ? "hour" : $"{every.TotalHours:0} hours";
}
