using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TikTokBot.Web.Security;

namespace TikTokBot.Web;

internal enum PlaygroundDecision
{
    Open,
    NeedsToken,
    Off,
}
