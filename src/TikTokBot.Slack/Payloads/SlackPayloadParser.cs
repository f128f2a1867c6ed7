using System.Text;
using System.Text.Json;

namespace TikTokBot.Slack.Payloads;

/// <summary>Input that is not a payload Slack would send; the reason goes back in the 400 answer.</summary>
public sealed class SlackPayloadException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

/// <summary>A url_verification handshake from the Events API.</summary>
public sealed record UrlVerification(string Challenge);

/// <summary>Turns raw request bodies into typed payloads; unknown fields are ignored.</summary>
public static class SlackPayloadParser
{
    /// <summary>Reads a slash command from its form body.</summary>
    public static SlashCommand ParseSlashCommand(ReadOnlySpan<byte> form)
    {
        string command = "", text = "", teamId = "", channelId = "", userId = "";
        string? teamDomain = null, enterpriseId = null, enterpriseName = null, channelName = null, userName = null,
            responseUrl = null, triggerId = null, apiAppId = null;
        var enterpriseInstall = false;

        var reader = new FormBody(form);
        while (reader.TryNext(out var name, out var raw))
        {
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("text"u8): text = FormBody.Decode(raw); break;
                case 7 when name.SequenceEqual("team_id"u8): teamId = FormBody.Decode(raw); break;
                case 7 when name.SequenceEqual("command"u8): command = FormBody.Decode(raw); break;
                case 7 when name.SequenceEqual("user_id"u8): userId = FormBody.Decode(raw); break;
                case 9 when name.SequenceEqual("user_name"u8): userName = FormBody.Decode(raw); break;
                case 10 when name.SequenceEqual("channel_id"u8): channelId = FormBody.Decode(raw); break;
                case 10 when name.SequenceEqual("trigger_id"u8): triggerId = FormBody.Decode(raw); break;
                case 10 when name.SequenceEqual("api_app_id"u8): apiAppId = FormBody.Decode(raw); break;
                case 11 when name.SequenceEqual("team_domain"u8): teamDomain = FormBody.Decode(raw); break;
                case 12 when name.SequenceEqual("channel_name"u8): channelName = FormBody.Decode(raw); break;
                case 12 when name.SequenceEqual("response_url"u8): responseUrl = FormBody.Decode(raw); break;
                case 13 when name.SequenceEqual("enterprise_id"u8): enterpriseId = FormBody.Decode(raw); break;
                case 15 when name.SequenceEqual("enterprise_name"u8): enterpriseName = FormBody.Decode(raw); break;
                case 21 when name.SequenceEqual("is_enterprise_install"u8): enterpriseInstall = raw.SequenceEqual("true"u8); break;
            }
        }

        if (command.Length == 0)
            throw new SlackPayloadException("missing_command");
        if (teamId.Length == 0 && enterpriseId is null)
            throw new SlackPayloadException("missing_team_id");
        if (!IsResponseUrl(responseUrl))
            throw new SlackPayloadException("invalid_response_url");

        return new SlashCommand
        {
            Command = command, Text = text, TeamId = teamId, TeamDomain = teamDomain, EnterpriseId = enterpriseId,
            EnterpriseName = enterpriseName, ChannelId = channelId, ChannelName = channelName, UserId = userId, UserName = userName,
            ResponseUrl = responseUrl, TriggerId = triggerId, ApiAppId = apiAppId, IsEnterpriseInstall = enterpriseInstall,
        };
    }

    /// <summary>Reads an interaction from a form body's <c>payload</c> field.</summary>
    public static InteractionPayload ParseInteractionForm(ReadOnlySpan<byte> form)
    {
        var reader = new FormBody(form);
        while (reader.TryNext(out var name, out var raw))
        {
            if (name.SequenceEqual("payload"u8))
                return ParseInteraction(Encoding.UTF8.GetBytes(FormBody.Decode(raw)));
        }
        throw new SlackPayloadException("missing_payload");
    }

    /// <summary>Reads an interaction payload (JSON) of a supported type.</summary>
    public static InteractionPayload ParseInteraction(ReadOnlySpan<byte> json)
    {
        var type = PeekType(json);
        var ctx = SlackJsonContext.Default;
        try
        {
            InteractionPayload? payload = type switch
            {
                "block_actions" => JsonSerializer.Deserialize(json, ctx.BlockActionsPayload),
                "view_submission" => JsonSerializer.Deserialize(json, ctx.ViewSubmissionPayload),
                "view_closed" => JsonSerializer.Deserialize(json, ctx.ViewClosedPayload),
                "shortcut" => JsonSerializer.Deserialize(json, ctx.ShortcutPayload),
                "message_action" => JsonSerializer.Deserialize(json, ctx.MessageShortcutPayload),
                _ => throw new SlackPayloadException("unsupported_interaction_type"),
            };
            return payload switch
            {
                null => throw new SlackPayloadException("empty_payload"),
                // Slack names the workspace in every interaction; without it nothing can be answered or stored.
                { Team.Id.Length: > 0 } or { User.TeamId.Length: > 0 } or { Enterprise.Id.Length: > 0 } => payload switch
                {
                    // The source-generated reader leaves a missing collection or object null whatever the record's default.
                    ViewSubmissionPayload { View: null } or ViewClosedPayload { View: null } => throw new SlackPayloadException("missing_view"),
                    BlockActionsPayload { Actions: null } => throw new SlackPayloadException("missing_actions"),
                    BlockActionsPayload { ResponseUrl: var url } when !IsResponseUrl(url) => throw new SlackPayloadException("invalid_response_url"),
                    MessageShortcutPayload { ResponseUrl: var url } when !IsResponseUrl(url) => throw new SlackPayloadException("invalid_response_url"),
                    BlockActionsPayload actions when actions.Actions.Any(a => a is null) => throw new SlackPayloadException("malformed_payload"),
                    // Every handler is found by its action id; a press without one names nothing to run.
                    BlockActionsPayload actions when actions.Actions.Any(a => string.IsNullOrEmpty(a.ActionId)) => throw new SlackPayloadException("missing_action_id"),
                    _ => payload,
                },
                _ => throw new SlackPayloadException("missing_team_id"),
            };
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw new SlackPayloadException("malformed_payload");
        }
    }

    /// <summary>Reads an Events API body: a <see cref="UrlVerification"/> or an <see cref="EventCallback"/>.</summary>
    public static object ParseEvent(ReadOnlySpan<byte> json)
    {
        var type = PeekType(json);
        try
        {
            switch (type)
            {
                case "url_verification":
                    using (var doc = JsonDocument.Parse(json.ToArray()))
                    {
                        if (!doc.RootElement.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.String)
                            throw new SlackPayloadException("missing_challenge");
                        return new UrlVerification(challenge.GetString()!);
                    }
                case "event_callback":
                    var callback = JsonSerializer.Deserialize(json, SlackJsonContext.Default.EventCallback);
                    // The source-generated reader leaves a missing or null string null whatever the record's default.
                    if (callback?.Event is null || string.IsNullOrEmpty(callback.Event.Type))
                        throw new SlackPayloadException("missing_event");
                    return callback;
                default:
                    throw new SlackPayloadException("unsupported_event_type");
            }
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw new SlackPayloadException("malformed_event");
        }
    }

    /// <summary>
    /// What the JSON reader throws for input Slack would never send: broken JSON, and valid JSON it cannot turn into
    /// .NET values (a lone surrogate escape such as <c>"\ud800"</c> throws InvalidOperationException on reading).
    /// </summary>
    private static bool IsMalformed(Exception ex) => ex is JsonException or InvalidOperationException or FormatException or DecoderFallbackException;

    /// <summary>Absent, or an absolute http(s) address: anything else could not be answered and is refused up front.</summary>
    private static bool IsResponseUrl(string? url) =>
        url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));

    /// <summary>Finds the top-level <c>type</c> string without materialising the document.</summary>
    private static string PeekType(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new SlackPayloadException("payload_not_an_object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                reader.Read();
                if (isType)
                    return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new SlackPayloadException("missing_type");
                reader.Skip();
            }
        }
        catch (Exception ex) when (IsMalformed(ex))
        {
            throw new SlackPayloadException("malformed_json");
        }
        throw new SlackPayloadException("missing_type");
    }
}
