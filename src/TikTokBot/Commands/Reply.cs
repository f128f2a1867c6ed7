using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Naming;

namespace TikTokBot.Commands;

/// <summary>The plain replies every capability's command gives: a sentence, or why a campaign was not found.</summary>
public static class Reply
{
    public static SlackMessage Plain(string markdown) => new MessageBuilder().Text(markdown).Ephemeral().Section(markdown).BuildSingle();

    /// <summary>Why what was typed names no single campaign, and what to type instead.</summary>
    public static SlackMessage NotFound(string typed, CampaignResolution resolution)
    {
        var names = string.Join(", ", resolution.Candidates.Select(c => $"`{Mrkdwn.Escape(c.Name)}`"));
        return Plain(resolution.Kind == ResolutionKind.Ambiguous
            ? $"`{Mrkdwn.Escape(typed)}` matches several campaigns: {names}. Type more of the name."
            : resolution.Candidates.Count > 0
                ? $"No campaign called `{Mrkdwn.Escape(typed)}`. Closest: {names}."
                : $"No campaign called `{Mrkdwn.Escape(typed)}`. `/ttmetrics list` shows them all.");
    }
}
