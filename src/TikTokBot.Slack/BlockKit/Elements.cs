namespace TikTokBot.Slack.BlockKit;

/// <summary>Interactive elements and composition objects, cut and checked against Slack's limits.</summary>
public static class Elements
{
    public static PlainText Plain(string text, int max) => new(Mrkdwn.Truncate(text, max));

    /// <summary>A button; <paramref name="style"/> is <c>primary</c>, <c>danger</c> or null.</summary>
    public static ButtonElement Button(string actionId, string text, string? value = null, string? style = null, ConfirmDialog? confirm = null)
    {
        if (style is not (null or "primary" or "danger"))
            throw new ArgumentOutOfRangeException(nameof(style), style, "A button style is primary, danger or none.");
        if (value is { Length: > SlackLimits.ButtonValue })
            throw new ArgumentOutOfRangeException(nameof(value), $"A button value holds at most {SlackLimits.ButtonValue} characters.");
        return new ButtonElement(Id(actionId), Plain(text, SlackLimits.ButtonText)) { Value = value, Style = style, Confirm = confirm };
    }

    public static ConfirmDialog Confirm(string title, string text, string confirm = "Yes", string deny = "Cancel", string? style = null) =>
        new(Plain(title, SlackLimits.ConfirmTitle), new PlainText(Mrkdwn.Truncate(text, SlackLimits.ConfirmText)),
            Plain(confirm, SlackLimits.ConfirmButton), Plain(deny, SlackLimits.ConfirmButton), style);

    public static OptionObject Option(string text, string value)
    {
        if (value.Length > SlackLimits.OptionValue)
            throw new ArgumentOutOfRangeException(nameof(value), $"An option value holds at most {SlackLimits.OptionValue} characters.");
        return new OptionObject(Plain(text, SlackLimits.OptionText), value);
    }

    public static StaticSelectElement StaticSelect(string actionId, string placeholder, IReadOnlyList<OptionObject> options, OptionObject? initial = null)
    {
        if (options.Count is 0 or > SlackLimits.SelectOptions)
            throw new ArgumentOutOfRangeException(nameof(options), $"A select has 1 to {SlackLimits.SelectOptions} options.");
        return new StaticSelectElement(Id(actionId), Plain(placeholder, SlackLimits.Placeholder), options) { InitialOption = initial };
    }

    /// <summary>A menu of the workspace's people ("Assign…"); the press carries the pick as <c>selected_user</c>.</summary>
    public static UsersSelectElement UsersSelect(string actionId, string placeholder) => new(Id(actionId), Plain(placeholder, SlackLimits.Placeholder));

    public static OverflowElement Overflow(string actionId, IReadOnlyList<OptionObject> options)
    {
        if (options.Count is < 1 or > SlackLimits.OverflowOptions)
            throw new ArgumentOutOfRangeException(nameof(options), $"An overflow menu has 1 to {SlackLimits.OverflowOptions} options.");
        return new OverflowElement(Id(actionId), options);
    }

    public static PlainTextInputElement PlainTextInput(string actionId, string? placeholder = null, string? initialValue = null, bool multiline = false, int? maxLength = null) =>
        new(Id(actionId))
        {
            Placeholder = placeholder is null ? null : Plain(placeholder, SlackLimits.Placeholder),
            InitialValue = initialValue,
            Multiline = multiline ? true : null,
            MaxLength = maxLength,
        };

    public static NumberInputElement NumberInput(string actionId, bool decimals, decimal? min = null, decimal? max = null, decimal? initial = null) =>
        new(Id(actionId), decimals)
        {
            MinValue = min?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MaxValue = max?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            InitialValue = initial?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    public static DatePickerElement DatePicker(string actionId, DateOnly? initial = null, string? placeholder = null) =>
        new(Id(actionId))
        {
            InitialDate = initial?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Placeholder = placeholder is null ? null : Plain(placeholder, SlackLimits.Placeholder),
        };

    /// <summary>Checks an action or block id: ids route requests, so an over-long one is refused rather than cut.</summary>
    public static string Id(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Length > SlackLimits.Id)
            throw new ArgumentOutOfRangeException(nameof(id), $"Action and block ids hold at most {SlackLimits.Id} characters.");
        return id;
    }
}
