using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TikTokBot.Domain.Actions;
using TikTokBot.TikTok.Api;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Writes;

/// <summary>
/// TikTok's write endpoints (status and budget of campaigns and ad groups) and fresh reads of one campaign or ad
/// group. Each call carries the advertiser's own token. TikTok's envelope is read and its errors classified by
/// <see cref="TikTokEnvelope"/>, as the report client's are, as writes (<see cref="TikTokCall.Write"/>: nothing marked
/// worth retrying). A rate-limited write (40100) was refused, so it is retried; a write without an answer is never
/// retried here (<see cref="TikTokWriteUncertainException"/>). With the app's <see cref="TikTokQuota"/>, every call takes
/// its turn from it first, and a 40100 pauses it for the whole app before the write is asked again.
/// </summary>
public sealed class TikTokWriteClient(HttpClient http, TikTokApiOptions options, TimeProvider time, ILogger<TikTokWriteClient> logger, TikTokQuota? quota = null)
    : ITikTokWriteTarget
{
    public bool Simulated => false;

    public string? ReadOnlyReason => null;

    public async Task<WriteOutcome> SetStatusAsync(AdvertiserAccess access, ActionLevel level, string id, bool enabled, CancellationToken ct)
    {
        var (path, idsField) = level == ActionLevel.Campaign ? ("campaign/status/update/", "campaign_ids") : ("adgroup/status/update/", "adgroup_ids");
        var body = new JsonObject
        {
            ["advertiser_id"] = access.AdvertiserId,
            [idsField] = new JsonArray(id),
            ["operation_status"] = enabled ? "ENABLE" : "DISABLE",
        };
        if (level == ActionLevel.AdGroup)
        {
            body["allow_partial_success"] = false;
        }

        return new WriteOutcome(await PostAsync(access, path, body, ct).ConfigureAwait(false), Simulated: false);
    }

    public async Task<WriteOutcome> SetBudgetAsync(AdvertiserAccess access, ActionLevel level, string id, decimal budget, BudgetMode mode, CancellationToken ct)
    {
        JsonObject body;
        string path;
        if (level == ActionLevel.Campaign)
        {
            path = "campaign/update/";
            body = new JsonObject { ["advertiser_id"] = access.AdvertiserId, ["campaign_id"] = id, ["budget"] = budget };
        }
        else
        {
            // A daily budget changes from the next account-local day (scheduled_budget); a lifetime budget now (budget).
            path = "adgroup/budget/update/";
            var field = mode == BudgetMode.Daily ? "scheduled_budget" : "budget";
            body = new JsonObject
            {
                ["advertiser_id"] = access.AdvertiserId,
                [field] = new JsonArray(new JsonObject { ["adgroup_id"] = id, [field] = budget }),
            };
        }

        return new WriteOutcome(await PostAsync(access, path, body, ct).ConfigureAwait(false), Simulated: false);
    }

    public async Task<TargetState?> ReadAsync(AdvertiserAccess access, ActionLevel level, string id, DateOnly accountToday, CancellationToken ct)
    {
        JsonElement? adGroup = null;
        var campaignId = id;
        if (level == ActionLevel.AdGroup)
        {
            adGroup = await GetOneAsync(access, "adgroup/get/", "adgroup_ids", id,
                ["adgroup_id", "adgroup_name", "campaign_id", "operation_status", "budget", "budget_mode", "scheduled_budget"], ct).ConfigureAwait(false);
            if (adGroup is not { } found)
            {
                return null;
            }

            campaignId = Text(found, "campaign_id");
        }

        var campaign = await GetOneAsync(access, "campaign/get/", "campaign_ids", campaignId,
            ["campaign_id", "campaign_name", "operation_status", "budget", "budget_mode", "budget_optimize_on"], ct).ConfigureAwait(false);
        if (campaign is not { } c)
        {
            return null;
        }

        var subject = adGroup ?? c;
        var spend = await TodaySpendAsync(access, level, campaignId, id, accountToday, ct).ConfigureAwait(false);
        var mode = Mode(Text(subject, "budget_mode"));
        var budget = Number(subject, "budget");
        return new TargetState(level, id, Text(subject, level == ActionLevel.Campaign ? "campaign_name" : "adgroup_name"), campaignId,
            Text(subject, "operation_status") == "ENABLE", mode == BudgetMode.Unlimited || budget <= 0m ? null : budget, mode,
            c.TryGetProperty("budget_optimize_on", out var cbo) && cbo.ValueKind == JsonValueKind.True, spend, access.Currency,
            Number(subject, "scheduled_budget") is > 0m and var scheduled ? scheduled : null, Text(c, "campaign_name"));
    }

    private static BudgetMode Mode(string tiktok) => tiktok switch
    {
        "BUDGET_MODE_TOTAL" => BudgetMode.Lifetime,
        "BUDGET_MODE_INFINITE" => BudgetMode.Unlimited,
        _ => BudgetMode.Daily, // BUDGET_MODE_DAY and BUDGET_MODE_DYNAMIC_DAILY_BUDGET
    };

    private async Task<decimal> TodaySpendAsync(AdvertiserAccess access, ActionLevel level, string campaignId, string id, DateOnly today, CancellationToken ct)
    {
        var idField = level == ActionLevel.Campaign ? "campaign_id" : "adgroup_id";
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string>
        {
            ["advertiser_id"] = access.AdvertiserId,
            ["service_type"] = "AUCTION",
            ["report_type"] = "BASIC",
            ["data_level"] = level == ActionLevel.Campaign ? "AUCTION_CAMPAIGN" : "AUCTION_ADGROUP",
            ["dimensions"] = JsonSerializer.Serialize(new[] { idField }),
            ["metrics"] = JsonSerializer.Serialize(new[] { "spend" }),
            ["start_date"] = day,
            ["end_date"] = day,
            ["filtering"] = JsonSerializer.Serialize(new[] { new { field_name = "campaign_ids", filter_type = "IN", filter_value = JsonSerializer.Serialize(new[] { campaignId }) } }),
            ["page_size"] = "1000",
        };
        using var document = await SendAsync(access, HttpMethod.Get, "report/integrated/get/", query, null, ct).ConfigureAwait(false);
        var total = 0m;
        foreach (var item in List(document))
        {
            var row = TikTokApiClient.ReadRow(item);
            if (row.Dimension(idField) == id)
            {
                total += row.Number("spend");
            }
        }

        return total;
    }

    private async Task<JsonElement?> GetOneAsync(AdvertiserAccess access, string path, string filterField, string id, string[] fields, CancellationToken ct)
    {
        var query = new Dictionary<string, string>
        {
            ["advertiser_id"] = access.AdvertiserId,
            ["fields"] = JsonSerializer.Serialize(fields),
            ["filtering"] = new JsonObject { [filterField] = new JsonArray(id) }.ToJsonString(),
            ["page_size"] = "10",
        };
        using var document = await SendAsync(access, HttpMethod.Get, path, query, null, ct).ConfigureAwait(false);
        foreach (var item in List(document))
        {
            if (Text(item, filterField[..^1]) == id)
            {
                return item.Clone();
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> List(JsonDocument document) =>
        document.RootElement.GetProperty("data").TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).ToArray()
            : [];

    /// <summary>POSTs a write; 40100 is waited out (TikTok refused it, so nothing was applied); a partial failure is a refusal.</summary>
    private async Task<string?> PostAsync(AdvertiserAccess access, string path, JsonObject body, CancellationToken ct)
    {
        using var document = await SendAsync(access, HttpMethod.Post, path, null, body, ct).ConfigureAwait(false);
        var root = document.RootElement;
        var requestId = TikTokEnvelope.Read(root).RequestId;
        if (root.GetProperty("data").TryGetProperty("error_list", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
        {
            var first = errors[0].ToString();
            throw new TikTokApiException(0, first, requestId, $"TikTok refused the change: {first}. Nothing was changed.");
        }

        logger.LogInformation("TikTok {Path} for advertiser {AdvertiserId} done (request {RequestId})", path, access.AdvertiserId, requestId);
        return requestId;
    }

    private async Task<JsonDocument> SendAsync(
        AdvertiserAccess access, HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JsonObject? body, CancellationToken ct)
    {
        var token = access.AccessToken ?? options.AccessToken ?? "";
        var uri = new Uri(options.ApiBaseUrl, query is null ? path : $"{path}?{string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))}");
        for (var attempt = 0; ; attempt++)
        {
            var grant = quota is null ? null : await quota.AcquireAsync(ct).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri);
            grant?.Carry(request);
            request.Headers.Add("Access-Token", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            // A turn that expired while the request was built is taken again before it goes (nothing was sent yet).
            await TikTokQuotaGrant.EnsureFreshAsync(request, ct).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                if (method == HttpMethod.Post)
                {
                    logger.LogWarning("TikTok {Path} for advertiser {AdvertiserId}: no answer ({Failure}); the write may have been applied", path, access.AdvertiserId, e.GetType().Name);
                    throw new TikTokWriteUncertainException(e.Message);
                }

                throw new TikTokApiException(0, e.Message, null, "TikTok's API did not answer. Try again in a few minutes; nothing was changed.");
            }

            using (response)
            {
                // An HTTP error from a write is not proof it was not applied: treat it as unknown.
                if (method == HttpMethod.Post && (int)response.StatusCode >= 500)
                {
                    throw new TikTokWriteUncertainException($"HTTP {(int)response.StatusCode}");
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw TikTokEnvelope.HttpError(response.StatusCode, TikTokCall.Write);
                }

                JsonDocument document;
                try
                {
                    document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), cancellationToken: ct).ConfigureAwait(false);
                }
                catch (JsonException e)
                {
                    throw method == HttpMethod.Post ? new TikTokWriteUncertainException(e.Message) : TikTokApiClient.Unreadable(e.Message);
                }

                var answer = TikTokEnvelope.Read(document.RootElement);
                if (answer.Succeeded)
                {
                    return document;
                }

                document.Dispose();
                // 40100: TikTok refused it, so nothing was applied and it may be sent again.
                if (answer.Code == TikTokApiException.RateLimited && attempt < options.RateLimitRetries)
                {
                    if (quota is not null)
                    {
                        logger.LogWarning("TikTok rate limit (40100) on {Path}, request {RequestId}; the app's quota pauses", path, answer.RequestId);
                        await quota.ThrottledAsync(ct).ConfigureAwait(false);
                        continue;
                    }

                    var wait = options.RateLimitBackoff * Math.Pow(2, attempt);
                    logger.LogWarning("TikTok rate limit (40100) on {Path}, request {RequestId}; retry {Attempt} in {Wait}", path, answer.RequestId, attempt + 1, wait);
                    await Task.Delay(wait, time, ct).ConfigureAwait(false);
                    continue;
                }

                var error = TikTokEnvelope.Error(answer, token, TikTokCall.Write, path, logger);
                throw answer.Code == PermissionDenied ? new TikTokPermissionException(answer.Code, error.TikTokMessage, answer.RequestId, access.AdvertiserId) : error;
            }
        }
    }

    /// <summary>40001: no permission for this advertiser or operation (unconfirmed code, platform-facts-2 5.4).</summary>
    public const int PermissionDenied = 40001;

    private static string Text(JsonElement item, string name) => item.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number => v.GetRawText(),
        _ => "",
    } : "";

    private static decimal Number(JsonElement item, string name) => item.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.Number when v.TryGetDecimal(out var d) => d,
        JsonValueKind.String when decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        _ => 0m,
    } : 0m;
}
