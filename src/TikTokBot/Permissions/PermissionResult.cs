using Microsoft.Extensions.Options;
using Polly.Timeout;
using TikTokBot.Slack.WebApi;
using TikTokBot.TikTok.Caching;

namespace TikTokBot.Permissions;

/// <summary>Whether a person may do something; when not, <see cref="Refusal"/> is the plain answer to show them.</summary>
internal sealed record PermissionResult(bool Allowed, string? Refusal)
{
    public static readonly PermissionResult Granted = new(true, null);
}
