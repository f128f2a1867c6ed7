namespace TikTokBot.Deployment;

/// <summary>Configuration <c>App:*</c>: facts about the deployment itself.</summary>
internal sealed class AppOptions
{
    public const string SectionName = "App";

    /// <summary>The public base URL people and TikTok reach this app at (OAuth redirects, links), e.g. <c>https://bot.example.com</c>.</summary>
    public Uri? PublicUrl { get; set; }
}
