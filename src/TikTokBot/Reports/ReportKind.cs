namespace TikTokBot.Reports;

/// <summary>Which view of a campaign's report is asked for.</summary>
internal enum ReportKind
{
    /// <summary>The compact summary: the verdict, the lead metrics, what stands worse, and the first fix.</summary>
    Summary,

    /// <summary>Every metric in stage order with its standing, and the charts.</summary>
    FullFunnel,

    /// <summary>"What should I fix?".</summary>
    Fixes,
}
