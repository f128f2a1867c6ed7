namespace TikTokBot.Deployment;

/// <summary>How Slack reaches the app, as far as the configuration says.</summary>
internal enum SlackMode
{
    NotConfigured,
    Http,
    SocketMode,
    OAuth,
}
