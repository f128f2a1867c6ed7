using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Interactions;

/// <summary>
/// One thing the answer to a button does in Slack. The router decides what; <see cref="SlackButtonHandler"/> (or the
/// playground, which draws messages only) decides how.
/// </summary>
internal abstract record Delivery
{
    private Delivery()
    {
    }

    /// <summary>Beside the pressed message, for the presser alone.</summary>
    internal sealed record Beside(SlackMessage Message) : Delivery;

    /// <summary>In place of the pressed message (a proposal that became its result).</summary>
    internal sealed record Replace(SlackMessage Message) : Delivery;

    /// <summary>In place of the pressed message, for everyone in the channel (an approval request that was decided).</summary>
    internal sealed record ReplaceForChannel(SlackMessage Message) : Delivery;

    /// <summary>Beside the pressed message, for everyone in the channel ("Share in channel").</summary>
    internal sealed record InChannel(SlackMessage Message) : Delivery;

    /// <summary>In the pressed message's thread for everyone; beside it for the presser when the message is private.</summary>
    internal sealed record InThread(SlackMessage Message) : Delivery;

    /// <summary>A new message in the channel (a request for approval).</summary>
    internal sealed record Post(SlackMessage Message) : Delivery;

    /// <summary>A direct message to the presser (the Home tab has no response_url).</summary>
    internal sealed record DirectMessage(SlackMessage Message) : Delivery;

    /// <summary>A modal, opened with the press's trigger id.</summary>
    internal sealed record OpenModal(SlackView View) : Delivery;

    /// <summary>Ask's answer to one of its suggestions, in the conversation's thread (which remembers it for follow-ups).</summary>
    internal sealed record AskReply(Ask.AskThreadKey Thread, Ask.AskTurn Turn) : Delivery;

    /// <summary>The message a delivery carries; null for a modal or Ask's reply (which Ask renders).</summary>
    public SlackMessage? MessageOrNull => this switch
    {
        Beside d => d.Message,
        Replace d => d.Message,
        ReplaceForChannel d => d.Message,
        InChannel d => d.Message,
        InThread d => d.Message,
        Post d => d.Message,
        DirectMessage d => d.Message,
        _ => null,
    };
}
