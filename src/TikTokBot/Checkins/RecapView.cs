using System.Text;
using System.Text.RegularExpressions;
using TikTokBot.Domain.Checkins;
using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using TikTokBot.TikTok.Sources;
using TikTokBot.TikTok.Calendar;

namespace TikTokBot.Checkins;

/// <summary>
/// A channel's weekly check-in recap: what was fixed in the week, what moved (the targeted metric before → after, as the
/// follow-up said it), and how many fixes worked. Each fix's instants are placed in its advertiser's days; the week is
/// the channel's seven local days.
/// </summary>
internal static partial class RecapView
{
    /// <summary>The recap of <paramref name="week"/> from the channel's campaigns' fixes; null when nothing was applied or followed up in it.</summary>
    public static SlackMessage? Message(DateRange week, IReadOnlyList<Fix> fixes, IReadOnlyDictionary<string, CampaignInfo> campaigns, int maxLines)
    {
        string Zone(Fix fix) => campaigns.TryGetValue(fix.Details.CampaignId, out var c) ? c.TimeZone : "UTC";
        string On(Fix fix) =>
            $"*{Mrkdwn.Escape(fix.Details.FindingTitle)}* on *{Mrkdwn.Escape(campaigns.TryGetValue(fix.Details.CampaignId, out var c) ? c.Name : fix.Details.CampaignId)}*";
        bool In(DateTimeOffset? at, Fix fix) => at is { } instant && week.Contains(BusinessCalendar.At(instant, Zone(fix)).Today);

        var applied = fixes.Where(f => In(f.DoneAt, f)).OrderBy(f => f.DoneAt).ToList();
        var followed = fixes.Where(f => f.State == FixState.FollowedUp && In(f.FollowedUpAt, f)).OrderBy(f => f.FollowedUpAt).ToList();
        if (applied.Count == 0 && followed.Count == 0)
        {
            return null;
        }

        var judged = followed.Where(f => f.Verdict != "Skipped").ToList();
        int Count(FixVerdict verdict) => judged.Count(f => f.Verdict == verdict.ToString());
        var (better, unclear, worse) = (Count(FixVerdict.Better), Count(FixVerdict.NoClearChange), Count(FixVerdict.Worse));
        var skipped = followed.Count - judged.Count;
        var summary = $"{applied.Count} fix(es) applied, {judged.Count} followed up: {better} better, {unclear} no clear change yet, {worse} worse" +
            (skipped > 0 ? $"; {skipped} not followed up (campaign paused or gone)" : "") + ".";

        var message = new MessageBuilder()
            .Text($"Weekly check-in {week.Start:yyyy-MM-dd} to {week.End:yyyy-MM-dd}: {summary}")
            .Header($"Weekly check-in · {week.Start:yyyy-MM-dd} to {week.End:yyyy-MM-dd}")
            .Section($"*Did the fixes work?* {summary}");
        if (applied.Count > 0)
        {
            message.Section(Lines("*Fixed this week*", applied.Select(f =>
                $"• {On(f)} (<@{f.Details.OwnerId}>), applied {BusinessCalendar.At(f.DoneAt!.Value, Zone(f)).Today:yyyy-MM-dd}"), maxLines));
        }

        if (followed.Count > 0)
        {
            message.Section(Lines("*What moved*", followed.Select(f =>
                $"• {On(f)}: {FollowUpAnswers.Words(f.Verdict)}: {Mrkdwn.Escape(Figures(f.VerdictNote))}"), maxLines));
        }

        return message.Context("Each fix's own follow-up is in its thread; `/ttmetrics fixes` lists those still in progress.").BuildSingle();
    }

    /// <summary>The follow-up's figures without their periods ("CTR 0.8 → 1.1 (+37.5%)"); a reason as it is.</summary>
    private static string Figures(string? note) => note is null ? "" : Periods().Replace(note, "");

    [GeneratedRegex(@", \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2} against \d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$")]
    private static partial Regex Periods();

    private static string Lines(string heading, IEnumerable<string> lines, int max)
    {
        var all = lines.ToList();
        var text = new StringBuilder(heading);
        foreach (var line in all.Take(max))
        {
            text.Append('\n').Append(line);
        }

        if (all.Count > max)
        {
            text.Append($"\n…and {all.Count - max} more.");
        }

        return text.ToString();
    }
}
