using TikTokBot.Domain.Metrics;

namespace TikTokBot.Domain.Credit;

/// <summary>Configuration <c>Diagnosis:CreditWindow</c>.</summary>
public sealed class CreditWindowOptions
{
    /// <summary>The burn rate is the average gross spend over this many most recent days.</summary>
    public int BurnRateDays { get; set; } = 7;

    /// <summary>An ad needs this many conversions before it can be named the best one.</summary>
    public long LessonMinimumConversions { get; set; } = 5;

    /// <summary>A segment needs this many destination clicks before its CVR is compared.</summary>
    public long LessonMinimumClicks { get; set; } = 100;
}

/// <summary>Ad credit the team entered: TikTok reports gross spend only, the credit is visible in billing.</summary>
public sealed record CreditGrant(decimal Amount, DateOnly Start, DateOnly Expiry)
{
    public static IReadOnlyList<string> Validate(decimal amount, DateOnly start, DateOnly expiry)
    {
        var problems = new List<string>(2);
        if (amount <= 0)
        {
            problems.Add("The credit amount must be more than zero, for example 6000.");
        }

        if (expiry < start)
        {
            problems.Add($"The credit cannot expire ({expiry:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        return problems;
    }
}

public enum CreditState
{
    NotStarted,
    Active,

    /// <summary>All credit applied, before or on the expiry date.</summary>
    Exhausted,

    /// <summary>The window is over with credit left unused.</summary>
    Expired,
}

public enum CreditVerdict
{
    NoTarget,
    NoConversions,
    Succeeding,
    NotSucceeding,

    /// <summary>Net CPA meets the target only because credit pays part of the bill: gross is the real cost once it ends.</summary>
    NotSucceedingDespiteNetCpa,
}

/// <summary>Where an ad-credit window stands on a given day, and where it is heading.</summary>
/// <param name="ExhaustedOn">The day the credit ran out, or the projected day at the current burn rate; null when it will not run out.</param>
/// <param name="ExhaustionProjected">True when <paramref name="ExhaustedOn"/> is a projection rather than a fact.</param>
/// <param name="ExpiringUnused">Credit that expires unspent if the burn rate holds (or has already expired unspent).</param>
public sealed record CreditWindowReport(
    CreditGrant Grant,
    DateOnly AsOf,
    CreditState State,
    decimal GrossSpend,
    decimal CreditApplied,
    decimal NetSpend,
    decimal CreditRemaining,
    long Conversions,
    decimal? GrossCpa,
    decimal? NetCpa,
    decimal? TargetCpa,
    CreditVerdict Verdict,
    decimal BurnRatePerDay,
    DateOnly? ExhaustedOn,
    bool ExhaustionProjected,
    decimal ExpiringUnused)
{
    public bool IsEndOfWindow => State is CreditState.Exhausted or CreditState.Expired;
}

public static class CreditWindow
{
    /// <summary>
    /// Applies the credit to gross spend inside the window through <paramref name="asOf"/> (the last complete day),
    /// projects the burn, and judges gross CPA, not net, against the target.
    /// </summary>
    /// <param name="daily">Gross spend and conversions per day; days outside the window are ignored.</param>
    public static CreditWindowReport Assess(
        CreditGrant grant, IReadOnlyList<DailyTotals> daily, DateOnly asOf, decimal? targetCpa, CreditWindowOptions options)
    {
        var lastCounted = asOf < grant.Expiry ? asOf : grant.Expiry;
        var burnFrom = DateOnly.FromDayNumber(Math.Max(grant.Start.DayNumber, lastCounted.DayNumber - options.BurnRateDays + 1));
        decimal gross = 0, burnSpend = 0;
        long conversions = 0;
        DateOnly? ranOutOn = null;
        foreach (var day in daily.OrderBy(d => d.Date))
        {
            if (day.Date < grant.Start || day.Date > lastCounted)
            {
                continue;
            }

            gross += day.Counts.Spend;
            conversions += day.Counts.Conversions;
            if (day.Date >= burnFrom)
            {
                burnSpend += day.Counts.Spend;
            }

            if (ranOutOn is null && gross >= grant.Amount)
            {
                ranOutOn = day.Date;
            }
        }

        var applied = Math.Min(gross, grant.Amount);
        var remaining = grant.Amount - applied;
        var burnDays = lastCounted >= burnFrom ? lastCounted.DayNumber - burnFrom.DayNumber + 1 : 0;
        var burn = burnDays > 0 ? burnSpend / burnDays : 0m;

        var state = asOf < grant.Start ? CreditState.NotStarted
            : remaining == 0 ? CreditState.Exhausted
            : asOf >= grant.Expiry ? CreditState.Expired
            : CreditState.Active;

        var (exhaustedOn, projected, unused) = state switch
        {
            CreditState.Exhausted => (ranOutOn, false, 0m),
            CreditState.Expired => ((DateOnly?)null, false, remaining),
            _ => Project(grant, state == CreditState.NotStarted ? grant.Start.AddDays(-1) : asOf, remaining, burn),
        };

        return new CreditWindowReport(
            grant, asOf, state, gross, applied, gross - applied, remaining, conversions,
            ScopeTotals.Ratio(gross, conversions), ScopeTotals.Ratio(gross - applied, conversions), targetCpa,
            Judge(gross, gross - applied, conversions, targetCpa), burn, exhaustedOn, projected, unused);
    }

    private static (DateOnly? ExhaustedOn, bool Projected, decimal Unused) Project(CreditGrant grant, DateOnly from, decimal remaining, decimal burn)
    {
        var daysLeftInWindow = grant.Expiry.DayNumber - from.DayNumber;
        if (burn <= 0)
        {
            return (null, false, remaining);
        }

        var daysToExhaust = (int)decimal.Ceiling(remaining / burn);
        return daysToExhaust <= daysLeftInWindow
            ? (from.AddDays(daysToExhaust), true, 0m)
            : (null, false, remaining - burn * daysLeftInWindow);
    }

    private static CreditVerdict Judge(decimal gross, decimal net, long conversions, decimal? target)
    {
        if (target is not { } t)
        {
            return CreditVerdict.NoTarget;
        }

        if (conversions == 0)
        {
            return CreditVerdict.NoConversions;
        }

        var grossCpa = gross / conversions;
        return grossCpa <= t ? CreditVerdict.Succeeding
            : net / conversions <= t ? CreditVerdict.NotSucceedingDespiteNetCpa
            : CreditVerdict.NotSucceeding;
    }
}
