using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;

internal enum IncidentKind
{
    DeliveryStops,
    TrackingBreaks,
    CtrCollapses,
    Overspend,
}

/// <summary>An injected incident: from <see cref="StartHour"/> to the end of its day (the team fixes it overnight).</summary>
/// <param name="AdvertiserWide">A tracking break of all the advertiser's converting campaigns at once (its pixel or events API).</param>
internal sealed record Incident(IncidentKind Kind, int Day, int StartHour, bool AdvertiserWide = false)
{
    public bool Critical => Kind is IncidentKind.DeliveryStops or IncidentKind.TrackingBreaks;

    /// <summary>Whether an alert of this rule points at this incident (a person reading it would find the cause).</summary>
    public bool Explains(string rule) => Kind switch
    {
        IncidentKind.DeliveryStops => rule is nameof(AlertRule.NoDelivery) or nameof(BaselineRule.DeliveryStopped) or nameof(BaselineRule.SpendBelowUsual),
        IncidentKind.TrackingBreaks => rule is nameof(AlertRule.SpendWithoutConversions) or nameof(AlertRule.CostPerResultHigh) or nameof(BaselineRule.ConversionsBelowUsual)
            or nameof(BaselineRule.ConversionsStopped),
        IncidentKind.CtrCollapses => rule is nameof(AlertRule.CtrDrop) or nameof(AlertRule.CostPerResultHigh) or nameof(BaselineRule.CtrBelowUsual) or nameof(BaselineRule.ConversionsBelowUsual),
        IncidentKind.Overspend => rule is nameof(AlertRule.BudgetRunsOutEarly) or nameof(BaselineRule.SpendAboveUsual),
        _ => false,
    };
}

internal sealed class Campaign
{
    public required int Index { get; init; }
    public required bool Converts { get; init; }
    /// <summary>The campaign's conversions per click before each day's noise: what an observer who knew it would expect.</summary>
    public required double Cvr { get; init; }
    /// <summary>Each day's conversions per click: <see cref="Cvr"/> with that day's noise, what tracking would have counted that day.</summary>
    public required double[] DayCvr { get; init; }
    public required decimal? TargetCostPerResult { get; init; }
    public required int LaunchDay { get; init; }
    public required DateOnly FirstDay { get; init; }
    public required RawTotals[,] Hours { get; init; } // [day, hour]
    public required decimal[] Budget { get; init; } // per day: a team's own budget changes move it
    public required List<Incident> Incidents { get; init; }
    /// <summary>The advertiser the campaign belongs to (consecutive campaigns, 1 to 8 an advertiser).</summary>
    public int Advertiser { get; set; }

    private HourlyHistory? _history;

    /// <summary>Every generated hour from launch, as the scanner would have kept them (built once the data is final).</summary>
    public HourlyHistory History => _history ??= new HourlyHistory(
        Enumerable.Range(LaunchDay, Hours.GetLength(0) - LaunchDay).SelectMany(d => Enumerable.Range(0, 24)
            .Select(h => new KeyValuePair<DateTime, RawTotals>(FirstDay.AddDays(d).ToDateTime(new TimeOnly(h, 0)), Hours[d, h]))));

    public bool HasDay(int day) => day >= LaunchDay;

    /// <summary>
    /// The first scan hour at which a tracking break from <see cref="Incident.StartHour"/> is certain at <paramref name="level"/>
    /// to an observer who knows the campaign's true conversions per click: the clicks since the start would bring
    /// ln(1/level) conversions (e^-λ &lt; level); null when the day ends first. Nothing sooner can tell it from chance.
    /// With <paramref name="dayRate"/>, the observer knows that day's own rate and counts the whole silence since the last
    /// conversion (the hours before the break that happened to bring none as well).
    /// </summary>
    public int? EvidenceHour(Incident i, double level, bool dayRate = false)
    {
        var rate = dayRate ? DayCvr[i.Day] : Cvr;
        var clicks = 0L;
        if (dayRate)
        {
            for (var h = i.StartHour - 1; h >= 0 && Hours[i.Day, h].Conversions == 0; h--)
            {
                clicks += Hours[i.Day, h].DestinationClicks;
            }
        }

        for (var h = i.StartHour; h < 23; h++)
        {
            clicks += Hours[i.Day, h].DestinationClicks;
            if (clicks * rate >= Math.Log(1 / level))
            {
                return h + 1;
            }
        }

        return null;
    }

    /// <summary>What the scan hands the fixed rules at <paramref name="hour"/>:00: today so far, the 7 full days before, today by hour.</summary>
    public CampaignToday CampaignToday(int day, int hour, DateTime now)
    {
        var today = new RawTotals.Accumulator();
        var hourly = new long[hour];
        for (var h = 0; h < hour; h++)
        {
            today.Add(in Hours[day, h]);
            hourly[h] = Hours[day, h].Impressions;
        }

        var previous = new List<RawTotals>(7);
        for (var d = Math.Max(LaunchDay, day - 7); d < day; d++)
        {
            var sum = new RawTotals.Accumulator();
            for (var h = 0; h < 24; h++)
            {
                sum.Add(in Hours[d, h]);
            }

            previous.Add(sum.Total);
        }

        return new CampaignToday
        {
            CampaignId = $"cmp-{Index}",
            CampaignName = $"Campaign {Index}",
            Enabled = true,
            Converts = Converts,
            LocalNow = now,
            Today = today.Total,
            PreviousDays = previous,
            TargetCostPerResult = TargetCostPerResult,
            DailyBudget = Budget[day],
            HourlyImpressions = hourly,
        };
    }
}

/// <summary>
/// The synthetic accounts. Assumptions (written in bench/README.md): see the comments on each draw. Nothing here reads
/// the rules' thresholds.
/// </summary>
internal static class Generator
{
    public static List<Campaign> Generate(int seed, int count, int days, DateOnly firstDay, bool advertiserBreaks = false)
    {
        var random = new Random(seed);
        double Uniform(double a, double b) => a + (b - a) * random.NextDouble();
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        long Poisson(double mean)
        {
            if (mean <= 0)
            {
                return 0;
            }

            if (mean > 50)
            {
                return Math.Max(0, (long)Math.Round(mean + Math.Sqrt(mean) * Normal()));
            }

            var limit = Math.Exp(-mean);
            var k = 0L;
            for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
            {
                k++;
            }

            return k;
        }

        var campaigns = new List<Campaign>(count);
        for (var i = 0; i < count; i++)
        {
            // Budgets log-uniform from $50 to $5,000 a day; a campaign spends 75-95% of it on an ordinary day.
            var budget = Math.Exp(Uniform(Math.Log(50), Math.Log(5000)));
            var fill = Uniform(0.75, 0.95);
            var converts = random.NextDouble() < 0.8;
            var cpm = Uniform(5, 12);
            var ctr = Uniform(0.006, 0.018);
            var cvr = Uniform(0.02, 0.10);
            var cpa = cpm / 1000 / (ctr * cvr);
            decimal? target = converts && random.NextDouble() < 0.5 ? (decimal)Math.Round(cpa * Uniform(0.9, 1.4), 2) : null;
            // 10% launched 3-5 weeks before the end: some gain their 4 weeks of history during the replay, some never.
            var launch = random.NextDouble() < 0.1 ? random.Next(days - 35, days - 20) : 0;

            // Daily shape: a midday bump and an evening peak around 20:00, shifted by up to an hour per campaign; the
            // night (01:00-06:00) spends a few percent of the day.
            var shift = Uniform(-1, 1);
            var shape = new double[24];
            for (var h = 0; h < 24; h++)
            {
                var x = h + 0.5 - shift;
                shape[h] = 0.25 + 0.6 * Math.Exp(-Math.Pow(x - 12.5, 2) / 10) + 1.0 * Math.Exp(-Math.Pow(x - 20.5, 2) / 12)
                    + 1.0 * Math.Exp(-Math.Pow(x + 3.5, 2) / 12) - (h < 7 ? 0.12 : 0); // the evening peak runs past midnight
            }

            var total = shape.Sum();
            // Weekly: weekends 5-15% up, Monday a little down, scaled per campaign, plus a little per weekday of its own.
            double[] weekBase = [-0.04, 0, 0, 0.02, 0.05, 0.10, 0.08]; // Monday first
            var weekScale = Uniform(0.5, 1.5);
            var weekday = weekBase.Select(w => 1 + w * weekScale + 0.03 * Normal()).ToArray();
            // A drift of up to about +-25% over the 8 weeks (audiences saturate, seasons move).
            var drift = 0.004 * Normal();

            // 10% change their own budget during the last 3 weeks (x0.5-0.7 or x1.4-2): not an incident, but a step
            // no earlier week shows.
            var budgets = new decimal[days];
            var changeDay = random.NextDouble() < 0.1 ? random.Next(days - 21, days) : int.MaxValue;
            var changeBy = random.NextDouble() < 0.5 ? Uniform(0.5, 0.7) : Uniform(1.4, 2.0);

            // Incidents at the same rate in the history as in the replay, so past outages sit in the baselines too:
            // on average one every ~50 campaign-days, starting between 06:00 and 18:00.
            var incidents = new List<Incident>();
            for (var d = launch; d < days; d++)
            {
                if (random.NextDouble() < 0.02)
                {
                    var kind = (IncidentKind)random.Next(4);
                    while (!converts && kind == IncidentKind.TrackingBreaks)
                    {
                        kind = (IncidentKind)random.Next(4);
                    }

                    incidents.Add(new Incident(kind, d, random.Next(6, 19)));
                }
            }

            var hours = new RawTotals[days, 24];
            var dayCvrs = new double[days];
            for (var d = 0; d < days; d++)
            {
                var dayBudget = budget * (d >= changeDay ? changeBy : 1);
                budgets[d] = (decimal)Math.Round(dayBudget, 2);
                if (d < launch)
                {
                    continue;
                }

                var date = firstDay.AddDays(d);
                var dayIndex = ((int)date.DayOfWeek + 6) % 7;
                // Day-to-day noise: +-15% spend, +-10% CTR, +-15% conversion rate (one sigma, log-normal).
                var daySpend = dayBudget * fill * weekday[dayIndex] * Math.Exp(drift * (d - days / 2)) * Math.Exp(0.15 * Normal());
                var dayCtr = ctr * Math.Exp(0.10 * Normal());
                var dayCvr = cvr * Math.Exp(0.15 * Normal());
                dayCvrs[d] = dayCvr;
                var incident = incidents.FirstOrDefault(x => x.Day == d);
                var spentToday = 0.0;
                for (var h = 0; h < 24; h++)
                {
                    // Hour-to-hour noise +-25% on spend; delivery never beyond the day's budget (TikTok stops there).
                    var spend = daySpend * shape[h] / total * Math.Exp(0.25 * Normal());
                    var hourCtr = dayCtr;
                    var hourCvr = dayCvr;
                    var on = incident is not null && h >= incident.StartHour;
                    if (on && incident!.Kind == IncidentKind.Overspend)
                    {
                        spend *= 3; // a bid or budget typo: three times the pace
                    }

                    spend = Math.Max(0, Math.Min(spend, dayBudget - spentToday));
                    if (on && incident!.Kind == IncidentKind.DeliveryStops)
                    {
                        spend = 0;
                    }

                    if (on && incident!.Kind == IncidentKind.CtrCollapses)
                    {
                        hourCtr *= 0.3; // a rejected ad replaced by a weak one
                    }

                    spentToday += spend;
                    var impressions = Poisson(spend / cpm * 1000);
                    var clicks = Poisson(impressions * hourCtr);
                    var conversions = converts ? Poisson(clicks * hourCvr) : 0;
                    if (on && incident!.Kind == IncidentKind.TrackingBreaks)
                    {
                        conversions = 0;
                    }

                    hours[d, h] = new RawTotals
                    {
                        Spend = Math.Round((decimal)spend, 2),
                        Impressions = impressions,
                        DestinationClicks = clicks,
                        AllClicks = clicks,
                        Conversions = conversions,
                        RealTimeConversions = conversions, // no attribution lag in the generated data
                    };
                }
            }

            campaigns.Add(new Campaign
            {
                Index = i,
                Converts = converts,
                Cvr = cvr,
                DayCvr = dayCvrs,
                TargetCostPerResult = target,
                LaunchDay = launch,
                FirstDay = firstDay,
                Hours = hours,
                Budget = budgets,
                Incidents = incidents,
            });
        }

        // Advertisers and their breaks come from a second stream, so the campaigns above are the same with or without them.
        // Consecutive campaigns belong to one advertiser, 1 to 8 each. With advertiserBreaks, one advertiser-day in 200
        // loses the conversions of all its converting campaigns from an hour between 06:00 and 18:00 to the day's end (a
        // site release that dropped the pixel, an expired events API token): a campaign with an incident of its own that
        // day keeps it.
        var shared = new Random(seed * 31 + 7);
        for (int i = 0, advertiser = 0; i < count; advertiser++)
        {
            var size = shared.Next(1, 9);
            for (var j = i; j < Math.Min(count, i + size); j++)
            {
                campaigns[j].Advertiser = advertiser;
            }

            i += size;
        }

        foreach (var group in campaigns.GroupBy(c => c.Advertiser))
        {
            for (var d = 0; d < days; d++)
            {
                if (shared.NextDouble() >= 0.005)
                {
                    continue;
                }

                var start = shared.Next(6, 19);
                foreach (var c in group.Where(c => advertiserBreaks && c.Converts && c.HasDay(d) && c.Incidents.All(x => x.Day != d)))
                {
                    c.Incidents.Add(new Incident(IncidentKind.TrackingBreaks, d, start, AdvertiserWide: true));
                    for (var h = start; h < 24; h++)
                    {
                        c.Hours[d, h] = c.Hours[d, h] with { Conversions = 0, RealTimeConversions = 0 };
                    }
                }
            }
        }

        return campaigns;
    }
}
