namespace TikTokBot.Slack.Handlers;

/// <summary>What goes back to Slack as the acknowledgement: nothing, or a JSON body.</summary>
public sealed record SlackAckResponse(byte[]? Json)
{
    public static readonly SlackAckResponse Empty = new((byte[]?)null);

    /// <summary>The body is plain text (the url_verification challenge) rather than JSON.</summary>
    public bool IsText { get; init; }
}

/// <summary>A second acknowledgement of the same request, or one after the ack deadline passed.</summary>
public sealed class SlackAckException(string message) : InvalidOperationException(message);
