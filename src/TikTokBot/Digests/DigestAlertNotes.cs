using System.Text;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;

namespace TikTokBot.Digests;

/// <summary>
/// The hook of issue 33 in the digest: info alerts are never posted on their own; the scan keeps them (with their rule's
/// title) in <c>alert_digest_notes</c>, and the channel's digest of their day ends with them.
/// </summary>
internal static class DigestAlertNotes
{
    /// <summary>The info alerts of a day, for the end of the channel's daily digest; null when there are none.</summary>
    public static SlackMessage? Messages(IReadOnlyList<AlertDigestNote> notes)
    {
        if (notes.Count == 0)
        {
            return null;
        }

        var head = $"For information, {notes.Count} alert(s) of {notes[0].Key.LocalDate:yyyy-MM-dd} that did not need anyone at once:";
        var lines = notes.Select(n => $"• *{Mrkdwn.Escape(n.CampaignName)}*: {Mrkdwn.Escape(n.Summary)}");
        var message = new MessageBuilder().Text(head).Section($":information_source: *{Mrkdwn.Escape(head)}*");
        // A section holds 3,000 characters: the lines go in as many sections as they need, up to what one message holds.
        var section = new StringBuilder();
        var sections = 0;
        foreach (var line in lines)
        {
            if (section.Length + line.Length + 1 > 2900 && section.Length > 0)
            {
                if (++sections >= SlackLimits.BlocksPerMessage - 2)
                {
                    break;
                }

                message.Section(section.ToString());
                section.Clear();
            }

            section.Append(section.Length == 0 ? "" : "\n").Append(line);
        }

        if (section.Length > 0)
        {
            message.Section(section.ToString());
        }

        return message.Context("Info alerts come only in the daily digest; `/ttmetrics alerts` lists the rules.").BuildSingle();
    }
}
