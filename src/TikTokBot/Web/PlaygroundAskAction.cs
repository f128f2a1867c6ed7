using System.Reflection;
using System.Text;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Web.Playground;
using TikTokBot.Web.Security;

namespace TikTokBot.Web;

internal sealed record PlaygroundAskAction(string? ActionId, string? Value, string? Conversation);
