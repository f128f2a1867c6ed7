namespace TikTokBot.Slack.BlockKit;

/// <summary>
/// Builds a list of blocks. Text is cut to Slack's limits with an ellipsis; counts that would make Slack refuse
/// the payload (fields, elements, ids) throw. Section and field text is mrkdwn: escape user text with
/// <see cref="Mrkdwn.Escape"/>, or use the <c>*Escaped</c> helpers.
/// </summary>
public abstract class BlockBuilder<TSelf> where TSelf : BlockBuilder<TSelf>
{
    private protected readonly List<Block> BlockList = [];

    public int Count => BlockList.Count;

    private TSelf Self => (TSelf)this;

    public TSelf Header(string text, string? blockId = null) =>
        Add(new HeaderBlock(Elements.Plain(text, SlackLimits.HeaderText)) { BlockId = OptionalId(blockId) });

    /// <summary>A section of mrkdwn text, with an optional accessory (button, select, overflow, ...).</summary>
    public TSelf Section(string markdown, BlockElement? accessory = null, string? blockId = null) =>
        Add(new SectionBlock
        {
            Text = new Markdown(Mrkdwn.Truncate(markdown, SlackLimits.SectionText)),
            Accessory = accessory,
            BlockId = OptionalId(blockId),
        });

    /// <summary>A section of mrkdwn fields shown in two columns; at most ten.</summary>
    public TSelf Fields(IReadOnlyList<string> markdownFields, string? text = null, string? blockId = null)
    {
        if (markdownFields.Count is 0 or > SlackLimits.FieldsPerSection)
            throw new ArgumentOutOfRangeException(nameof(markdownFields), $"A section has 1 to {SlackLimits.FieldsPerSection} fields.");
        return Add(new SectionBlock
        {
            Text = text is null ? null : new Markdown(Mrkdwn.Truncate(text, SlackLimits.SectionText)),
            Fields = markdownFields.Select(f => (TextObject)new Markdown(Mrkdwn.Truncate(f, SlackLimits.FieldText))).ToList(),
            BlockId = OptionalId(blockId),
        });
    }

    /// <summary>Small grey mrkdwn lines; at most ten elements.</summary>
    public TSelf Context(params string[] markdown)
    {
        if (markdown.Length is 0 or > SlackLimits.ContextElements)
            throw new ArgumentOutOfRangeException(nameof(markdown), $"A context block has 1 to {SlackLimits.ContextElements} elements.");
        return Add(new ContextBlock(markdown.Select(m => (TextObject)new Markdown(Mrkdwn.Truncate(m, SlackLimits.ContextText))).ToList()));
    }

    public TSelf Divider() => Add(new DividerBlock());

    /// <summary>A row of interactive elements; at most 25, each with an action_id of its own within the row.</summary>
    public TSelf Actions(IReadOnlyList<BlockElement> elements, string? blockId = null)
    {
        if (elements.Count is 0 or > SlackLimits.ActionsElements)
            throw new ArgumentOutOfRangeException(nameof(elements), $"An actions block has 1 to {SlackLimits.ActionsElements} elements.");
        // Slack wants action_ids unique within their block; a press names only its id and block, so two alike are one.
        if (elements.Select(ActionIdOf).OfType<string>().GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two elements of one actions block share the action_id \"{twice.Key}\".", nameof(elements));
        return Add(new ActionsBlock(elements) { BlockId = OptionalId(blockId) });
    }

    private static string? ActionIdOf(BlockElement element) => element switch
    {
        ButtonElement button => button.ActionId,
        StaticSelectElement select => select.ActionId,
        UsersSelectElement users => users.ActionId,
        OverflowElement overflow => overflow.ActionId,
        DatePickerElement date => date.ActionId,
        _ => null,
    };

    /// <summary>An input (plain text, number, static select, date picker); its value arrives in view.state under <paramref name="blockId"/>.</summary>
    public TSelf Input(string blockId, string label, BlockElement element, bool optional = false, string? hint = null) =>
        Add(new InputBlock(Elements.Plain(label, SlackLimits.InputLabel), element)
        {
            BlockId = Elements.Id(blockId),
            Optional = optional ? true : null,
            Hint = hint is null ? null : Elements.Plain(hint, SlackLimits.InputLabel),
        });

    /// <summary>
    /// A chart: Slack's data_visualization block, followed by a context line when something was left out to fit;
    /// as text (<see cref="ChartData.ToMrkdwn"/>) where the surface takes no charts or nothing can be drawn.
    /// </summary>
    public TSelf Chart(ChartData chart) => AddData(chart.ToBlock(), chart.ToMrkdwn);

    /// <summary>A table block (or its text form), with a context line when rows or columns were left out.</summary>
    public TSelf Table(TableData table) => AddData(table.ToTableBlock(), table.ToMrkdwn);

    /// <summary>A data_table block with paging and sorting (or its text form), with a context line when rows or columns were left out.</summary>
    public TSelf DataTable(TableData table) => AddData(table.ToDataTableBlock(), table.ToMrkdwn);

    /// <summary>Whether the surface shows data_visualization, table and data_table blocks (messages only; see DataBlocks.cs).</summary>
    private protected virtual bool AcceptsDataBlocks => false;

    private TSelf AddData(DataBlockResult result, Func<int, string> text)
    {
        if (!AcceptsDataBlocks || result.Block is null)
            return Section(text(SlackLimits.SectionText));
        Add(result.Block);
        return result.NoteText is { } note ? Context(note) : Self;
    }

    public virtual TSelf Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        BlockList.Add(block);
        return Self;
    }

    private static string? OptionalId(string? id) => id is null ? null : Elements.Id(id);
}

/// <summary>
/// Builds messages; more than 50 blocks, a third chart or a second table (table or data_table) start another
/// message, split between blocks.
/// </summary>
public sealed class MessageBuilder : BlockBuilder<MessageBuilder>
{
    private string? _text;
    private string? _responseType;

    private protected override bool AcceptsDataBlocks => true;

    /// <summary>Notification and fallback text.</summary>
    public MessageBuilder Text(string text)
    {
        _text = Mrkdwn.Truncate(text, SlackLimits.MessageText);
        return this;
    }

    /// <summary>Shown to everyone in the channel rather than only to the user (acks and response_url only).</summary>
    public MessageBuilder InChannel()
    {
        _responseType = "in_channel";
        return this;
    }

    public MessageBuilder Ephemeral()
    {
        _responseType = "ephemeral";
        return this;
    }

    /// <summary>One message per 50 blocks; a header or divider never ends a part, it starts the next one.</summary>
    public IReadOnlyList<SlackMessage> Build()
    {
        var parts = new List<SlackMessage>();
        var start = 0;
        while (start < BlockList.Count || parts.Count == 0)
        {
            var length = PartLength(start);
            var end = start + length;
            if (end < BlockList.Count)
            {
                while (length > 1 && BlockList[start + length - 1] is HeaderBlock or DividerBlock)
                    length--;
            }
            parts.Add(new SlackMessage
            {
                Text = _text,
                ResponseType = _responseType,
                Blocks = BlockList.GetRange(start, length),
            });
            start += length;
        }
        return parts;
    }

    /// <summary>How many blocks from <paramref name="start"/> fit one message: at most 50, two charts and one table.</summary>
    private int PartLength(int start)
    {
        var (charts, tables, length) = (0, 0, 0);
        while (start + length < BlockList.Count && length < SlackLimits.BlocksPerMessage)
        {
            var block = BlockList[start + length];
            charts += block is DataVisualizationBlock ? 1 : 0;
            tables += block is TableBlock or DataTableBlock ? 1 : 0;
            if (length > 0 && (charts > SlackLimits.ChartsPerMessage || tables > SlackLimits.TablesPerMessage))
                break;
            length++;
        }
        return length;
    }

    /// <summary>The single message; throws when the blocks need more than one.</summary>
    public SlackMessage BuildSingle()
    {
        var parts = Build();
        return parts.Count == 1 ? parts[0] : throw new InvalidOperationException($"The message needs {parts.Count} parts; use Build().");
    }
}

/// <summary>Builds a modal (at most 100 blocks).</summary>
public sealed class ModalBuilder(string title) : BlockBuilder<ModalBuilder>
{
    private string? _submit;
    private string? _close;
    private string? _callbackId;
    private string? _privateMetadata;
    private bool _notifyOnClose;

    public ModalBuilder CallbackId(string callbackId)
    {
        _callbackId = Elements.Id(callbackId);
        return this;
    }

    public ModalBuilder Submit(string text)
    {
        _submit = text;
        return this;
    }

    public ModalBuilder Close(string text)
    {
        _close = text;
        return this;
    }

    /// <summary>Opaque state handed back on submission (at most 3,000 characters).</summary>
    public ModalBuilder PrivateMetadata(string metadata)
    {
        if (metadata.Length > 3000)
            throw new ArgumentOutOfRangeException(nameof(metadata), "private_metadata holds at most 3000 characters.");
        _privateMetadata = metadata;
        return this;
    }

    public ModalBuilder NotifyOnClose()
    {
        _notifyOnClose = true;
        return this;
    }

    public override ModalBuilder Add(Block block)
    {
        if (Count >= SlackLimits.BlocksPerView)
            throw new InvalidOperationException($"A modal holds at most {SlackLimits.BlocksPerView} blocks.");
        return base.Add(block);
    }

    public SlackView Build() => new("modal", BlockList.ToList())
    {
        Title = Elements.Plain(title, SlackLimits.ViewTitle),
        Submit = _submit is null ? null : Elements.Plain(_submit, SlackLimits.ViewTitle),
        Close = _close is null ? null : Elements.Plain(_close, SlackLimits.ViewTitle),
        CallbackId = _callbackId,
        PrivateMetadata = _privateMetadata,
        NotifyOnClose = _notifyOnClose ? true : null,
    };
}

/// <summary>Builds the app's Home tab (at most 100 blocks).</summary>
public sealed class HomeTabBuilder : BlockBuilder<HomeTabBuilder>
{
    private string? _callbackId;

    public HomeTabBuilder CallbackId(string callbackId)
    {
        _callbackId = Elements.Id(callbackId);
        return this;
    }

    public override HomeTabBuilder Add(Block block)
    {
        if (Count >= SlackLimits.BlocksPerView)
            throw new InvalidOperationException($"A Home tab holds at most {SlackLimits.BlocksPerView} blocks.");
        return base.Add(block);
    }

    public SlackView Build() => new("home", BlockList.ToList()) { CallbackId = _callbackId };
}

/// <summary>Serialises Block Kit objects with the library's source-generated JSON metadata.</summary>
public static class BlockKitJson
{
    public static string Serialize(SlackMessage message) =>
        System.Text.Json.JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage);

    public static string Serialize(SlackView view) =>
        System.Text.Json.JsonSerializer.Serialize(view, SlackJsonContext.Default.SlackView);

    /// <summary>The message's JSON: the bytes it carries when it was kept (<see cref="Keep"/>), or a fresh serialisation.</summary>
    public static byte[] SerializeToUtf8Bytes(SlackMessage message) =>
        message.Serialized ?? System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage);

    /// <summary>
    /// A message that will be sent many times as it is (a cached report), serialised once, now: a copy carrying its bytes
    /// (<see cref="SlackMessage.Serialized"/>), for the app to keep in its cache. A message kept already is returned as it is.
    /// </summary>
    public static SlackMessage Keep(SlackMessage message) =>
        message.Serialized is not null ? message : message.WithSerialized(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(message, SlackJsonContext.Default.SlackMessage));

    /// <summary>Whether this very instance carries its serialised bytes.</summary>
    public static bool IsKept(SlackMessage message) => message.Serialized is not null;
}
