namespace TikTokBot.Permissions;

/// <summary>Whether a person may do something; when not, <see cref="Refusal"/> is the plain answer to show them.</summary>
internal sealed record PermissionResult(bool Allowed, string? Refusal)
{
    public static readonly PermissionResult Granted = new(true, null);
}
