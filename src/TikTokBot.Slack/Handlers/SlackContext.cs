using System.Text.Json;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// One request from Slack as a handler sees it: who and where it came from, the acknowledgement, and the two
/// ways to answer later: <see cref="SayAsync"/> posts to the channel with the team's bot token,
/// <see cref="RespondAsync"/> uses the request's response_url.
/// </summary>
public sealed class SlackContext
{
    private readonly TaskCompletionSource<SlackAckResponse> _ack = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ResponseUrlClient? _responseUrls;
    private readonly ISlackWebApiFactory? _apis;
    private readonly DateTimeOffset _receivedAt;
    private int _acked;
    private int _responses;

    internal SlackContext(
        string? enterpriseId, string? teamId, string? userId, string? channelId, string? responseUrl, string? triggerId,
        ResponseUrlClient? responseUrls, ISlackWebApiFactory? apis, DateTimeOffset receivedAt)
    {
        EnterpriseId = enterpriseId;
        TeamId = teamId;
        UserId = userId;
        ChannelId = channelId;
        ResponseUrl = responseUrl;
        TriggerId = triggerId;
        _responseUrls = responseUrls;
        _apis = apis;
        _receivedAt = receivedAt;
    }

    public string? EnterpriseId { get; }
    public string? TeamId { get; }
    public string? UserId { get; }
    public string? ChannelId { get; }
    public string? ResponseUrl { get; }
    public string? TriggerId { get; }

    public bool IsAcknowledged => Volatile.Read(ref _acked) != 0;

    internal Task<SlackAckResponse> Acknowledged => _ack.Task;

    internal bool TimedOut { get; private set; }

    /// <summary>Acknowledges with an empty 200: nothing is shown to the user.</summary>
    public void Ack() => Complete(SlackAckResponse.Empty);

    /// <summary>Acknowledges with a message shown in place (slash commands; <c>response_type</c> decides who sees it).</summary>
    public void Ack(SlackMessage message) => Complete(new SlackAckResponse(BlockKitJson.SerializeToUtf8Bytes(message)));

    /// <summary>Acknowledges a view submission with errors, an updated view, a pushed view or clear.</summary>
    public void Ack(ViewSubmissionResponse response) => Complete(new SlackAckResponse(JsonSerializer.SerializeToUtf8Bytes(response, SlackJsonContext.Default.ViewSubmissionResponse)));

    /// <summary>Posts a message to the channel the request came from (chat.postMessage with the team's bot token).</summary>
    public async Task<PostMessageResponse> SayAsync(SlackMessage message, CancellationToken ct)
    {
        var channel = message.Channel ?? ChannelId
            ?? throw new InvalidOperationException("This request has no channel to post to.");
        var api = await GetApiAsync(ct);
        return await api.PostMessageAsync(message with { Channel = channel }, ct);
    }

    /// <summary>Answers through the request's response_url: at most five times within 30 minutes of the request.</summary>
    public Task RespondAsync(SlackMessage message, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ResponseUrl) || _responseUrls is null)
            throw new InvalidOperationException("This request has no response_url.");
        if (_responseUrls.Now - _receivedAt > ResponseUrlClient.Lifetime)
            throw new SlackResponseUrlException("The response_url expired (30 minutes).");
        if (Interlocked.Increment(ref _responses) > ResponseUrlClient.MaxUses)
            throw new SlackResponseUrlException("The response_url was already used 5 times.");
        return _responseUrls.PostAsync(ResponseUrl, message, ct);
    }

    /// <summary>The Web API with the bot token of the team this request serves.</summary>
    public ValueTask<ISlackWebApi> GetApiAsync(CancellationToken ct) =>
        _apis?.ForTeamAsync(EnterpriseId, TeamId, ct) ?? throw new InvalidOperationException("No Web API is configured.");

    internal bool TryAckOnTimeout()
    {
        if (Interlocked.Exchange(ref _acked, 1) != 0)
            return false;
        TimedOut = true;
        _ack.TrySetResult(SlackAckResponse.Empty);
        return true;
    }

    internal bool TryAckImplicitly() => TryAck(SlackAckResponse.Empty);

    /// <summary>Acknowledges unless something already did; for the dispatcher's own answers, which must not throw.</summary>
    internal bool TryAck(SlackMessage message) =>
        TryAck(new SlackAckResponse(BlockKitJson.SerializeToUtf8Bytes(message)));

    internal bool TryAck(ViewSubmissionResponse response) =>
        TryAck(new SlackAckResponse(JsonSerializer.SerializeToUtf8Bytes(response, SlackJsonContext.Default.ViewSubmissionResponse)));

    private bool TryAck(SlackAckResponse response)
    {
        if (Interlocked.Exchange(ref _acked, 1) != 0)
            return false;
        _ack.TrySetResult(response);
        return true;
    }

    private void Complete(SlackAckResponse response)
    {
        if (Interlocked.Exchange(ref _acked, 1) != 0)
            throw new SlackAckException(TimedOut
                ? "The request was already acknowledged because the ack deadline passed; answer with RespondAsync instead."
                : "The request was already acknowledged.");
        _ack.TrySetResult(response);
    }
}

/// <summary>The response_url can no longer be used (five answers given, or 30 minutes passed).</summary>
public sealed class SlackResponseUrlException(string message) : InvalidOperationException(message);
