namespace TikTokBot.Domain.Actions;

/// <summary>
/// Configuration <c>Actions:*</c>: the guard rails of every pause, resume and budget change, and the approval flow.
/// Figures that are not TikTok's own are project defaults, said so below.
/// </summary>
public sealed class ActionOptions
{
    public const string SectionName = "Actions";

    /// <summary>When true, an action waits for a second person who may act to approve it.</summary>
    public bool RequireApproval { get; set; }

    /// <summary>A request not approved within this time expires and writes nothing.</summary>
    public TimeSpan ApprovalLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>For this long after an action is done, it can be undone (through the same checks).</summary>
    public TimeSpan UndoWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The largest budget change one action may make, in percent of the current budget (project default).</summary>
    public decimal MaxBudgetChangePercent { get; set; } = 50m;

    /// <summary>At most this many actions per campaign (its ad groups included) per account-local day (project default).</summary>
    public int MaxPerCampaignPerDay { get; set; } = 5;

    /// <summary>
    /// A budget change larger than this, in percent, during the learning phase restarts learning. TikTok publishes no
    /// figure; 20 is a project default after the unconfirmed third-party "at most 20% per 48 h" (tikadtools.com).
    /// </summary>
    public decimal LearningResetPercent { get; set; } = 20m;

    /// <summary>
    /// TikTok's minimum daily budget of a campaign, in the account currency. Project default: 50, the USD figure of
    /// TikTok Ads Manager's budget help (not in the reference facts; other currencies have their own minimum).
    /// </summary>
    public decimal MinimumCampaignDailyBudget { get; set; } = 50m;

    /// <summary>TikTok's minimum daily budget of an ad group; project default 20 (USD, same source as the campaign's).</summary>
    public decimal MinimumAdGroupDailyBudget { get; set; } = 20m;

    /// <summary>TikTok refuses a new budget below this percent of what was spent today (TT1739320422086657).</summary>
    public decimal MinimumBudgetPercentOfTodaySpend { get; set; } = 105m;

    /// <summary>TikTok locks budget changes from this account-local time until midnight (TT1739591133130817).</summary>
    public TimeOnly BudgetLockFrom { get; set; } = new(23, 55);

    /// <summary>
    /// The step a fix's "Raise budget" / "Lower budget" button proposes, in percent of the current budget (project
    /// default 20, the same as <see cref="LearningResetPercent"/>, so one step does not by itself restart learning).
    /// </summary>
    public decimal FixBudgetStepPercent { get; set; } = 20m;
}
