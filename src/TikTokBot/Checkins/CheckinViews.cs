using TikTokBot.Requests;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Storage;
using static TikTokBot.Requests.ButtonCodec;

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

    /// <summary>The fixes in progress, grouped by owner then campaign, each with its state; for the asker alone.</summary>
    public static SlackMessage List(IReadOnlyList<Fix> fixes, IReadOnlyDictionary<string, string> campaignNames, string whose)
    {
        if (fixes.Count == 0)
        {
            return Reply.Plain($"No fixes in progress {whose}. Take one with \"I'll take it\" under a finding of `/ttmetrics <campaign> fix`.");
        }

        var message = new MessageBuilder().Text($"{fixes.Count} fixes in progress {whose}").Ephemeral().Header($"Fixes in progress {whose}");
        foreach (var owner in fixes.GroupBy(f => f.Details.OwnerId))
        {
            var lines = owner.GroupBy(f => f.Details.CampaignId).Select(campaign =>
                $"*{Mrkdwn.Escape(campaignNames.GetValueOrDefault(campaign.Key, campaign.Key))}*\n" +
                string.Join('\n', campaign.Select(f => $"• {Mrkdwn.Escape(f.Details.FindingTitle)}: {State(f)}")));
            message.Section($"<@{owner.Key}>\n" + string.Join('\n', lines));
        }

        return message.BuildSingle();
    }

    /// <summary>Where a fix is, in words.</summary>
    public static string State(Fix fix) => fix.State switch
    {
        FixState.Open => $"taken {fix.TakenAt:yyyy-MM-dd}, not applied yet",
        FixState.Done => $"applied {fix.DoneAt:yyyy-MM-dd}, followed up on {fix.FollowUpDue:yyyy-MM-dd}",
        FixState.ClosedByAction => $"applied by the bot ({fix.DoneBy}) {fix.DoneAt:yyyy-MM-dd}, followed up on {fix.FollowUpDue:yyyy-MM-dd}",
        _ => $"followed up: {fix.Verdict}",
    };

    /// <summary>The follow-up, in the fix's thread for everyone: the verdict with its figures, as <see cref="FollowUpJob"/> words it.</summary>
    public static SlackMessage FollowUp(string text, string channel, string threadTs) =>
        new MessageBuilder().Text(text).Section(text).BuildSingle() with { Channel = channel, ThreadTs = threadTs };

    /// <summary>In the thread: the fix is applied and when its follow-up comes.</summary>
    public static SlackMessage Done(Fix fix, string campaignName)
    {
        var learning = fix.RestartsLearning ? " (after the learning window: the change restarts learning)" : "";
        var text = $":white_check_mark: <@{fix.DoneBy}> applied *{Mrkdwn.Escape(fix.Details.FindingTitle)}* on *{Mrkdwn.Escape(campaignName)}*. " +
            $"I'll follow up here on {fix.FollowUpDue:yyyy-MM-dd}{learning}.";
        return new MessageBuilder().Text(text).InChannel().Section(text).BuildSingle();
    }
}
