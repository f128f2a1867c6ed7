using TikTokBot.Domain.Metrics;
using TikTokBot.Slack.BlockKit;
using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Ask;

/// <summary>
/// One question understood in its thread: what to read (the intent with every slot filled, follow-ups from the thread),
/// or, when nothing can be read yet, the <see cref="Immediate"/> reply (a refusal with suggestions, or which campaign?).
/// </summary>
internal sealed record AskTurn(AskIntent Intent, CampaignInfo? Campaign, Period Period)
{
    public BreakdownDimension? By { get; init; }
    public MetricId? Metric { get; init; }
    public bool ByDay { get; init; }

    /// <summary>Check-ins: the asker's own fixes only.</summary>
    public bool Mine { get; init; }

    public IReadOnlyList<SlackMessage>? Immediate { get; init; }

    /// <summary>What the thread remembers after this turn; null leaves it as it was.</summary>
    public AskThreadState? Remember { get; init; }

    /// <summary>The status while reading: the campaign's name, or what is read across campaigns.</summary>
    public string? Reading => Immediate is not null ? null : Campaign?.Name ?? Intent switch
    {
        AskIntent.OffTrack or AskIntent.Overview => "your campaigns",
        AskIntent.Credit => "your ad credit",
        _ => null,
    };
}
