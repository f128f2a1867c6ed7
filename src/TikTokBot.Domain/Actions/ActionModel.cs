namespace TikTokBot.Domain.Actions;

/// <summary>What an action changes: a campaign or one of its ad groups.</summary>
public enum ActionLevel
{
    Campaign,
    AdGroup,
}

public enum ActionKind
{
    Pause,
    Resume,
    Budget,
}

/// <summary>How TikTok spends a budget: per day, over the lifetime, or without limit (<c>BUDGET_MODE_INFINITE</c>).</summary>
public enum BudgetMode
{
    Daily,
    Lifetime,
    Unlimited,
}

/// <summary>A budget change as asked: a new amount, or a change in percent (+20 or -30).</summary>
public sealed record BudgetChange(decimal? Amount, decimal? Percent)
{
    public static BudgetChange To(decimal amount) => new(amount, null);

    public static BudgetChange ByPercent(decimal percent) => new(null, percent);

    /// <summary>The budget this change leads to from <paramref name="current"/>, to the cent.</summary>
    public decimal Apply(decimal current) =>
        Amount ?? Math.Round(current * (1m + Percent!.Value / 100m), 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A change as people type it and buttons carry it: a new amount (<c>500</c>, <c>$500</c>) or a change in percent
    /// (<c>+20%</c>, <c>-30%</c>). Refused: zero, a cut of 100% or more, a rise over 1000%, a signed amount.
    /// </summary>
    public static bool TryParse(string word, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BudgetChange? change)
    {
        change = null;
        var percent = word.EndsWith('%');
        var number = word.TrimEnd('%').TrimStart('$');
        if (!decimal.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint,
                System.Globalization.CultureInfo.InvariantCulture, out var value) ||
            (percent ? value == 0 || value <= -100 || value > 1000 : value <= 0 || number.StartsWith('+') || number.StartsWith('-')))
        {
            return false;
        }

        change = percent ? ByPercent(value) : To(value);
        return true;
    }

    public override string ToString() => Amount is { } amount
        ? amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
        : $"{(Percent >= 0 ? "+" : "")}{Percent!.Value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%";
}

/// <summary>One action a person asks for; <see cref="Budget"/> only for <see cref="ActionKind.Budget"/>.</summary>
public sealed record ActionIntent(ActionKind Kind, ActionLevel Level, string TargetId, BudgetChange? Budget = null)
{
    public static ActionIntent Pause(ActionLevel level, string id) => new(ActionKind.Pause, level, id);

    public static ActionIntent Resume(ActionLevel level, string id) => new(ActionKind.Resume, level, id);

    public static ActionIntent ChangeBudget(ActionLevel level, string id, BudgetChange change) => new(ActionKind.Budget, level, id, change);
}

/// <summary>
/// A campaign or ad group as TikTok describes it right now, read fresh before deciding anything.
/// </summary>
/// <param name="CampaignId">The campaign itself, or the ad group's campaign.</param>
/// <param name="CampaignBudgetOptimisation">The campaign's budget optimisation (CBO) is on: TikTok then refuses ad-group budget changes.</param>
/// <param name="TodaySpend">Spend so far today, account-local day.</param>
/// <param name="ScheduledBudget">An ad group's daily budget already set for tomorrow (TikTok's <c>scheduled_budget</c>), when one is.</param>
/// <param name="CampaignName">The campaign's name (for an ad group, its campaign's), so replies name what they change.</param>
public sealed record TargetState(
    ActionLevel Level,
    string Id,
    string Name,
    string CampaignId,
    bool Enabled,
    decimal? Budget,
    BudgetMode BudgetMode,
    bool CampaignBudgetOptimisation,
    decimal TodaySpend,
    string Currency,
    decimal? ScheduledBudget = null,
    string? CampaignName = null);

/// <summary>The account-local moment the decision is made in, and how many actions the campaign had today.</summary>
public sealed record ActionSituation(DateTime AccountLocalNow, int ActionsTodayOnCampaign)
{
    public DateOnly AccountToday => DateOnly.FromDateTime(AccountLocalNow);
}

/// <summary>When a change takes effect: now, or from 00:00 of <see cref="From"/> in the account's time zone.</summary>
public sealed record Effective(bool Now, DateOnly? From)
{
    public static readonly Effective Immediately = new(true, null);

    public static Effective FromMidnight(DateOnly day) => new(false, day);
}

/// <summary>The state an action moves a target from and to: its status, or its budget.</summary>
public sealed record ActionValues(bool Enabled, decimal? Budget);

/// <summary>An action the rules allow: what changes, from what to what, when, and what it costs in learning.</summary>
/// <param name="ChangePercent">For a budget change, its size in percent of the current budget (signed).</param>
public sealed record ActionPlan(
    ActionIntent Intent,
    TargetState Target,
    ActionValues From,
    ActionValues To,
    decimal? ChangePercent,
    Effective Effective,
    IReadOnlyList<string> Consequences,
    bool RestartsLearning);

/// <summary>What the rules decide: a plan, or a refusal whose reason says what to do instead.</summary>
public sealed record ActionDecision(ActionPlan? Plan, string? Refusal)
{
    public bool Allowed => Plan is not null;

    public static ActionDecision Allow(ActionPlan plan) => new(plan, null);

    public static ActionDecision Refuse(string reason) => new(null, reason);
}
