namespace TikTokBot.Domain.Alerts.Baselines;

/// <summary>The checks against a campaign's own usual range. The name is the stable id an alert would be stored with.</summary>
public enum BaselineRule
{
    /// <summary>The last hour spent far below what that hour usually spends.</summary>
    DeliveryStopped,

    /// <summary>Spend so far today below the usual range for this hour and weekday.</summary>
    SpendBelowUsual,

    /// <summary>Spend so far today above the usual range.</summary>
    SpendAboveUsual,

    /// <summary>Conversions so far below the usual range while spend is not: each result costs more than usual.</summary>
    ConversionsBelowUsual,

    /// <summary>
    /// No conversion over the clicks since the last one, where the campaign's usual conversions per click make that
    /// improbable (<see cref="BaselineOptions.ConversionsStoppedLevel"/>): tracking broke, or the landing page did.
    /// </summary>
    ConversionsStopped,

    /// <summary>
    /// The same silence, a chance under <see cref="BaselineOptions.ConversionsQuietLevel"/> but not yet under
    /// <see cref="BaselineOptions.ConversionsStoppedLevel"/>: a warning, told as the cost per result it raises.
    /// </summary>
    ConversionsQuiet,

    /// <summary>CTR so far today below the usual range.</summary>
    CtrBelowUsual,
}

/// <summary>The usual range of one figure: lowest and highest over the earlier same weekdays that count.</summary>
public sealed record UsualRange(decimal Low, decimal High, int Weeks);

/// <summary>
/// A figure that left its usual range, with the sentence saying what usual was. <paramref name="Figure"/> and
/// <paramref name="UsualName"/> name the figure and its usual when they are not the rule's own (a stopped hour counts
/// impressions over days, stopped conversions the conversions expected from the clicks).
/// </summary>
public sealed record BaselineAlert(BaselineRule Rule, AlertSeverity Severity, decimal Today, UsualRange Usual, string Summary,
    string? Figure = null, string? UsualName = null);
