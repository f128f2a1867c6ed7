using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Interactions;

/// <summary>What to tell a person when Slack refused to post or open something for them, by Slack's error code.</summary>
internal static class SlackFailures
{
    public static SlackMessage Explain(SlackApiException failure)
    {
        var text = failure switch
        {
            { IsChannelUnavailable: true } =>
                $"I could not post in this channel ({failure.Error}). Invite TikTokBot to the channel with `/invite @TikTokBot`, then press the button again.",
            { IsInstallationInvalid: true } =>
                $"TikTokBot's Slack installation is no longer valid ({failure.Error}). Ask a workspace admin to reinstall TikTokBot, then try again.",
            { IsMessageRejected: true } =>
                $"Slack refused the answer as too long ({failure.Error}). Ask for a shorter period, for example `/ttmetrics campaign-42 7d`.",
            { Error: "ratelimited" } => "Slack is limiting how often TikTokBot may post right now. Try again in a minute.",
            _ => $"Slack refused the answer ({Mrkdwn.Escape(failure.Error)}). Try again in a minute.",
        };
        return new MessageBuilder().Text(text).Ephemeral().Section(text).BuildSingle() with { ReplaceOriginal = false };
    }
}
