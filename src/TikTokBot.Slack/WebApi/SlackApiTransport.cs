using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TikTokBot.Slack.WebApi;

/// <summary>
/// Sends Web API calls: bearer token, JSON or form bodies, retries (429 after Retry-After; 5xx and
/// timeouts with bounded exponential backoff) and per-channel pacing of chat.postMessage.
/// </summary>
internal sealed partial class SlackApiTransport
{
    public const string HttpClientName = "TikTokBot.Slack";

    private static readonly HttpRequestOptionsKey<string> MethodKey = new("slack.method");

    private readonly IHttpClientFactory _httpFactory;
    private readonly SlackOptions _options;
    private readonly ILogger<SlackApiTransport> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Uri _baseUri;

    public SlackApiTransport(IHttpClientFactory httpFactory, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiTransport> logger)
    {
        _httpFactory = httpFactory;
        _options = options.Value;
        _logger = logger;
        var baseUrl = _options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/";
        _baseUri = new Uri(baseUrl, UriKind.Absolute);
        Pacer = new ChannelPacer(time, _options.PostMessageInterval, Math.Max(1, _options.PostMessageBurst));
        _pipeline = BuildPipeline(_options, time, logger);
    }

    public ChannelPacer Pacer { get; }

    public Uri BaseUri => _baseUri;

    public async Task<T> CallJsonAsync<TBody, T>(
        string method, string? token, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> resultType, CancellationToken ct)
        where T : SlackApiResponse
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        return await CallAsync(method, token, () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            return content;
        }, resultType, ct);
    }

    public Task<T> CallFormAsync<T>(
        string method, string? token, IEnumerable<KeyValuePair<string, string>> fields, JsonTypeInfo<T> resultType, CancellationToken ct)
        where T : SlackApiResponse
    {
        var list = fields.ToList();
        return CallAsync(method, token, () => new FormUrlEncodedContent(list), resultType, ct);
    }

    public async Task<T> CallAsync<T>(string method, string? token, Func<HttpContent> content, JsonTypeInfo<T> resultType, CancellationToken ct)
        where T : SlackApiResponse
    {
        using var response = await SendAsync(new Uri(_baseUri, method), method, token, content, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        T? result;
        try
        {
            result = await JsonSerializer.DeserializeAsync(stream, resultType, ct);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (result is null)
            throw new SlackApiException(method, "invalid_response");
        if (!result.Ok)
        {
            LogNotOk(_logger, method, result.Error ?? "unknown_error");
            throw new SlackApiException(method, result.Error ?? "unknown_error", result);
        }
        return result;
    }

    /// <summary>Sends through the retry pipeline; the caller owns the final response.</summary>
    public async Task<HttpResponseMessage> SendAsync(Uri uri, string operation, string? token, Func<HttpContent>? content, CancellationToken ct)
    {
        var client = _httpFactory.CreateClient(HttpClientName);
        var context = ResilienceContextPool.Shared.Get(ct);
        try
        {
            return await _pipeline.ExecuteAsync(async (ctx, state) =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, state.uri) { Content = state.content?.Invoke() };
                if (!string.IsNullOrEmpty(state.token))
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", state.token);
                request.Options.Set(MethodKey, state.operation);
                return await state.client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ctx.CancellationToken);
            }, context, (uri, operation, token, content, client));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(SlackOptions options, TimeProvider time, ILogger logger)
    {
        const int max429Retries = 30;
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(options.MaxRetries, max429Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Result.StatusCode: HttpStatusCode.TooManyRequests } => args.AttemptNumber < max429Retries,
                    { Result: { } r } => (int)r.StatusCode >= 500 && args.AttemptNumber < options.MaxRetries,
                    { Exception: HttpRequestException or TimeoutRejectedException } => args.AttemptNumber < options.MaxRetries,
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                        ? (TimeSpan?)(r.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1))
                        : null),
                OnRetry = args =>
                {
                    var operation = args.Outcome.Result?.RequestMessage?.Options.TryGetValue(MethodKey, out var m) == true ? m : "?";
                    LogRetry(logger, operation, args.AttemptNumber + 1,
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} retry {Attempt} after {Outcome}, waiting {Delay}")]
    private static partial void LogRetry(ILogger logger, string method, int attempt, string? outcome, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false {Error}")]
    private static partial void LogNotOk(ILogger logger, string method, string error);
}
