namespace TikTokBot.Requests;

/// <summary>
/// What a button or menu option stands for. Every value Slack sends back is one of these, written and read by
/// <see cref="ButtonCodec"/> alone. None carries a workspace: the presser's workspace comes from Slack's signed
/// payload, and whatever a value names is looked up there, so a value copied to or forged in another workspace finds nothing.
/// </summary>
internal abstract record ButtonValue;
