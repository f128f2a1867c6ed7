using TikTokBot.TikTok.Calendar;
using TikTokBot.TikTok.Sources;

namespace TikTokBot.Requests;

/// <summary>What someone asked <c>/ttmetrics</c> for, parsed from the command text.</summary>
internal abstract record MetricsCommand
{
    private MetricsCommand()
    {
    }

    internal sealed record Help : MetricsCommand;

    internal sealed record List : MetricsCommand;

    /// <param name="Full">The full funnel, every metric in stage order (<c>campaign-42 full</c>), instead of the compact summary.</param>
    internal sealed record Summary(string Campaign, Period Period, bool Full = false) : MetricsCommand;

    internal sealed record Fix(string Campaign, Period Period) : MetricsCommand;

    /// <summary><c>campaign-42 explain</c>: why the figures may differ from Ads Manager.</summary>
    internal sealed record Explain(string Campaign) : MetricsCommand;

    internal sealed record Breakdown(string Campaign, BreakdownDimension By, Period Period) : MetricsCommand;

    /// <summary><c>campaign-42 chart cpa [period]</c>: one metric of the catalogue day by day against the previous period.</summary>
    internal sealed record Chart(string Campaign, Domain.Metrics.MetricId Metric, Period Period) : MetricsCommand;

    /// <param name="Metric">The cost metric the person named (cpa, cpc, cpm, cpv), as typed.</param>
    internal sealed record SetTarget(string Campaign, string Metric, decimal TargetCost, long MinimumVolume) : MetricsCommand;

    internal sealed record SetCredit(string Campaign, decimal Amount, DateOnly Start, DateOnly Expiry) : MetricsCommand;

    internal sealed record SetAlias(string Alias, string Campaign) : MetricsCommand;

    /// <summary>The daily digest now, as a preview: all campaigns, or the ones named.</summary>
    internal sealed record DigestNow(IReadOnlyList<string> Campaigns) : MetricsCommand;

    /// <summary>A daily digest in the asking channel: the campaigns named (none: all), at a local time in a time zone (null: the defaults).</summary>
    internal sealed record Subscribe(IReadOnlyList<string> Campaigns, TimeOnly? At, string? TimeZone) : MetricsCommand;

    internal sealed record Unsubscribe : MetricsCommand;

    /// <summary>The workspace's digest subscriptions.</summary>
    internal sealed record Subscriptions : MetricsCommand;

    /// <summary>A private link to connect the workspace's TikTok advertiser accounts.</summary>
    internal sealed record Connect : MetricsCommand;

    /// <summary>The workspace's connected advertisers.</summary>
    internal sealed record Accounts : MetricsCommand;

    /// <param name="Advertiser">The advertiser's id or name, as typed.</param>
    internal sealed record Disconnect(string Advertiser) : MetricsCommand;

    /// <param name="Advertiser">The advertiser's id or name, as typed: the asking channel's default from now on.</param>
    internal sealed record Use(string Advertiser) : MetricsCommand;

    /// <summary>Pause, resume or change the budget of a campaign or ad group, named or by id (Actions).</summary>
    internal sealed record Act(TikTokBot.Domain.Actions.ActionIntent Intent, string Target) : MetricsCommand;

    /// <summary><c>alerts ...</c>: proactive alerts (the Alerts capability parses and answers the rest).</summary>
    internal sealed record Alerts(AlertRequest Request) : MetricsCommand;

    /// <summary><c>fixes [mine|&lt;campaign&gt;|all]</c>: the fixes in progress, the asker's own, one campaign's, or everyone's.</summary>
    internal sealed record Fixes(bool Mine, string? Campaign) : MetricsCommand;

    /// <summary>Text that is not a command: what went wrong and what to type instead.</summary>
    /// <summary><c>trends [objective] [90d] [campaigns]</c>: the account's figures across its campaigns, by launch month or campaign by campaign.</summary>
    internal sealed record Trends(Domain.Objectives.Objective? Objective, int? Days, bool ByCampaign) : MetricsCommand;

    internal sealed record Invalid(string Problem, string Suggestion) : MetricsCommand;
}
