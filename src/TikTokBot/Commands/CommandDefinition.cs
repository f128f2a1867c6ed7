namespace TikTokBot.Commands;

/// <summary>One form of the command: the help text is generated from these, so it cannot drift from the parser.</summary>
internal sealed record CommandDefinition(string Verb, string Usage, string Description);
