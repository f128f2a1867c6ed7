using System.Text.Json.Serialization;

namespace TikTokBot.Slack.BlockKit;

/// <summary>A text object; the concrete kind decides <c>type</c> (plain_text or mrkdwn).</summary>
public abstract record TextObject(string Text)
{
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }
}

public sealed record PlainText(string Text) : TextObject(Text)
{
    public override string Type => "plain_text";

    public bool? Emoji { get; init; }
}

/// <summary>mrkdwn text; escape user-supplied parts with <see cref="Mrkdwn.Escape"/>.</summary>
public sealed record Markdown(string Text) : TextObject(Text)
{
    public override string Type => "mrkdwn";

    public bool? Verbatim { get; init; }
}

public sealed record OptionObject(PlainText Text, string Value, PlainText? Description = null);

public sealed record ConfirmDialog(PlainText Title, TextObject Text, PlainText Confirm, PlainText Deny, string? Style = null);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonElement), "button")]
[JsonDerivedType(typeof(StaticSelectElement), "static_select")]
[JsonDerivedType(typeof(UsersSelectElement), "users_select")]
[JsonDerivedType(typeof(OverflowElement), "overflow")]
[JsonDerivedType(typeof(PlainTextInputElement), "plain_text_input")]
[JsonDerivedType(typeof(NumberInputElement), "number_input")]
[JsonDerivedType(typeof(DatePickerElement), "datepicker")]
[JsonDerivedType(typeof(ImageElement), "image")]
public abstract record BlockElement;

public sealed record ButtonElement(string ActionId, PlainText Text) : BlockElement
{
    public string? Value { get; init; }
    public string? Style { get; init; }
    public string? Url { get; init; }
    public ConfirmDialog? Confirm { get; init; }
}

public sealed record StaticSelectElement(string ActionId, PlainText Placeholder, IReadOnlyList<OptionObject> Options) : BlockElement
{
    public OptionObject? InitialOption { get; init; }
}

/// <summary>A menu of the workspace's people; Slack sends the pick as <c>selected_user</c>.</summary>
public sealed record UsersSelectElement(string ActionId, PlainText Placeholder) : BlockElement;

public sealed record OverflowElement(string ActionId, IReadOnlyList<OptionObject> Options) : BlockElement;

public sealed record PlainTextInputElement(string ActionId) : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialValue { get; init; }
    public bool? Multiline { get; init; }
    public int? MaxLength { get; init; }
}

public sealed record NumberInputElement(string ActionId, bool IsDecimalAllowed) : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialValue { get; init; }
    public string? MinValue { get; init; }
    public string? MaxValue { get; init; }
}

public sealed record DatePickerElement(string ActionId) : BlockElement
{
    public PlainText? Placeholder { get; init; }
    public string? InitialDate { get; init; }
}

public sealed record ImageElement(string ImageUrl, string AltText) : BlockElement;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(InputBlock), "input")]
[JsonDerivedType(typeof(DataVisualizationBlock), "data_visualization")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(DataTableBlock), "data_table")]
public abstract record Block
{
    public string? BlockId { get; init; }
}

public sealed record HeaderBlock(PlainText Text) : Block;

public sealed record SectionBlock : Block
{
    public TextObject? Text { get; init; }
    public IReadOnlyList<TextObject>? Fields { get; init; }
    public BlockElement? Accessory { get; init; }
}

public sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block;

public sealed record DividerBlock : Block;

public sealed record ActionsBlock(IReadOnlyList<BlockElement> Elements) : Block;

public sealed record InputBlock(PlainText Label, BlockElement Element) : Block
{
    public bool? Optional { get; init; }
    public PlainText? Hint { get; init; }
    public bool? DispatchAction { get; init; }
}

/// <summary>A message for chat.postMessage, chat.update, response_url or an inline ack.</summary>
/// <remarks>
/// A message sent many times as it is (a cached report) carries its JSON, serialised once (<see cref="Serialized"/>,
/// made by <see cref="BlockKitJson.Keep"/>): the message is immutable, and a changed copy (<c>with</c>) is made without
/// the bytes, so kept bytes never go stale. Equality ignores them.
/// </remarks>
public sealed record SlackMessage
{
    public SlackMessage()
    {
    }

    // A copy (a with-expression) never carries the original's bytes: whatever it changes would not be in them.
    private SlackMessage(SlackMessage original)
    {
        Channel = original.Channel;
        Text = original.Text;
        Blocks = original.Blocks;
        ResponseType = original.ResponseType;
        ReplaceOriginal = original.ReplaceOriginal;
        DeleteOriginal = original.DeleteOriginal;
        ThreadTs = original.ThreadTs;
        Ts = original.Ts;
        User = original.User;
        UnfurlLinks = original.UnfurlLinks;
    }

    public string? Channel { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<Block>? Blocks { get; init; }

    /// <summary><c>in_channel</c> or <c>ephemeral</c> (response_url and slash command acks only).</summary>
    public string? ResponseType { get; init; }
    public bool? ReplaceOriginal { get; init; }
    public bool? DeleteOriginal { get; init; }
    public string? ThreadTs { get; init; }
    public string? Ts { get; init; }
    public string? User { get; init; }
    public bool? UnfurlLinks { get; init; }

    /// <summary>This very instance's JSON, when it was kept (<see cref="BlockKitJson.Keep"/>); null otherwise.</summary>
    [JsonIgnore]
    public byte[]? Serialized { get; private init; }

    /// <summary>A copy carrying its own JSON, serialised now.</summary>
    internal SlackMessage WithSerialized(byte[] bytes) => this with { Serialized = bytes };

    public bool Equals(SlackMessage? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (Channel == other.Channel && Text == other.Text && Equals(Blocks, other.Blocks) && ResponseType == other.ResponseType &&
         ReplaceOriginal == other.ReplaceOriginal && DeleteOriginal == other.DeleteOriginal && ThreadTs == other.ThreadTs && Ts == other.Ts &&
         User == other.User && UnfurlLinks == other.UnfurlLinks));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Channel);
        hash.Add(Text);
        hash.Add(Blocks);
        hash.Add(ResponseType);
        hash.Add(ReplaceOriginal);
        hash.Add(DeleteOriginal);
        hash.Add(ThreadTs);
        hash.Add(Ts);
        hash.Add(User);
        hash.Add(UnfurlLinks);
        return hash.ToHashCode();
    }
}

/// <summary>A modal or a Home tab.</summary>
public sealed record SlackView(string Type, IReadOnlyList<Block> Blocks)
{
    public PlainText? Title { get; init; }
    public PlainText? Submit { get; init; }
    public PlainText? Close { get; init; }
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? ExternalId { get; init; }
    public bool? ClearOnClose { get; init; }
    public bool? NotifyOnClose { get; init; }
}

/// <summary>The answer to a view_submission: close (no body), show errors, update or push a view.</summary>
public sealed record ViewSubmissionResponse(string ResponseAction)
{
    public IReadOnlyDictionary<string, string>? Errors { get; init; }
    public SlackView? View { get; init; }

    public static ViewSubmissionResponse WithErrors(IReadOnlyDictionary<string, string> errors) => new("errors") { Errors = errors };
    public static ViewSubmissionResponse Update(SlackView view) => new("update") { View = view };
    public static ViewSubmissionResponse Push(SlackView view) => new("push") { View = view };
    public static ViewSubmissionResponse Clear() => new("clear");
}
