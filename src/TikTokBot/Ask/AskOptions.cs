namespace TikTokBot.Ask;

/// <summary>Settings of Ask, section <c>Ask</c>; each default is what the README documents.</summary>
internal sealed class AskOptions
{
    public const string SectionName = "Ask";

    /// <summary>Longest question read; a longer one is refused with suggestions. Default 500 characters, as the command.</summary>
    public int MaxQuestionLength { get; set; } = 500;

    /// <summary>
    /// How many single-character slips a word of five or more letters may have and still count ("campain", "placment").
    /// Default 1; shorter words must be spelt right, as "cpm" and "cpa" are one letter apart.
    /// </summary>
    public int TypoDistance { get; set; } = 1;

    /// <summary>Intents offered as buttons when a question is not understood. Default 3 (Slack shows them in one row).</summary>
    public int MaxSuggestions { get; set; } = 3;

    /// <summary>Campaigns offered as buttons when a name matches several. Default 5, as the command names.</summary>
    public int MaxCampaignChoices { get; set; } = 5;

    /// <summary>Threads whose campaign and period are remembered for follow-ups; the least recently used goes first. Default 10,000.</summary>
    public int MaxThreads { get; set; } = 10_000;

    /// <summary>A thread not spoken in for this long forgets its campaign and period. Default 2 hours.</summary>
    public TimeSpan ThreadIdle { get; set; } = TimeSpan.FromHours(2);
}
