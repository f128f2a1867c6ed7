using System.Text.Json;
using TikTokBot.Telemetry;

namespace TikTokBot.Hosting;

/// <summary>
/// Counts TikTok calls and errors. TikTok answers most errors with HTTP 200 and a non-zero <c>code</c>, so the body's
/// first <c>code</c> property is read too (the client reads the same buffered body after).
/// </summary>
internal sealed class TikTokCallCounter : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        AppTelemetry.TikTokCalls.Add(1);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            AppTelemetry.TikTokErrors.Add(1, new KeyValuePair<string, object?>("error", e.GetType().Name));
            throw;
        }

        if (!response.IsSuccessStatusCode)
        {
            AppTelemetry.TikTokErrors.Add(1, new KeyValuePair<string, object?>("error", $"http_{(int)response.StatusCode}"));
        }
        else if (await CodeAsync(response, cancellationToken) is { } code && code != 0)
        {
            AppTelemetry.TikTokErrors.Add(1, new KeyValuePair<string, object?>("error", $"code_{code}"));
        }

        return response;
    }

    private static async Task<long?> CodeAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        await response.Content.LoadIntoBufferAsync(ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("code"))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var code) ? code : null;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the client reports that itself.
        }

        return null;
    }
}
