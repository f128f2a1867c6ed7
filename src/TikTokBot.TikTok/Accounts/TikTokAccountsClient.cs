using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TikTokBot.TikTok.Accounts;

/// <summary>
/// TikTok's advertiser OAuth and account calls: the authorisation link, exchanging the auth code for a long-term
/// token, the advertisers it may act for, each one's currency and time zone, and revoking the token. Each call is
/// rare (a person connecting) but counts in the app's TikTok quota: with <paramref name="quota"/> it takes its turn
/// there, as a person's, and a 40100 pauses the quota for the whole app. The app secret, tokens and auth codes never
/// reach a log line or an exception message.
/// </summary>
public sealed partial class TikTokAccountsClient(
    HttpClient http, IOptionsMonitor<TikTokAppOptions> options, ILogger<TikTokAccountsClient> logger, Quota.TikTokQuota? quota = null)
{
    private static readonly string InfoFields = JsonSerializer.Serialize(new[] { "advertiser_id", "name", "currency", "timezone", "status", "role" });

    /// <summary>TikTok's authorisation page for this app, coming back to <paramref name="redirectUri"/> with <paramref name="state"/>.</summary>
    public Uri AuthorizationUrl(string state, Uri redirectUri)
    {
        var o = Configured();
        var query = $"app_id={Uri.EscapeDataString(o.AppId!)}&state={Uri.EscapeDataString(state)}&redirect_uri={Uri.EscapeDataString(redirectUri.ToString())}";
        var builder = new UriBuilder(o.AuthorizeUrl);
        builder.Query = string.IsNullOrEmpty(builder.Query) ? query : builder.Query.TrimStart('?') + "&" + query;
        return builder.Uri;
    }

    /// <summary><c>POST oauth2/access_token/</c>: the auth code TikTok sent to the callback, for a long-term advertiser token.</summary>
    public async Task<AdvertiserGrant> ExchangeAuthCodeAsync(string authCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authCode);
        var o = Configured();
        var data = await SendAsync(HttpMethod.Post, "oauth2/access_token/", null,
            new JsonObject { ["app_id"] = o.AppId, ["secret"] = o.AppSecret, ["auth_code"] = authCode }, null, [authCode], ct);
        var token = String(data, "access_token");
        if (string.IsNullOrEmpty(token))
        {
            throw Unreadable("oauth2/access_token/ sent no access_token");
        }

        return new AdvertiserGrant(token, Strings(data, "advertiser_ids"), Ints(data, "scope"));
    }

    /// <summary><c>GET oauth2/advertiser/get/</c>: the advertisers the token was granted for, with their names.</summary>
    public async Task<IReadOnlyList<AuthorisedAdvertiser>> ListAdvertisersAsync(string accessToken, CancellationToken ct)
    {
        var o = Configured();
        var data = await SendAsync(HttpMethod.Get, "oauth2/advertiser/get/", [("app_id", o.AppId!), ("secret", o.AppSecret!)], null, accessToken, [], ct);
        return List(data).Select(item => new AuthorisedAdvertiser(String(item, "advertiser_id") ?? "", String(item, "advertiser_name") ?? ""))
            .Where(a => a.AdvertiserId.Length > 0)
            .ToList();
    }

    /// <summary><c>GET advertiser/info/</c> for one advertiser: its name, currency and time zone.</summary>
    /// <exception cref="TikTokOAuthException">With <see cref="OAuthFailure.NoPermission"/> when the token may not read it.</exception>
    public async Task<AdvertiserInfo> GetAdvertiserInfoAsync(string accessToken, string advertiserId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(advertiserId);
        var data = await SendAsync(HttpMethod.Get, "advertiser/info/",
            [("advertiser_ids", JsonSerializer.Serialize(new[] { advertiserId })), ("fields", InfoFields)], null, accessToken, [], ct);
        var item = List(data).Where(i => String(i, "advertiser_id") == advertiserId).Cast<JsonElement?>().FirstOrDefault()
            ?? throw new TikTokOAuthException(OAuthFailure.NoPermission, 0, "advertiser/info/ did not list the advertiser", null,
                TikTokOAuthException.UserMessageFor(OAuthFailure.NoPermission, 0, ""));
        var currency = String(item, "currency");
        var timeZone = String(item, "timezone") ?? String(item, "display_timezone");
        if (string.IsNullOrWhiteSpace(currency) || string.IsNullOrWhiteSpace(timeZone))
        {
            throw Unreadable($"advertiser/info/ sent no currency or time zone for {advertiserId}");
        }

        return new AdvertiserInfo(advertiserId, String(item, "name") ?? advertiserId, currency.Trim().ToUpperInvariant(), timeZone.Trim(),
            String(item, "status"), String(item, "role"));
    }

    /// <summary><c>POST oauth2/revoke_token/</c>: TikTok forgets the token.</summary>
    public async Task RevokeAsync(string accessToken, CancellationToken ct)
    {
        var o = Configured();
        await SendAsync(HttpMethod.Post, "oauth2/revoke_token/", null,
            new JsonObject { ["app_id"] = o.AppId, ["secret"] = o.AppSecret, ["access_token"] = accessToken }, null, [accessToken], ct);
    }

    private TikTokAppOptions Configured()
    {
        var o = options.CurrentValue;
        return o.CanConnect
            ? o
            : throw new InvalidOperationException("TikTok:AppId and TikTok:AppSecret must be set before workspaces can connect TikTok accounts.");
    }

    private async Task<JsonElement> SendAsync(
        HttpMethod method, string path, (string Name, string Value)[]? query, JsonObject? body, string? accessToken, string[] secrets, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var relative = query is null ? path : path + "?" + string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        using var request = new HttpRequestMessage(method, new Uri(o.ApiBaseUrl, relative));
        if (accessToken is not null)
        {
            request.Headers.Add("Access-Token", accessToken);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        // Everything TikTok echoes goes through Redact before a log line or a message sees it.
        string[] hidden = [.. secrets, .. accessToken is null ? Array.Empty<string>() : [accessToken], o.AppSecret ?? ""];
        if (quota is not null)
        {
            try
            {
                // Checked again, and taken anew if it expired, just before the socket (TikTokQuotaGrantHandler).
                (await quota.AcquireAsync(ct).ConfigureAwait(false)).Carry(request);
            }
            catch (Quota.TikTokQuotaException e)
            {
                throw new TikTokOAuthException(OAuthFailure.Unavailable, e.Code, e.Message, null, e.Message);
            }
        }

        JsonDocument document;
        try
        {
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(OAuthFailure.Unavailable, (int)response.StatusCode, $"HTTP {(int)response.StatusCode}", null, path);
            }

            document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw Failed(OAuthFailure.Unavailable, 0, e.GetType().Name, null, path);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Unreadable($"{path} answered {root.ValueKind}");
            }

            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var value) ? value : -1;
            if (code == 0)
            {
                return root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.Clone() : throw Unreadable($"{path} sent no data");
            }

            var message = Redact(String(root, "message") ?? "", hidden);
            if (code == Api.TikTokApiException.RateLimited && quota is not null)
            {
                await quota.ThrottledAsync(ct).ConfigureAwait(false);
            }

            throw Failed(code == -1 ? OAuthFailure.Unavailable : TikTokOAuthException.Classify(code), code, message, String(root, "request_id"), path);
        }
    }

    private TikTokOAuthException Failed(OAuthFailure failure, int code, string message, string? requestId, string path)
    {
        LogRefused(logger, path, failure, code, message, requestId);
        return new TikTokOAuthException(failure, code, message, requestId, TikTokOAuthException.UserMessageFor(failure, code, message));
    }

    private static TikTokOAuthException Unreadable(string detail) =>
        new(OAuthFailure.Unavailable, 0, detail, null, TikTokOAuthException.UserMessageFor(OAuthFailure.Unavailable, 0, detail));

    private static string Redact(string text, string[] secrets) =>
        secrets.Where(s => s.Length > 0).Aggregate(text, (current, secret) => current.Replace(secret, "[hidden]", StringComparison.Ordinal));

    private static IEnumerable<JsonElement> List(JsonElement data) =>
        data.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object)
            : [];

    // TikTok sends ids as strings or numbers depending on the endpoint.
    private static string? String(JsonElement item, string name) =>
        !item.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };

    private static IReadOnlyList<string> Strings(JsonElement data, string name) =>
        data.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()).OfType<string>().ToList()
            : [];

    private static IReadOnlyList<int> Ints(JsonElement data, string name) =>
        data.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
                : int.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1).Where(i => i >= 0).ToList()
            : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "TikTok {Path} failed: {Failure} {Code} {TikTokMessage} (request {RequestId})")]
    private static partial void LogRefused(ILogger logger, string path, OAuthFailure failure, int code, string tiktokMessage, string? requestId);
}
