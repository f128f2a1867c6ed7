using TikTokBot.Domain.Metrics;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Naming;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>
/// What <see cref="AskRecogniser"/> understood: the intent (null when the words only name slots, as a follow-up does),
/// the campaign as typed and as the workspace's resolver found it, and the other slots. <see cref="Suggestions"/> is
/// filled only for a question it refused.
/// </summary>
internal sealed record AskQuestion
{
    public AskIntent? Intent { get; init; }

    /// <summary>The words taken to name the campaign, as typed.</summary>
    public string? CampaignText { get; init; }

    /// <summary>How the workspace's resolver read <see cref="CampaignText"/>, the same as <c>/ttmetrics</c>.</summary>
    public CampaignResolution? Resolution { get; init; }

    public Period? Period { get; init; }
    public MetricId? Metric { get; init; }
    public BreakdownDimension? By { get; init; }

    /// <summary>"by day", "daily": the metric day by day, drawn as the chart.</summary>
    public bool ByDay { get; init; }

    public MetricDirection? Direction { get; init; }

    /// <summary>Check-ins asked about the asker's own fixes ("what am I on?").</summary>
    public bool Mine { get; init; }

    /// <summary>For a refused question, the two or three intents closest to its words; empty otherwise.</summary>
    public IReadOnlyList<AskIntent> Suggestions { get; init; } = [];

    public CampaignInfo? Campaign => Resolution?.Campaign;

    public bool Refused => Suggestions.Count > 0;

    /// <summary>Only slots, no intent: "and by age?", "what about last month?", "and campaign-43?".</summary>
    public bool IsFollowUp => Intent is null && !Refused;
}
