namespace TikTokBot.Web.Security;

/// <summary>One login page's cookie: its name and the path it is sent to.</summary>
internal sealed record LoginKind(string CookieName, string Path);
