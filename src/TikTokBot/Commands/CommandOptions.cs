namespace TikTokBot.Commands;

/// <summary>Configuration <c>Commands:*</c>.</summary>
internal sealed class CommandOptions
{
    public const string SectionName = "Commands";

    /// <summary>
    /// How long a slash command waits for its figures before acknowledging with "Reading…" and answering through
    /// response_url. Short enough that a slow source is acknowledged at once, long enough for a cached answer inline.
    /// </summary>
    public TimeSpan InlineAnswerBudget { get; set; } = TimeSpan.FromMilliseconds(20);
}
