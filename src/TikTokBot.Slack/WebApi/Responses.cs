using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Slack.WebApi;

public sealed record ResponseMetadata(IReadOnlyList<string>? Messages = null, string? NextCursor = null);

/// <summary>The envelope every Web API answer shares.</summary>
public record SlackApiResponse
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    public string? Needed { get; init; }
    public string? Provided { get; init; }
    public ResponseMetadata? ResponseMetadata { get; init; }
}

public sealed record PostMessageResponse : SlackApiResponse
{
    public string? Channel { get; init; }
    public string? Ts { get; init; }
    public string? MessageTs { get; init; }
}

public sealed record ViewResponse : SlackApiResponse
{
    public ViewPayload? View { get; init; }
}

public sealed record AuthTestResponse : SlackApiResponse
{
    public string? Url { get; init; }
    public string? Team { get; init; }
    public string? User { get; init; }
    public string? TeamId { get; init; }
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? EnterpriseId { get; init; }
}

public sealed record AuthedUser(string Id, string? Scope = null, string? TokenType = null);

public sealed record OAuthV2AccessResponse : SlackApiResponse
{
    public string? AccessToken { get; init; }

    public string? TokenType { get; init; }
    public string? Scope { get; init; }
    public string? BotUserId { get; init; }
    public string? AppId { get; init; }
    public SlackTeam? Team { get; init; }
    public SlackEnterprise? Enterprise { get; init; }
    public AuthedUser? AuthedUser { get; init; }
    public bool IsEnterpriseInstall { get; init; }

    /// <summary>The token never appears in ToString, so a logged response cannot leak it.</summary>
    protected override bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Ok = ").Append(Ok).Append(", Error = ").Append(Error)
            .Append(", Team = ").Append(Team?.Id).Append(", Enterprise = ").Append(Enterprise?.Id);
        return true;
    }
}

public sealed record ConversationInfo
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public bool IsChannel { get; init; }
    public bool IsPrivate { get; init; }
    public bool IsIm { get; init; }
    public bool IsMember { get; init; }
    public bool IsArchived { get; init; }
}

public sealed record ConversationInfoResponse : SlackApiResponse
{
    public ConversationInfo? Channel { get; init; }
}

/// <summary>The fields of a users.info user that say what the person may do in the workspace.</summary>
public sealed record SlackUserInfo
{
    public string Id { get; init; } = "";
    public string? TeamId { get; init; }
    public string? Name { get; init; }
    public bool Deleted { get; init; }
    public bool IsBot { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsOwner { get; init; }
    public bool IsPrimaryOwner { get; init; }

    /// <summary>A guest (single- or multi-channel).</summary>
    public bool IsRestricted { get; init; }
}

public sealed record UserInfoResponse : SlackApiResponse
{
    public SlackUserInfo? User { get; init; }
}

public sealed record UserGroupUsersResponse : SlackApiResponse
{
    public IReadOnlyList<string>? Users { get; init; }
}

public sealed record UploadUrlResponse : SlackApiResponse
{
    public string? UploadUrl { get; init; }
    public string? FileId { get; init; }
}

public sealed record UploadedFile(string Id, string? Title = null, string? Name = null, string? Permalink = null);

public sealed record CompleteUploadResponse : SlackApiResponse
{
    public IReadOnlyList<UploadedFile>? Files { get; init; }
}

public sealed record ConnectionsOpenResponse : SlackApiResponse
{
    public string? Url { get; init; }
}

public sealed record UploadedFileRef(string Id, string? Title = null);

internal sealed record OpenViewRequest(string TriggerId, SlackView View);

internal sealed record UpdateViewRequest(SlackView View)
{
    public string? ViewId { get; init; }
    public string? ExternalId { get; init; }
    public string? Hash { get; init; }
}

internal sealed record PublishViewRequest(string UserId, SlackView View)
{
    public string? Hash { get; init; }
}

/// <summary>Slack answered <c>ok:false</c>; <see cref="Error"/> is Slack's error code (e.g. <c>channel_not_found</c>).</summary>
public sealed class SlackApiException(string method, string error, SlackApiResponse? response = null)
    : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;
    public SlackApiResponse? Response { get; } = response;

    /// <summary>The channel is gone, archived, or the bot is not in it: nothing goes there until someone acts.</summary>
    public bool IsChannelUnavailable => Error is "channel_not_found" or "not_in_channel" or "is_archived";

    /// <summary>The bot token no longer works: the workspace has to reinstall the app.</summary>
    public bool IsInstallationInvalid => Error is "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed";

    /// <summary>Slack will not take this message as it is, however often it is sent.</summary>
    public bool IsMessageRejected => Error is "msg_too_long" or "msg_blocks_too_long" or "invalid_blocks";
}

/// <summary>No installation and no <c>Slack:BotToken</c> for the team a call serves.</summary>
public sealed class SlackNotInstalledException(string? enterpriseId, string? teamId)
    : Exception($"TikTokBot is not installed in team {teamId ?? "-"} (enterprise {enterpriseId ?? "-"}).")
{
    public string? EnterpriseId { get; } = enterpriseId;
    public string? TeamId { get; } = teamId;
}
