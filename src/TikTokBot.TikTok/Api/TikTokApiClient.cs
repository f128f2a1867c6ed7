using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using TikTokBot.TikTok.Quota;

namespace TikTokBot.TikTok.Api;

/// <summary>One row of <c>data.list</c>: dimension values and metric values, read leniently.</summary>
public sealed record ReportRow(IReadOnlyDictionary<string, string> Dimensions, IReadOnlyDictionary<string, JsonElement> Metrics)
{
    public string Dimension(string name) => Dimensions.TryGetValue(name, out var value) ? value : "";

    /// <summary>Whether TikTok sent the metric at all; a value of null or "-" is sent, and reads as 0.</summary>
    public bool Has(string name) => Metrics.ContainsKey(name);

    /// <summary>A metric as a number: TikTok sends strings, numbers, nulls and "-"; anything unreadable is 0.</summary>
    public decimal Number(string name)
    {
        if (!Metrics.TryGetValue(name, out var value))
        {
            return 0m;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0m,
        };
    }

    /// <summary>A metric as a whole count; a value beyond any real count (an overflow) is unreadable, so 0.</summary>
    public long Count(string name) => decimal.Round(Number(name)) is var count && count is >= long.MinValue and <= long.MaxValue ? (long)count : 0;

    public string Text(string name) => !Metrics.TryGetValue(name, out var value) ? "" : value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => value.GetRawText(),
        _ => "",
    };
}

/// <summary>
/// The TikTok API for Business v1.3, read-only. Every request first takes its turn from the app's shared
/// <see cref="TikTokQuota"/> (at the priority of the ambient <see cref="TikTokCallScope"/>); every page is read; a non-zero
/// <c>code</c> becomes a typed error. A 40100 pauses the whole app's quota and the request asks for its turn again;
/// what else may pass (TikTok's internal errors, HTTP 5xx, timeouts) is retried with backoff.
/// </summary>
public sealed partial class TikTokApiClient : IDisposable
{
    private const int PageSize = 1000;

    private readonly HttpClient _http;
    private readonly TikTokApiOptions _options;
    private readonly ILogger<TikTokApiClient> _logger;
    private readonly TikTokQuota _quota;
    private readonly TikTokQuota _tasks;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _retries;
    private readonly bool _ownsQuota;
    private readonly bool _ownsTasks;
    private readonly RefusedTokens _refused;

    // Only a workspace's connected token (a clone) is remembered as refused: its connection is marked refused and a
    // reconnect brings a new token, whereas the deployment's own token may be put right at TikTok and work again.
    private readonly bool _remembersRefusal;

    private TikTokApiClient(TikTokApiClient shared, TikTokApiOptions options)
    {
        (_http, _options, _logger, _quota, _tasks, _time, _retries, _ownsQuota, _ownsTasks, _refused, _remembersRefusal) =
            (shared._http, options, shared._logger, shared._quota, shared._tasks, shared._time, shared._retries, false, false, shared._refused, true);
    }

    /// <summary>
    /// The same client reading with another workspace's token: TikTok limits requests per app, so it shares this
    /// client's quota (and its HTTP connection pool) rather than getting its own.
    /// </summary>
    public TikTokApiClient WithToken(string accessToken) => new(this, _options.For(accessToken, Array.Empty<string>()));

    /// <summary>
    /// A client with a quota of its own (tests, tools): <see cref="TikTokApiOptions.MaxRequestsPerSecond"/>, and a 40100
    /// pausing it for <see cref="TikTokApiOptions.RateLimitBackoff"/>; report tasks within TikTok's task limits.
    /// </summary>
    public TikTokApiClient(HttpClient http, TikTokApiOptions options, TimeProvider time, ILogger<TikTokApiClient> logger)
        : this(http, options, TikTokQuota.InProcess(TikTokQuotaOptions.ForRate(options.MaxRequestsPerSecond, options.RateLimitBackoff), time), null, time, logger, ownsQuota: true)
    {
    }

    /// <summary>
    /// A client taking its turns from the app's <paramref name="quota"/>, and its report tasks' turns from the app's
    /// <paramref name="tasks"/> budget (without one, a budget of this client's own at TikTok's task limits).
    /// </summary>
    public TikTokApiClient(HttpClient http, TikTokApiOptions options, TikTokQuota quota, TimeProvider time, ILogger<TikTokApiClient> logger, TikTokQuota? tasks = null)
        : this(http, options, quota, tasks, time, logger, ownsQuota: false)
    {
    }

    private TikTokApiClient(HttpClient http, TikTokApiOptions options, TikTokQuota quota, TikTokQuota? tasks, TimeProvider time, ILogger<TikTokApiClient> logger, bool ownsQuota)
    {
        _http = http;
        _options = options;
        _logger = logger;
        _quota = quota;
        _ownsQuota = ownsQuota;
        _time = time;
        // The task budget counts TikTok's real seconds, as the main one does: never the business clock a test moves.
        _ownsTasks = tasks is null;
        _tasks = tasks ?? TikTokQuota.InProcess(TikTokQuotaOptions.ForRate(options.MaxRequestsPerSecond, options.RateLimitBackoff).ForTasks(), TimeProvider.System);
        _retries = BuildRetries(options, time, logger);
        _refused = new RefusedTokens();
    }

    /// <summary>
    /// Runs <c>report/integrated/get</c> and reads every page; a report of more than
    /// <see cref="AsyncReportOptions.MaxSyncRows"/> rows is read as an asynchronous report task instead (same rows).
    /// </summary>
    /// <param name="parameters">Query parameters other than paging; arrays and objects already JSON-encoded.</param>
    public async Task<IReadOnlyList<ReportRow>> GetReportAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var tasks = _options.AsyncReports;
        return await GetAllPagesAsync("report/integrated/get/", parameters, cancellationToken, tasks.Enabled ? tasks.MaxSyncRows : null).ConfigureAwait(false)
            ?? await ReadAsTaskAsync(parameters, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReportRow>> GetCampaignsAsync(string advertiserId, CancellationToken cancellationToken) =>
        (await GetAllPagesAsync("campaign/get/", new Dictionary<string, string>
        {
            ["advertiser_id"] = advertiserId,
            ["fields"] = JsonSerializer.Serialize(new[]
            {
                "campaign_id", "campaign_name", "advertiser_id", "objective_type", "budget", "budget_mode", "operation_status",
                "secondary_status", "create_time", "modify_time", "campaign_automation_type",
            }),
        }, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The ad groups of one campaign with their operation and secondary status.</summary>
    public async Task<IReadOnlyList<ReportRow>> GetAdGroupsAsync(string advertiserId, string campaignId, CancellationToken cancellationToken) =>
        (await GetAllPagesAsync("adgroup/get/", new Dictionary<string, string>
        {
            ["advertiser_id"] = advertiserId,
            ["filtering"] = JsonSerializer.Serialize(new { campaign_ids = new[] { campaignId } }),
            ["fields"] = JsonSerializer.Serialize(new[] { "adgroup_id", "adgroup_name", "campaign_id", "operation_status", "secondary_status", "modify_time" }),
        }, cancellationToken).ConfigureAwait(false))!;

    /// <returns>Every row; null when the first page says there are more than <paramref name="maxRows"/> rows.</returns>
    private async Task<IReadOnlyList<ReportRow>?> GetAllPagesAsync(string path, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken, int? maxRows = null)
    {
        var rows = new List<ReportRow>();
        for (var page = 1; ; page++)
        {
            using var document = await GetPageAsync(path, parameters, page, cancellationToken).ConfigureAwait(false);
            var data = document.RootElement.GetProperty("data");
            if (data.TryGetProperty("list", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    rows.Add(item.ValueKind == JsonValueKind.Object ? ReadRow(item) : throw Unreadable($"a row of {path} is {item.ValueKind}"));
                }
            }

            var info = data.TryGetProperty("page_info", out var i) && i.ValueKind == JsonValueKind.Object ? i : default;
            var totalPages = info.ValueKind == JsonValueKind.Object && info.TryGetProperty("total_page", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var pages)
                ? pages
                : 1;
            if (page == 1 && maxRows is { } most && totalPages > 1 && info.TryGetProperty("total_number", out var count) && count.ValueKind == JsonValueKind.Number &&
                count.TryGetInt32(out var size) && size > most)
            {
                _logger.LogInformation("TikTok {Path} has {Rows} rows (over {Max}): read as a report task", path, size, most);
                return null;
            }

            if (page >= totalPages)
            {
                // A page that came back short or empty mid-series would otherwise pass for the whole report, and be cached.
                if (info.ValueKind == JsonValueKind.Object && info.TryGetProperty("total_number", out var number) && number.ValueKind == JsonValueKind.Number && number.TryGetInt32(out var expected) &&
                    expected != rows.Count)
                {
                    _logger.LogWarning("TikTok {Path} sent {Rows} of {Expected} rows over {Pages} pages", path, rows.Count, expected, page);
                    throw new TikTokApiException(0, $"{rows.Count} of {expected} rows", null,
                        "TikTok's API sent an incomplete report (some pages were missing). Try again in a few minutes.");
                }

                return rows;
            }
        }
    }

    /// <summary>An answer that parses as JSON but not as TikTok's envelope.</summary>
    internal static TikTokApiException Unreadable(string detail) =>
        new(0, detail, null, "TikTok's API sent an answer TikTokBot could not read. Try again in a few minutes.");

    private async Task<JsonDocument> GetPageAsync(string path, IReadOnlyDictionary<string, string> parameters, int page, CancellationToken cancellationToken)
    {
        var query = string.Join('&', parameters
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("page_size", PageSize.ToString(CultureInfo.InvariantCulture)))
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var uri = new Uri(_options.ApiBaseUrl, $"{path}?{query}");
        return (await CallAsync(_quota, path, () => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false)).Json!;
    }

    /// <summary>One call through <paramref name="quota"/> and the retry pipeline; <paramref name="request"/> builds each attempt afresh.</summary>
    private async Task<TikTokReply> CallAsync(TikTokQuota quota, string path, Func<HttpRequestMessage> request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            return await _retries.ExecuteAsync(static (ctx, state) => state.Client.SendOnceAsync(state.Quota, state.Path, state.Request, ctx.CancellationToken),
                context, (Client: this, Quota: quota, Path: path, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>TikTok's answer: its JSON envelope (code 0), or the text of a file it sent instead (a report task's download).</summary>
    private readonly record struct TikTokReply(JsonDocument? Json, string? File);

    /// <summary>
    /// The one retry pipeline of every request: what TikTok or the network may answer differently a moment later
    /// (5xxxx internal errors, HTTP 5xx, timeouts) is retried with doubling waits; nothing else is. A 40100 is not
    /// retried here: it pauses the shared quota (<see cref="SendOnceAsync"/>), which every instance then waits out.
    /// </summary>
    private static ResiliencePipeline BuildRetries(TikTokApiOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.RateLimitRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TikTokApiException>(e => e.Transient && e.Code != TikTokApiException.RateLimited),
                MaxRetryAttempts = options.RateLimitRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RateLimitBackoff,
                OnRetry = args =>
                {
                    var error = (TikTokApiException)args.Outcome.Exception!;
                    logger.LogWarning("TikTok answered {Code} ({Message}), request {RequestId}; retry {Attempt} in {Wait}",
                        error.Code, error.TikTokMessage, error.RequestId, args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private async ValueTask<TikTokReply> SendOnceAsync(TikTokQuota quota, string path, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var throttled = 0; ; throttled++)
        {
            // Calls queued behind the one that learnt the token is refused would only be refused too: none goes out.
            if (_remembersRefusal)
            {
                _refused.ThrowIfRefused(_options.AccessToken);
            }

            var grant = await quota.AcquireAsync(cancellationToken).ConfigureAwait(false);
            if (_remembersRefusal)
            {
                _refused.ThrowIfRefused(_options.AccessToken);
            }

            using var request = grant.Carry(build());
            request.Headers.Add("Access-Token", _options.AccessToken ?? "");
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw TikTokEnvelope.HttpError(response.StatusCode, TikTokCall.Read);
            }

            if (response.Content.Headers.ContentType?.MediaType is { } media && !media.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                return new TikTokReply(null, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }

            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false),
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException e)
            {
                throw Unreadable(e.Message);
            }

            var root = document.RootElement;
            if (root.ValueKind is not JsonValueKind.Object and var kind)
            {
                document.Dispose();
                throw Unreadable($"the answer is {kind}");
            }

            var answer = TikTokEnvelope.Read(root);
            if (answer.Succeeded)
            {
                return new TikTokReply(document, null);
            }

            document.Dispose();
            // Over the app's quota: the whole app holds off (TikTok asks for minutes, not a quick retry), then this asks again.
            if (answer.Code == TikTokApiException.RateLimited && throttled < _options.RateLimitRetries)
            {
                _logger.LogWarning("TikTok answered 40100 on {Path}, request {RequestId}; the app's quota pauses", path, answer.RequestId);
                await quota.ThrottledAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var error = TikTokEnvelope.Error(answer, _options.AccessToken, TikTokCall.Read, path, _logger);
            if (error is TikTokAuthException refusal && _remembersRefusal)
            {
                _refused.Remember(_options.AccessToken, refusal);
            }

            throw error;
        }
    }

    /// <summary>
    /// The tokens TikTok refused, shared by every client of the app's one TikTok client (each workspace's token is a
    /// clone): a refused token stays refused, and a reconnect brings a new one. Bounded: past the cap it starts afresh,
    /// which costs at most one more refused call per token.
    /// </summary>
    private sealed class RefusedTokens
    {
        private const int Cap = 10_000;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TikTokAuthException> _tokens = new(StringComparer.Ordinal);

        public void Remember(string? token, TikTokAuthException refusal)
        {
            if (string.IsNullOrEmpty(token))
            {
                return;
            }

            if (_tokens.Count >= Cap)
            {
                _tokens.Clear();
            }

            _tokens[token] = refusal;
        }

        public void ThrowIfRefused(string? token)
        {
            if (!string.IsNullOrEmpty(token) && _tokens.TryGetValue(token, out var refusal))
            {
                throw new TikTokAuthException(refusal.Code, refusal.TikTokMessage, refusal.RequestId);
            }
        }
    }

    // A timeout or a dropped connection is TikTok's side, not the user's: say so plainly instead of surfacing a socket error.
    // A turn that expired while the request was built is taken again here (and once more below, in the HTTP client's
    // innermost handler when the app registered it).
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await TikTokQuotaGrant.EnsureFreshAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TikTokApiException(0, e.Message, null,
                $"TikTok's API did not answer within {_http.Timeout.TotalSeconds:0} seconds. Try again in a few minutes.") { Transient = true };
        }
        catch (HttpRequestException e)
        {
            throw new TikTokApiException(0, e.Message, null, "TikTokBot could not reach TikTok's API. Try again in a few minutes.") { Transient = true };
        }
    }

    internal static ReportRow ReadRow(JsonElement item)
    {
        var dimensions = new Dictionary<string, string>(StringComparer.Ordinal);
        var metrics = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (item.TryGetProperty("dimensions", out var dims) && dims.ValueKind == JsonValueKind.Object)
        {
            foreach (var d in dims.EnumerateObject())
            {
                dimensions[d.Name] = d.Value.ValueKind == JsonValueKind.String ? d.Value.GetString() ?? "" : d.Value.GetRawText();
            }

            if (item.TryGetProperty("metrics", out var mets) && mets.ValueKind == JsonValueKind.Object)
            {
                // One clone per row: its values share the clone's buffer instead of one copy per metric.
                foreach (var metric in mets.Clone().EnumerateObject())
                {
                    metrics[metric.Name] = metric.Value;
                }
            }
        }
        else
        {
            // campaign/get returns flat objects: read every field as a "metric".
            foreach (var field in item.Clone().EnumerateObject())
            {
                metrics[field.Name] = field.Value;
            }
        }

        return new ReportRow(dimensions, metrics);
    }

    public void Dispose()
    {
        if (_ownsQuota)
        {
            _quota.Dispose();
        }

        if (_ownsTasks)
        {
            _tasks.Dispose();
        }
    }
}
