using System.Text.Json.Serialization;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.OAuth;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Payloads.Events;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack;

/// <summary>Source-generated JSON metadata for every Slack payload, Block Kit and Web API type.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(SlashCommand))]
[JsonSerializable(typeof(BlockActionsPayload))]
[JsonSerializable(typeof(ViewSubmissionPayload))]
[JsonSerializable(typeof(ViewClosedPayload))]
[JsonSerializable(typeof(ShortcutPayload))]
[JsonSerializable(typeof(MessageShortcutPayload))]
[JsonSerializable(typeof(EventCallback))]
[JsonSerializable(typeof(SlackEvent))]
[JsonSerializable(typeof(AppHomeOpened))]
[JsonSerializable(typeof(AppContextChanged))]
[JsonSerializable(typeof(MessageEvent))]
[JsonSerializable(typeof(AssistantThreadStarted))]
[JsonSerializable(typeof(AssistantThreadContextChanged))]
[JsonSerializable(typeof(AssistantStatusRequest))]
[JsonSerializable(typeof(SuggestedPromptsRequest))]
[JsonSerializable(typeof(AssistantTitleRequest))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(SlackView))]
[JsonSerializable(typeof(ViewSubmissionResponse))]
[JsonSerializable(typeof(List<Block>))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(PostMessageResponse))]
[JsonSerializable(typeof(ViewResponse))]
[JsonSerializable(typeof(AuthTestResponse))]
[JsonSerializable(typeof(OAuthV2AccessResponse))]
[JsonSerializable(typeof(ConversationInfoResponse))]
[JsonSerializable(typeof(UserInfoResponse))]
[JsonSerializable(typeof(UserGroupUsersResponse))]
[JsonSerializable(typeof(UploadUrlResponse))]
[JsonSerializable(typeof(CompleteUploadResponse))]
[JsonSerializable(typeof(ConnectionsOpenResponse))]
[JsonSerializable(typeof(OpenViewRequest))]
[JsonSerializable(typeof(UpdateViewRequest))]
[JsonSerializable(typeof(PublishViewRequest))]
[JsonSerializable(typeof(List<UploadedFileRef>))]
[JsonSerializable(typeof(SlackInstallation))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
