using System.Text;
using Microsoft.Extensions.Options;
using TikTokBot.Domain.Funnel;
using TikTokBot.Reports;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Checkins;

/// <summary>
/// The daily digest's check-in part, for the digest's campaigns only and each in its advertiser's days: the fixes taken
/// yesterday (owner, campaign, finding), the follow-ups due today with their verdicts (the one the follow-up job posted
/// today, or the same answer worked out now when the job has not posted it yet), and the findings nobody has taken, with
/// "I'll take it" and "Assign…". It goes at the end of the digest's last message, in the room that message has left.
/// </summary>
internal sealed class DigestCheckin(IWorkspaceStorage storage, FollowUpAnswers answers, IOptionsMonitor<DigestCheckin.CheckinDigestOptions> options, ILogger<DigestCheckin> logger)
    : IDigestCheckin
{
    public async Task<IReadOnlyList<SlackMessage>> WithCheckinAsync(
        string teamId, IReadOnlyList<CampaignOverview> overviews, IReadOnlyList<SlackMessage> digest, CancellationToken ct)
    {
        var room = SlackLimits.BlocksPerMessage - (digest.Count == 0 ? SlackLimits.BlocksPerMessage : digest[^1].Blocks?.Count ?? 0);
        if (overviews.Count == 0 || room < 1)
        {
            return digest;
        }

        try
        {
            var part = await PartAsync(teamId, overviews, room, ct);
            if (part.Count == 0)
            {
                return digest;
            }

            var last = digest[^1];
            return [.. digest.Take(digest.Count - 1), last with { Blocks = [.. last.Blocks ?? [], .. part] }];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The digest goes out without its check-in part rather than not at all.
            logger.LogWarning(e, "The check-in part of team {TeamId}'s digest could not be read ({Failure}); the digest goes without it", teamId, e.GetType().Name);
            return digest;
        }
    }

    private async Task<IReadOnlyList<Block>> PartAsync(string teamId, IReadOnlyList<CampaignOverview> overviews, int room, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var digested = overviews.GroupBy(o => o.Campaign.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // A day's margin before the earliest advertiser's yesterday: each fix is then placed in its own advertiser's days.
        var since = new DateTimeOffset(overviews.Min(o => o.Days.Yesterday).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var fixes = (await storage.ForTeam(teamId).Fixes.ListSinceAsync(since, ct))
            .Where(f => digested.ContainsKey(f.Details.CampaignId))
            .ToList();

        var taken = new List<string>();
        var followUps = new List<string>();
        foreach (var fix in fixes)
        {
            var overview = digested[fix.Details.CampaignId];
            var (campaign, days) = (overview.Campaign, overview.Days);
            var on = $"*{Mrkdwn.Escape(fix.Details.FindingTitle)}* on *{Mrkdwn.Escape(campaign.Name)}*";
            if (BusinessCalendar.At(fix.TakenAt, campaign.TimeZone).Today == days.Yesterday)
            {
                taken.Add(fix.Details.OwnerId == fix.Details.TakenBy
                    ? $"• <@{fix.Details.OwnerId}> took {on}"
                    : $"• <@{fix.Details.TakenBy}> assigned <@{fix.Details.OwnerId}> {on}");
            }

            if (fix is { State: FixState.FollowedUp, FollowedUpAt: { } at } && BusinessCalendar.At(at, campaign.TimeZone).Today == days.Today)
            {
                followUps.Add($"• {on} (<@{fix.Details.OwnerId}>): {FollowUpAnswers.Words(fix.Verdict)}: {Mrkdwn.Escape(fix.VerdictNote ?? "")}");
            }
            else if (fix.AwaitsFollowUp && answers.PeriodsOn(fix, campaign, days.Yesterday) is { } periods)
            {
                var answer = await answers.AnswerAsync(teamId, fix, campaign, periods, ct);
                followUps.Add($"• {on} (<@{fix.Details.OwnerId}>): {FollowUpAnswers.Words(answer.Verdict)}: {Mrkdwn.Escape(answer.Note)}");
            }
        }

        // A finding is someone's while its fix is in progress, and on the day its follow-up answers (listed above).
        var owned = fixes
            .Where(f => f.State != FixState.FollowedUp ||
                BusinessCalendar.At(f.FollowedUpAt!.Value, digested[f.Details.CampaignId].Campaign.TimeZone).Today == digested[f.Details.CampaignId].Days.Today)
            .Select(f => (f.Details.CampaignId, f.Details.RuleId))
            .ToHashSet();

        // Each campaign's first finding, then each one's second, and so on: the digest's few buttons go to many campaigns.
        var untaken = overviews
            .SelectMany(o => o.Fixes.Fixes.Select(f => f.Because).Distinct().Select((finding, rank) => (Overview: o, Finding: finding, Rank: rank)))
            .Where(u => !owned.Contains((u.Overview.Campaign.Id, u.Finding.RuleId)))
            .OrderBy(u => u.Rank)
            .ToList();
        if (taken.Count == 0 && followUps.Count == 0 && untaken.Count == 0)
        {
            return [];
        }

        var text = new StringBuilder("*Check-in*");
        Lines(text, $"Taken yesterday{Dated(overviews.Select(o => o.Days.Yesterday))}", taken, settings.MaxLines);
        Lines(text, $"Follow-ups due today{Dated(overviews.Select(o => o.Days.Today))}", followUps, settings.MaxLines);

        // A divider and the heading, then two blocks a finding (its line, its buttons), and one line for those left out.
        var divider = room >= 2;
        var shown = Math.Clamp(Math.Min(settings.MaxFindings, untaken.Count), 0, Math.Max(0, (room - 3) / 2));
        if (shown == 0 && untaken.Count > 0)
        {
            text.Append($"\n{untaken.Count} finding(s) nobody has taken: `/ttmetrics <campaign> fix` to take one.");
        }
        else if (untaken.Count > 0)
        {
            text.Append("\nNobody has taken:");
        }

        var part = new MessageBuilder();
        if (divider)
        {
            part.Divider();
        }

        part.Section(text.ToString());
        foreach (var (overview, finding, _) in untaken.Take(shown))
        {
            part.Section($"*{Mrkdwn.Escape(finding.Title)}* on *{Mrkdwn.Escape(overview.Campaign.Name)}* ({Mrkdwn.Escape(finding.Stage.DisplayName())})")
                .Actions(CheckinButtons.For(overview.Campaign.Id, finding));
        }

        if (shown > 0 && untaken.Count > shown)
        {
            part.Context($"{untaken.Count - shown} more finding(s) nobody has taken: `/ttmetrics <campaign> fix` lists each campaign's with the same buttons.");
        }

        return part.BuildSingle().Blocks ?? [];
    }

    private static void Lines(StringBuilder text, string heading, IReadOnlyList<string> lines, int max)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append($"\n{heading}:");
        foreach (var line in lines.Take(max))
        {
            text.Append('\n').Append(line);
        }

        if (lines.Count > max)
        {
            text.Append($"\n…and {lines.Count - max} more: `/ttmetrics fixes`.");
        }
    }

    /// <summary>" (2026-11-22)" when every campaign of the digest has that day; nothing when their advertisers' days differ.</summary>
    private static string Dated(IEnumerable<DateOnly> days) => days.Distinct().ToList() is [var only] ? $" ({only:yyyy-MM-dd})" : "";

    /// <summary>Configuration <c>Checkins:Digest:*</c>: the daily digest's check-in part.</summary>
    internal sealed class CheckinDigestOptions
    {
        public const string SectionName = "Checkins:Digest";

        /// <summary>
        /// Findings nobody has taken shown with their "I'll take it" and "Assign…" (two blocks each); the rest are counted in
        /// one line. Fewer when the digest's message has less room left (Slack's 50 blocks): the digest stays one message.
        /// </summary>
        public int MaxFindings { get; set; } = 3;

        /// <summary>Fixes taken yesterday, and follow-ups due today, listed each; the rest are counted.</summary>
        public int MaxLines { get; set; } = 8;
    }
}
