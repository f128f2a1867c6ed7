using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Requests;

/// <summary>The plain replies every capability's command gives: a sentence, or why a campaign was not found.</summary>
internal static class Reply
{
    public static SlackMessage Plain(string markdown) => new MessageBuilder().Text(markdown).Ephemeral().Section(markdown).BuildSingle();

    /// <summary>What every answer says when the data source failed (a refused token's message says how to reconnect).</summary>
    public static string SourceFailed(MetricSourceException failure) => $"I could not read the figures: {Mrkdwn.Escape(failure.Message)}";

    /// <summary>A button's campaign, by its exact id, is gone from the workspace's source.</summary>
    public static SlackMessage CampaignGone(string campaignId) =>
        Plain($"The campaign `{Mrkdwn.Escape(campaignId)}` is no longer in the data source. `/ttmetrics list` shows the campaigns there are.");

    /// <summary>Why what was typed names no single campaign, and what to type instead.</summary>
    public static SlackMessage NotFound(string typed, CampaignResolution resolution)
    {
        // Candidates of several advertisers may share a name: each is named with its advertiser and its id, which tells them apart.
        var acrossAdvertisers = resolution.Candidates.Select(c => c.AdvertiserId).Distinct(StringComparer.Ordinal).Count() > 1;
        var names = string.Join(", ", resolution.Candidates.Select(c => acrossAdvertisers
            ? $"`{Mrkdwn.Escape(c.Name)}` (advertiser {Mrkdwn.Escape(c.Advertiser)}, id `{Mrkdwn.Escape(c.Id)}`)"
            : $"`{Mrkdwn.Escape(c.Name)}`"));
        return Plain(resolution.Kind == ResolutionKind.Ambiguous
            ? $"`{Mrkdwn.Escape(typed)}` matches several campaigns: {names}. Type more of the name{(acrossAdvertisers ? ", or the campaign id" : "")}."
            : resolution.Candidates.Count > 0
                ? $"No campaign called `{Mrkdwn.Escape(typed)}`. Closest: {names}."
                : $"No campaign called `{Mrkdwn.Escape(typed)}`. `/ttmetrics list` shows them all.");
    }
}
