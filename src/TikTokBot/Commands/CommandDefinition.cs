using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using TikTokBot.Domain.Credit;
using TikTokBot.Domain.Metrics;
using TikTokBot.Domain.Objectives;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;
using TikTokBot.Requests;

namespace TikTokBot.Commands;

/// <summary>One form of the command: the help text is generated from these, so it cannot drift from the parser.</summary>
internal sealed record CommandDefinition(string Verb, string Usage, string Description);
