using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace TikTokBot.Web.Security;

/// <summary>One login page's cookie: its name and the path it is sent to.</summary>
internal sealed record LoginKind(string CookieName, string Path);
