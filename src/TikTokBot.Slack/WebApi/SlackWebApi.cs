using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.OAuth;

namespace TikTokBot.Slack.WebApi;

internal sealed class SlackWebApi(SlackApiTransport transport, string token) : ISlackWebApi
{
    private static SlackJsonContext Json => SlackJsonContext.Default;

    public async Task<PostMessageResponse> PostMessageAsync(SlackMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.Channel, "message.Channel");
        using var lane = await transport.Pacer.EnterAsync(message.Channel, ct);
        return await transport.CallJsonAsync("chat.postMessage", token, message, Json.SlackMessage, Json.PostMessageResponse, ct);
    }

    public Task<PostMessageResponse> PostEphemeralAsync(string userId, SlackMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.Channel, "message.Channel");
        return transport.CallJsonAsync("chat.postEphemeral", token, message with { User = userId }, Json.SlackMessage, Json.PostMessageResponse, ct);
    }

    public Task<PostMessageResponse> UpdateMessageAsync(SlackMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(message.Channel, "message.Channel");
        ArgumentException.ThrowIfNullOrEmpty(message.Ts, "message.Ts");
        return transport.CallJsonAsync("chat.update", token, message, Json.SlackMessage, Json.PostMessageResponse, ct);
    }

    public Task<ViewResponse> OpenViewAsync(string triggerId, SlackView view, CancellationToken ct) =>
        transport.CallJsonAsync("views.open", token, new OpenViewRequest(triggerId, view), Json.OpenViewRequest, Json.ViewResponse, ct);

    public Task<ViewResponse> UpdateViewAsync(string viewId, SlackView view, string? hash, CancellationToken ct) =>
        transport.CallJsonAsync("views.update", token, new UpdateViewRequest(view) { ViewId = viewId, Hash = hash }, Json.UpdateViewRequest, Json.ViewResponse, ct);

    public Task<ViewResponse> PublishHomeAsync(string userId, SlackView view, CancellationToken ct) =>
        transport.CallJsonAsync("views.publish", token, new PublishViewRequest(userId, view), Json.PublishViewRequest, Json.ViewResponse, ct);

    public Task<AuthTestResponse> AuthTestAsync(CancellationToken ct) =>
        transport.CallFormAsync("auth.test", token, [], Json.AuthTestResponse, ct);

    public Task<ConversationInfoResponse> ConversationInfoAsync(string channelId, CancellationToken ct) =>
        transport.CallFormAsync("conversations.info", token, [new("channel", channelId)], Json.ConversationInfoResponse, ct);

    public Task<UserInfoResponse> UserInfoAsync(string userId, CancellationToken ct) =>
        transport.CallFormAsync("users.info", token, [new("user", userId)], Json.UserInfoResponse, ct);

    public Task<UserGroupUsersResponse> UserGroupUsersAsync(string userGroupId, CancellationToken ct) =>
        transport.CallFormAsync("usergroups.users.list", token, [new("usergroup", userGroupId)], Json.UserGroupUsersResponse, ct);

    public Task SetAssistantStatusAsync(AssistantStatusRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ChannelId, "request.ChannelId");
        ArgumentException.ThrowIfNullOrEmpty(request.ThreadTs, "request.ThreadTs");
        if (request.LoadingMessages is { Count: > AssistantLimits.MaxLoadingMessages } loading)
            throw new ArgumentException($"Slack takes at most {AssistantLimits.MaxLoadingMessages} loading messages, not {loading.Count}.", nameof(request));
        return transport.CallJsonAsync("assistant.threads.setStatus", token, request, Json.AssistantStatusRequest, Json.SlackApiResponse, ct);
    }

    public Task SetSuggestedPromptsAsync(SuggestedPromptsRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ChannelId, "request.ChannelId");
        if (request.Prompts.Count is 0 or > AssistantLimits.MaxPrompts)
            throw new ArgumentException($"Slack takes 1 to {AssistantLimits.MaxPrompts} suggested prompts, not {request.Prompts.Count}.", nameof(request));
        return transport.CallJsonAsync("assistant.threads.setSuggestedPrompts", token, request, Json.SuggestedPromptsRequest, Json.SlackApiResponse, ct);
    }

    public Task SetAssistantTitleAsync(AssistantTitleRequest request, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(request.ChannelId, "request.ChannelId");
        ArgumentException.ThrowIfNullOrEmpty(request.ThreadTs, "request.ThreadTs");
        return transport.CallJsonAsync("assistant.threads.setTitle", token, request, Json.AssistantTitleRequest, Json.SlackApiResponse, ct);
    }

    public async Task<CompleteUploadResponse> UploadFileAsync(FileUpload upload, CancellationToken ct)
    {
        var target = await transport.CallFormAsync("files.getUploadURLExternal", token,
            [new("filename", upload.FileName), new("length", upload.Content.Length.ToString(CultureInfo.InvariantCulture))],
            Json.UploadUrlResponse, ct);
        if (string.IsNullOrEmpty(target.UploadUrl) || string.IsNullOrEmpty(target.FileId))
            throw new SlackApiException("files.getUploadURLExternal", "invalid_response", target);

        using (var uploaded = await transport.SendAsync(new Uri(target.UploadUrl), "upload", null, () =>
               {
                   var content = new ReadOnlyMemoryContent(upload.Content);
                   content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                   return content;
               }, ct))
        {
            if (!uploaded.IsSuccessStatusCode)
                throw new SlackApiException("upload", "upload_failed_" + (int)uploaded.StatusCode);
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("files", JsonSerializer.Serialize([new UploadedFileRef(target.FileId, upload.Title ?? upload.FileName)], Json.ListUploadedFileRef)),
        };
        if (upload.ChannelId is not null)
            fields.Add(new("channel_id", upload.ChannelId));
        if (upload.ThreadTs is not null)
            fields.Add(new("thread_ts", upload.ThreadTs));
        if (upload.InitialComment is not null)
            fields.Add(new("initial_comment", upload.InitialComment));
        return await transport.CallFormAsync("files.completeUploadExternal", token, fields, Json.CompleteUploadResponse, ct);
    }
}

internal sealed class SlackWebApiFactory(SlackApiTransport transport, IInstallationStore installations, IOptionsMonitor<SlackOptions> options)
    : ISlackWebApiFactory
{
    public async ValueTask<ISlackWebApi> ForTeamAsync(string? enterpriseId, string? teamId, CancellationToken ct)
    {
        var installation = await installations.FindAsync(enterpriseId, teamId, ct);
        var token = installation?.BotToken ?? options.CurrentValue.BotToken;
        if (string.IsNullOrEmpty(token))
            throw new SlackNotInstalledException(enterpriseId, teamId);
        return new SlackWebApi(transport, token);
    }

    public ISlackWebApi ForToken(string botToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botToken);
        return new SlackWebApi(transport, botToken);
    }
}

internal sealed class SlackAppApi(SlackApiTransport transport, IOptionsMonitor<SlackOptions> options) : ISlackAppApi
{
    public Task<OAuthV2AccessResponse> OAuthV2AccessAsync(string code, string? redirectUri, CancellationToken ct)
    {
        var o = options.CurrentValue;
        if (string.IsNullOrEmpty(o.ClientId) || string.IsNullOrEmpty(o.ClientSecret))
            throw new InvalidOperationException("Slack:ClientId and Slack:ClientSecret are required for OAuth.");
        var fields = new List<KeyValuePair<string, string>> { new("client_id", o.ClientId), new("client_secret", o.ClientSecret), new("code", code) };
        if (!string.IsNullOrEmpty(redirectUri))
            fields.Add(new("redirect_uri", redirectUri));
        return transport.CallFormAsync("oauth.v2.access", null, fields, SlackJsonContext.Default.OAuthV2AccessResponse, ct);
    }

    public Task<ConnectionsOpenResponse> OpenSocketConnectionAsync(CancellationToken ct)
    {
        var appToken = options.CurrentValue.AppToken;
        if (string.IsNullOrEmpty(appToken))
            throw new InvalidOperationException("Slack:AppToken is required for Socket Mode.");
        return transport.CallFormAsync("apps.connections.open", appToken, [], SlackJsonContext.Default.ConnectionsOpenResponse, ct);
    }
}
