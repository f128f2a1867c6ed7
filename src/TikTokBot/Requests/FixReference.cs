namespace TikTokBot.Requests;

/// <summary>A fix's "Done": the fix it names, looked up in the presser's own workspace.</summary>
internal sealed record FixReference(string FixId) : ButtonValue;
