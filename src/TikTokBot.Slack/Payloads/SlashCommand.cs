using System.Text.Json.Serialization;

namespace TikTokBot.Slack.Payloads;

/// <summary>A slash command invocation (form fields over HTTP, a JSON object over Socket Mode).</summary>
public sealed record SlashCommand
{
    public string Command { get; init; } = "";
    public string Text { get; init; } = "";
    public string TeamId { get; init; } = "";
    public string? TeamDomain { get; init; }
    public string? EnterpriseId { get; init; }
    public string? EnterpriseName { get; init; }
    public string ChannelId { get; init; } = "";
    public string? ChannelName { get; init; }
    public string UserId { get; init; } = "";
    public string? UserName { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    public string? ApiAppId { get; init; }

    [JsonConverter(typeof(LenientBooleanConverter))]
    public bool IsEnterpriseInstall { get; init; }
}
