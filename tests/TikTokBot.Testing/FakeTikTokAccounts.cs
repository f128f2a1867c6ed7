using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TikTokBot.Testing;

/// <summary>An advertiser account the fake TikTok knows; without <see cref="CanReport"/> its info is refused (40001).</summary>
/// <param name="CampaignIds">The demo campaigns this advertiser runs (null: all of them); read through a token issued for it, each shows under "Name · campaign".</param>
public sealed record FakeAdvertiser(string AdvertiserId, string Name, string Currency, string TimeZone, bool CanReport = true, string[]? CampaignIds = null);

/// <summary>
/// TikTok's advertiser OAuth on the fake server: an auth code the test grants is exchanged (once) for a token of
/// its own, and each token sees only the advertisers it was granted. Wrong app credentials get 40101, an unknown
/// or used auth code 40110, a revoked or unknown token 40105, the way the API for Business answers.
/// </summary>
public sealed class FakeTikTokAccounts
{
    public const string AppId = "7000000000000000001";
    public const string AppSecret = "fake-app-secret-do-not-log";

    private readonly ConcurrentDictionary<string, FakeAdvertiser> _advertisers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    internal FakeTikTokAccounts(ConcurrentQueue<RecordedRequest> requests) => _requests = requests;

    /// <summary>Tokens revoked through <c>oauth2/revoke_token/</c> or by <see cref="Revoke"/>.</summary>
    public ConcurrentBag<string> Revoked { get; } = [];

    /// <summary>Tokens handed out, in order.</summary>
    public ConcurrentQueue<string> Issued { get; } = new();

    /// <summary>When set, the code exchange is refused with this code and message.</summary>
    public (int Code, string Message)? RefuseExchange { get; set; }

    public void Add(params FakeAdvertiser[] advertisers)
    {
        foreach (var advertiser in advertisers)
        {
            _advertisers[advertiser.AdvertiserId] = advertiser;
        }
    }

    /// <summary>What TikTok's consent page does when the person approves: an auth code for these advertisers.</summary>
    public string Authorise(params string[] advertiserIds)
    {
        var code = "auth-" + Guid.NewGuid().ToString("N");
        _codes[code] = advertiserIds;
        return code;
    }

    /// <summary>The advertisers a token may act for; empty for an unknown or revoked one.</summary>
    public IReadOnlyList<string> AdvertisersOf(string token) =>
        !Revoked.Contains(token) && _tokens.TryGetValue(token, out var ids) ? ids : [];

    /// <summary>Whether the token was issued here and not revoked.</summary>
    public bool Serves(string token) => _tokens.ContainsKey(token) && !Revoked.Contains(token);

    public void Revoke(string token) => Revoked.Add(token);

    /// <summary>The advertiser <paramref name="advertiserId"/> when <paramref name="token"/> was issued for it and still works; otherwise null.</summary>
    public FakeAdvertiser? Reads(string token, string? advertiserId) =>
        advertiserId is not null && AdvertisersOf(token).Contains(advertiserId) && _advertisers.TryGetValue(advertiserId, out var advertiser) ? advertiser : null;

    internal void Map(WebApplication app)
    {
        app.MapPost("/open_api/v1.3/oauth2/access_token/", async (HttpRequest request) =>
        {
            var body = await Body(request, "oauth2/access_token/");
            if (RefuseExchange is { } refusal)
            {
                return Envelope(refusal.Code, refusal.Message, null);
            }

            if (!Credentials(body))
            {
                return Envelope(40101, "Invalid app_id or secret.", null);
            }

            // An auth code works once.
            if (!_codes.TryRemove(Text(body, "auth_code"), out var ids))
            {
                return Envelope(40110, "The auth_code is invalid or has expired.", null);
            }

            var token = "adv-token-" + Guid.NewGuid().ToString("N");
            _tokens[token] = ids;
            Issued.Enqueue(token);
            return Envelope(0, "OK", new JsonObject
            {
                ["access_token"] = token,
                ["advertiser_ids"] = new JsonArray(ids.Select(id => (JsonNode)id).ToArray()),
                ["scope"] = new JsonArray(4, 5, 6),
            });
        });
        app.MapPost("/open_api/v1.3/oauth2/revoke_token/", async (HttpRequest request) =>
        {
            var body = await Body(request, "oauth2/revoke_token/");
            if (!Credentials(body))
            {
                return Envelope(40101, "Invalid app_id or secret.", null);
            }

            Revoked.Add(Text(body, "access_token"));
            return Envelope(0, "OK", new JsonObject());
        });
        app.MapGet("/open_api/v1.3/oauth2/advertiser/get/", (HttpRequest request) =>
        {
            var token = Record(request, "oauth2/advertiser/get/");
            if (request.Query["app_id"] != AppId || request.Query["secret"] != AppSecret)
            {
                return Envelope(40101, "Invalid app_id or secret.", null);
            }

            return !Serves(token)
                ? Envelope(40105, "Access token is invalid or has expired.", null)
                : Envelope(0, "OK", new JsonObject
                {
                    ["list"] = new JsonArray(AdvertisersOf(token).Select(id => (JsonNode)new JsonObject
                    {
                        ["advertiser_id"] = id,
                        ["advertiser_name"] = _advertisers.TryGetValue(id, out var a) ? a.Name : id,
                    }).ToArray()),
                });
        });
        app.MapGet("/open_api/v1.3/advertiser/info/", (HttpRequest request) =>
        {
            var token = Record(request, "advertiser/info/");
            if (!Serves(token))
            {
                return Envelope(40105, "Access token is invalid or has expired.", null);
            }

            var asked = JsonSerializer.Deserialize<string[]>(request.Query["advertiser_ids"].ToString()) ?? [];
            var granted = AdvertisersOf(token);
            var refused = asked.FirstOrDefault(id => !granted.Contains(id) || !_advertisers.TryGetValue(id, out var a) || !a.CanReport);
            if (refused is not null)
            {
                return Envelope(40001, $"No permission to operate advertiser {refused}.", null);
            }

            return Envelope(0, "OK", new JsonObject
            {
                ["list"] = new JsonArray(asked.Select(id => _advertisers[id]).Select(a => (JsonNode)new JsonObject
                {
                    // TikTok sends the id as a number here, unlike oauth2/advertiser/get/.
                    ["advertiser_id"] = long.TryParse(a.AdvertiserId, out var number) ? JsonValue.Create(number) : JsonValue.Create(a.AdvertiserId),
                    ["name"] = a.Name,
                    ["currency"] = a.Currency,
                    ["timezone"] = a.TimeZone,
                    ["status"] = "STATUS_ENABLE",
                    ["role"] = "ROLE_ADVERTISER",
                }).ToArray()),
            });
        });
    }

    private async Task<JsonObject> Body(HttpRequest request, string path)
    {
        var body = await JsonNode.ParseAsync(request.Body) as JsonObject ?? [];
        _requests.Enqueue(new RecordedRequest(path, body.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? ""), ""));
        return body;
    }

    private string Record(HttpRequest request, string path)
    {
        var token = request.Headers["Access-Token"].ToString();
        _requests.Enqueue(new RecordedRequest(path, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), token));
        return token;
    }

    private static bool Credentials(JsonObject body) => Text(body, "app_id") == AppId && Text(body, "secret") == AppSecret;

    private static string Text(JsonObject body, string name) => body[name]?.GetValueKind() == JsonValueKind.String ? body[name]!.GetValue<string>() : "";

    private static IResult Envelope(int code, string message, JsonNode? data) => Results.Text(
        new JsonObject { ["code"] = code, ["message"] = message, ["request_id"] = Guid.NewGuid().ToString("N"), ["data"] = data ?? new JsonObject() }.ToJsonString(),
        "application/json");
}
