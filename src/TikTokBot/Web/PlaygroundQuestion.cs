using System.Reflection;
using System.Text;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Web.Playground;
using TikTokBot.Web.Security;

namespace TikTokBot.Web;

/// <summary>A question for the chat box, in the page's conversation.</summary>
internal sealed record PlaygroundQuestion(string? Text, string? Conversation);
