using System.Text.Json;
using System.Text.Json.Serialization;

namespace TikTokBot.Slack.Payloads;

/// <summary>Slack sends some flags as JSON booleans and others as "true"/"false" strings.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        JsonTokenType.String => reader.ValueTextEquals("true"u8) || reader.ValueTextEquals("1"u8),
        JsonTokenType.Number => reader.TryGetInt64(out var n) && n != 0,
        _ => throw new JsonException("Expected a boolean."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
