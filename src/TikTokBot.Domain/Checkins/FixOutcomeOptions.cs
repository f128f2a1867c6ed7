namespace TikTokBot.Domain.Checkins;

/// <summary>Configuration <c>Checkins:*</c>: when a fix is followed up and how much volume a verdict needs (DOMAIN.md section 10).</summary>
public sealed class FixOutcomeOptions
{
    public const string SectionName = "Checkins";

    /// <summary>Full days after the change before the follow-up compares anything.</summary>
    public int FollowUpAfterDays { get; set; } = 3;

    /// <summary>Days of learning a change that restarts learning gets before its "after" period starts.</summary>
    public int LearningWindowDays { get; set; } = 7;

    /// <summary>Impressions each period needs before a rate is compared.</summary>
    public long MinimumImpressions { get; set; } = 1_000;

    /// <summary>Events (the rate's numerator: clicks, conversions, completions...) each period needs before a rate is compared.</summary>
    public long MinimumEvents { get; set; } = 20;

    /// <summary>Conversions each period needs before a cost per conversion is compared.</summary>
    public long MinimumConversions { get; set; } = 20;

    /// <summary>How sure the test must be that a rate moved (two-sided).</summary>
    public double Confidence { get; set; } = 0.95;
}
