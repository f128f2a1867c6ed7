using System.Text.Json;

namespace TikTokBot.Slack.Payloads;

public sealed record SlackTeam(string Id, string? Domain = null, string? Name = null);

public sealed record SlackEnterprise(string Id, string? Name = null);

public sealed record SlackUser(string Id, string? Username = null, string? Name = null, string? TeamId = null);

public sealed record SlackChannelRef(string Id, string? Name = null);

public sealed record SlackContainer(string? Type = null, string? MessageTs = null, string? ChannelId = null, string? ViewId = null);

public sealed record SelectedOption(string? Value = null, TextValue? Text = null);

public sealed record TextValue(string? Type = null, string? Text = null);

/// <summary>One pressed button or changed element in a block_actions payload.</summary>
public sealed record BlockAction
{
    public string ActionId { get; init; } = "";
    public string? BlockId { get; init; }
    public string? Type { get; init; }
    public string? Value { get; init; }
    public string? ActionTs { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public string? SelectedDate { get; init; }

    /// <summary>The user picked in a <c>users_select</c> menu.</summary>
    public string? SelectedUser { get; init; }
}

/// <summary>An input element's current value in <c>view.state.values[block_id][action_id]</c>.</summary>
public sealed record StateValue
{
    public string? Type { get; init; }
    public string? Value { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public string? SelectedDate { get; init; }
}

public sealed record ViewState(Dictionary<string, Dictionary<string, StateValue>>? Values = null);

/// <summary>The view a payload came from (modal or Home tab).</summary>
public sealed record ViewPayload
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? Hash { get; init; }
    public string? ExternalId { get; init; }
    public ViewState? State { get; init; }

    /// <summary>The value of an input element, whatever its kind (text, number, select, date).</summary>
    public string? ValueOf(string blockId, string actionId)
    {
        if (State?.Values is null || !State.Values.TryGetValue(blockId, out var block) || !block.TryGetValue(actionId, out var value))
            return null;
        return value.Value ?? value.SelectedOption?.Value ?? value.SelectedDate;
    }
}

public sealed record MessagePayload(string? Ts = null, string? Text = null, string? User = null, string? ThreadTs = null);

/// <summary>Fields every interaction payload carries.</summary>
public abstract record InteractionPayload
{
    public string Type { get; init; } = "";
    public SlackTeam? Team { get; init; }
    public SlackEnterprise? Enterprise { get; init; }
    public SlackUser? User { get; init; }
    public string? ApiAppId { get; init; }
    public string? TriggerId { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientBooleanConverter))]
    public bool IsEnterpriseInstall { get; init; }
}

public sealed record BlockActionsPayload : InteractionPayload
{
    public IReadOnlyList<BlockAction> Actions { get; init; } = [];
    public SlackContainer? Container { get; init; }
    public SlackChannelRef? Channel { get; init; }
    public MessagePayload? Message { get; init; }
    public ViewPayload? View { get; init; }
    public ViewState? State { get; init; }
    public string? ResponseUrl { get; init; }
}

public sealed record ResponseUrlRef(string? BlockId = null, string? ActionId = null, string? ChannelId = null, string? ResponseUrl = null);

public sealed record ViewSubmissionPayload : InteractionPayload
{
    public ViewPayload View { get; init; } = new();
    public IReadOnlyList<ResponseUrlRef>? ResponseUrls { get; init; }
}

public sealed record ViewClosedPayload : InteractionPayload
{
    public ViewPayload View { get; init; } = new();
    public bool IsCleared { get; init; }
}

/// <summary>A global shortcut (type <c>shortcut</c>).</summary>
public sealed record ShortcutPayload : InteractionPayload
{
    public string CallbackId { get; init; } = "";
    public string? ActionTs { get; init; }
}

/// <summary>A message shortcut (type <c>message_action</c>).</summary>
public sealed record MessageShortcutPayload : InteractionPayload
{
    public string CallbackId { get; init; } = "";
    public SlackChannelRef? Channel { get; init; }
    public MessagePayload? Message { get; init; }
    public string? ResponseUrl { get; init; }
    public string? MessageTs { get; init; }
    public string? ActionTs { get; init; }
}

/// <summary>An Events API <c>event_callback</c>: the outer envelope plus the inner event.</summary>
public sealed record EventCallback
{
    public string Type { get; init; } = "";
    public string? TeamId { get; init; }
    public string? EnterpriseId { get; init; }
    public string? ApiAppId { get; init; }
    public string? EventId { get; init; }
    public long EventTime { get; init; }

    [System.Text.Json.Serialization.JsonConverter(typeof(LenientBooleanConverter))]
    public bool IsEnterpriseInstall { get; init; }

    public SlackEvent? Event { get; init; }
}

public sealed record RevokedTokens(IReadOnlyList<string>? Oauth = null, IReadOnlyList<string>? Bot = null);

/// <summary>
/// The inner event. Common fields are typed (app_home_opened: user, channel, tab; tokens_revoked: tokens);
/// everything else stays in <see cref="Raw"/>.
/// </summary>
public sealed record SlackEvent
{
    public string Type { get; init; } = "";
    public string? User { get; init; }
    public string? Channel { get; init; }
    public string? Tab { get; init; }
    public string? EventTs { get; init; }
    public RevokedTokens? Tokens { get; init; }

    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? Raw { get; set; }
}
