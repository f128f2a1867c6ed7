using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;

namespace TikTokBot.Checkins;

/// <summary>The check-in messages: a fix taken (with its Done button) and a fix applied.</summary>
internal static class CheckinViews
{
    /// <summary>In the thread, for everyone: who owns which finding, and the Done button.</summary>
    public static SlackMessage Taken(Fix fix, string campaignName)
    {
        var owner = fix.Details.OwnerId == fix.Details.TakenBy
            ? $"<@{fix.Details.OwnerId}> took"
            : $"<@{fix.Details.TakenBy}> assigned <@{fix.Details.OwnerId}>";
        var text = $":raising_hand: {owner} *{Mrkdwn.Escape(fix.Details.FindingTitle)}* on *{Mrkdwn.Escape(campaignName)}*. " +
            $"Now: {Mrkdwn.Escape(fix.Details.Standing)}.";
        return new MessageBuilder().Text(text).InChannel()
            .Section(text)
            .Actions([Elements.Button(ButtonIds.FixDone, "Done", ButtonCodec.Encode(new FixReference(fix.FixId)), "primary")])
            .Context("Press Done once the change is made: a few days later I compare the metric before and after, here.")
            .BuildSingle();
    }

    /// <summary>In the thread: the fix is applied and when its follow-up comes.</summary>
    public static SlackMessage Done(Fix fix, string campaignName)
    {
        var learning = fix.RestartsLearning ? " (after the learning window: the change restarts learning)" : "";
        var text = $":white_check_mark: <@{fix.DoneBy}> applied *{Mrkdwn.Escape(fix.Details.FindingTitle)}* on *{Mrkdwn.Escape(campaignName)}*. " +
            $"I'll follow up here on {fix.FollowUpDue:yyyy-MM-dd}{learning}.";
        return new MessageBuilder().Text(text).InChannel().Section(text).BuildSingle();
    }
}
