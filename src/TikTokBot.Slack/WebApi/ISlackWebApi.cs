using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Slack.WebApi;

/// <summary>
/// The Slack Web API, bound to one bot token. <c>ok:false</c> answers throw <see cref="SlackApiException"/>;
/// 429, 5xx and timeouts are retried; chat.postMessage is paced per channel and stays in order.
/// </summary>
public interface ISlackWebApi
{
    Task<PostMessageResponse> PostMessageAsync(SlackMessage message, CancellationToken ct);

    /// <summary>Visible only to <paramref name="userId"/> in the message's channel.</summary>
    Task<PostMessageResponse> PostEphemeralAsync(string userId, SlackMessage message, CancellationToken ct);

    /// <summary>Replaces the message identified by <c>message.Channel</c> and <c>message.Ts</c>.</summary>
    Task<PostMessageResponse> UpdateMessageAsync(SlackMessage message, CancellationToken ct);

    Task<ViewResponse> OpenViewAsync(string triggerId, SlackView view, CancellationToken ct);

    Task<ViewResponse> UpdateViewAsync(string viewId, SlackView view, string? hash, CancellationToken ct);

    Task<ViewResponse> PublishHomeAsync(string userId, SlackView view, CancellationToken ct);

    Task<AuthTestResponse> AuthTestAsync(CancellationToken ct);

    Task<ConversationInfoResponse> ConversationInfoAsync(string channelId, CancellationToken ct);

    /// <summary>users.info (scope <c>users:read</c>): who a user is, including whether they administer the workspace.</summary>
    Task<UserInfoResponse> UserInfoAsync(string userId, CancellationToken ct);

    /// <summary>usergroups.users.list (scope <c>usergroups:read</c>): the ids of a user group's members.</summary>
    Task<UserGroupUsersResponse> UserGroupUsersAsync(string userGroupId, CancellationToken ct);

    /// <summary>files.getUploadURLExternal, the upload itself, then files.completeUploadExternal.</summary>
    Task<CompleteUploadResponse> UploadFileAsync(FileUpload upload, CancellationToken ct);

    /// <summary>assistant.threads.setStatus (scope <c>assistant:write</c>); more than <see cref="AssistantLimits.MaxLoadingMessages"/> loading messages throw.</summary>
    Task SetAssistantStatusAsync(AssistantStatusRequest request, CancellationToken ct);

    /// <summary>assistant.threads.setSuggestedPrompts; none or more than <see cref="AssistantLimits.MaxPrompts"/> prompts throw.</summary>
    Task SetSuggestedPromptsAsync(SuggestedPromptsRequest request, CancellationToken ct);

    /// <summary>assistant.threads.setTitle.</summary>
    Task SetAssistantTitleAsync(AssistantTitleRequest request, CancellationToken ct);
}

/// <summary>A file to share; without <see cref="ChannelId"/> it stays private to the app.</summary>
public sealed record FileUpload(string FileName, ReadOnlyMemory<byte> Content)
{
    public string? Title { get; init; }
    public string? ChannelId { get; init; }
    public string? ThreadTs { get; init; }
    public string? InitialComment { get; init; }
}

/// <summary>Hands out <see cref="ISlackWebApi"/> bound to the right bot token.</summary>
public interface ISlackWebApiFactory
{
    /// <summary>The API with the bot token of the installation serving this team, else <c>Slack:BotToken</c>.</summary>
    ValueTask<ISlackWebApi> ForTeamAsync(string? enterpriseId, string? teamId, CancellationToken ct);

    ISlackWebApi ForToken(string botToken);
}

/// <summary>Unauthenticated and app-level calls: oauth.v2.access and apps.connections.open.</summary>
public interface ISlackAppApi
{
    Task<OAuthV2AccessResponse> OAuthV2AccessAsync(string code, string? redirectUri, CancellationToken ct);

    Task<ConnectionsOpenResponse> OpenSocketConnectionAsync(CancellationToken ct);
}
