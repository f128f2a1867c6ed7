namespace TikTokBot.Web;

internal enum PlaygroundDecision
{
    Open,
    NeedsToken,
    Off,
}
