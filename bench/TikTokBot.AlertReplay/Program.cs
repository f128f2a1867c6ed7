using System.Globalization;
using TikTokBot.Domain.Alerts;
using TikTokBot.Domain.Alerts.Baselines;
using TikTokBot.Domain.Metrics;

// Replays 8 weeks of generated hourly data for 200 campaigns, hour by hour over the last 2 weeks, through the fixed
// rules and through the baselines, and scores both against the incidents injected into the data.
// Usage: dotnet run -c Release --project bench/TikTokBot.AlertReplay -- [seed] [advertiser-breaks] [BaselineOption=value ...]
var seed = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 33;
// "advertiser-breaks" adds tracking breaks of all of an advertiser's converting campaigns at once to the per-campaign ones.
var advertiserBreaks = args.Contains("advertiser-breaks");
args = args.Where(a => a != "advertiser-breaks").ToArray();
const int Campaigns = 200, Days = 56, ReplayDays = 14;
var firstDay = new DateOnly(2026, 10, 12); // a Monday; the replay covers 23 Nov - 6 Dec 2026
var world = Generator.Generate(seed, Campaigns, Days, firstDay, advertiserBreaks);
var fixedOptions = new AlertOptions();
var baselineOptions = new BaselineOptions();
// Further arguments Name=value set baseline options, to try other defaults: -- 33 Margin=0.4 MinimumUsualConversions=10
foreach (var setting in args.Skip(1))
{
    var (name, value) = (setting.Split('=')[0], setting.Split('=')[1]);
    var property = typeof(BaselineOptions).GetProperty(name) ?? throw new ArgumentException($"No baseline option {name}.");
    property.SetValue(baselineOptions, Convert.ChangeType(value, property.PropertyType, CultureInfo.InvariantCulture));
}


var fixedSide = new Side("Fixed thresholds (AlertRules)");
var baselineSide = new Side("Baselines (fixed rules as the floor)");
var floorScans = 0L;
var scans = 0L;
for (var d = Days - ReplayDays; d < Days; d++)
{
    var day = firstDay.AddDays(d);
    // The scan at H:00 sees the hours before H (TikTok's basic reports lag ~10 minutes; the bench ignores it).
    for (var hour = 1; hour <= 23; hour++)
    {
        var now = day.ToDateTime(new TimeOnly(hour, 0));
        var judged = new Dictionary<Campaign, CampaignToday>();
        foreach (var c in world.Where(c => c.HasDay(d)))
        {
            scans++;
            var today = c.CampaignToday(d, hour, now);
            judged[c] = today;
            var fixedAlerts = AlertRules.Check(today, fixedOptions);
            fixedSide.Record(c, d, hour, fixedAlerts.Select(a => (a.RuleId, a.RuleId, AlertSeverities.Of(a.Rule))));

            // What the scanner does: the campaign's own range with 4 earlier same weekdays, the fixed floor beside it.
            if (!BaselineCheck.HasBaseline(c.History, now, baselineOptions))
            {
                floorScans++;
            }

            if (Environment.GetEnvironmentVariable("REPLAY_DEBUG") == $"{c.Index},{d}")
            {
                var h1 = c.Hours[d, hour - 1];
                var weeks = string.Join(" ", Enumerable.Range(1, 8).Where(k => d - 7 * k >= c.LaunchDay).Select(k => c.History.Through(day.AddDays(-7 * k), 0, 24) is { } w && w.DestinationClicks > 0 ? $"{(double)w.Conversions / w.DestinationClicks:0.0000}" : "-"));
                Console.WriteLine($"{hour}:00 last hour spend {h1.Spend} impr {h1.Impressions} clicks {h1.DestinationClicks} conv {h1.Conversions} (weeks {weeks}; true {c.Cvr:0.0000}): " + string.Join(" | ", BaselineCheck.Check(c.History, now, c.Converts, baselineOptions, c.Budget[d]).Select(a => a.Summary)));
            }

            baselineSide.Record(c, d, hour, AlertJudge.Judge(today, c.History, fixedOptions, baselineOptions)
                .Select(j => (j.Alert.RuleId, Label(j), j.Severity)));
        }

        // Then, as the scanner does, each advertiser's campaigns together: conversions stopped on several at once.
        foreach (var advertiser in judged.Keys.GroupBy(c => c.Advertiser).Where(g => g.Count() > 1))
        {
            var byId = advertiser.ToDictionary(c => judged[c].CampaignId);
            foreach (var j in AlertJudge.JudgeTogether(advertiser.Select(c => (judged[c], (HourlyHistory?)c.History)).ToList(), baselineOptions))
            {
                baselineSide.Record(byId[j.Alert.CampaignId], d, hour, [(j.Alert.RuleId, $"{j.Alert.RuleId} (together)", j.Severity)]);
            }
        }
    }
}

// A baseline alert is told under a fixed rule's id (so one mute silences the metric); the label says which judged it.
static string Label(JudgedAlert j) => j.FromBaseline ? $"{j.Alert.RuleId} (baseline)"
    : j.Alert.Rule is AlertRule.CostPerResultHigh or AlertRule.SpendWithoutConversions or AlertRule.CtrDrop or AlertRule.NoDelivery or AlertRule.BudgetRunsOutEarly
        ? $"{j.Alert.RuleId} (fixed)" : j.Alert.RuleId;

var incidents = world.SelectMany(c => c.Incidents.Where(i => i.Day >= Days - ReplayDays).Select(i => (c, i))).ToList();
Console.WriteLine($"seed {seed}: {Campaigns} campaigns, {Days} days, replay of the last {ReplayDays} days: {scans:N0} campaign scans, "
    + $"{incidents.Count} incidents ({string.Join(", ", incidents.GroupBy(x => x.i.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}"))}); "
    + $"{floorScans:N0} scans of campaigns without 4 weeks of history judged by the fixed floor"
    + (advertiserBreaks ? $"; of the tracking breaks {incidents.Count(x => x.i.AdvertiserWide)} on campaigns of {incidents.Where(x => x.i.AdvertiserWide).Select(x => (x.c.Advertiser, x.i.Day)).Distinct().Count()} advertiser-wide breaks" : ""));
Console.WriteLine();
Console.WriteLine("| | " + fixedSide.Name + " | " + baselineSide.Name + " |");
Console.WriteLine("|---|---:|---:|");
foreach (var (label, f) in Side.Rows(incidents, baselineOptions.ConversionsStoppedLevel))
{
    Console.WriteLine($"| {label} | {f(fixedSide)} | {f(baselineSide)} |");
}

Console.WriteLine();
Console.WriteLine("False alarms by rule:");
foreach (var side in new[] { fixedSide, baselineSide })
{
    Console.WriteLine($"  {side.Name}: " + string.Join(", ", side.FalseByRule.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}")));
}

foreach (var side in new[] { fixedSide, baselineSide })
{
    Console.WriteLine($"Caught by kind, {side.Name}: " + string.Join(", ", incidents.GroupBy(x => x.i.Kind).OrderBy(g => g.Key)
        .Select(g => $"{g.Key} {g.Count(x => side.Detection(x.c, x.i) is not null)}/{g.Count()}")));
}

// The incidents one side caught and the other missed, to say why in bench/README.md.
Console.WriteLine();
Console.WriteLine("Caught by the fixed thresholds, missed by the baselines:");
foreach (var (c, i) in incidents.Where(x => fixedSide.Detection(x.c, x.i) is not null && baselineSide.Detection(x.c, x.i) is null))
{
    var at = firstDay.AddDays(i.Day).ToDateTime(new TimeOnly(Math.Min(23, i.StartHour + 1), 0));
    Console.WriteLine($"  campaign {c.Index} day {i.Day} ({c.Budget[i.Day]:0}/day, converts {c.Converts}, baseline {BaselineCheck.HasBaseline(c.History, at, baselineOptions)}): "
        + $"{i.Kind} from {i.StartHour}:00, fixed caught it at {fixedSide.Detection(c, i)}:00 with {fixedSide.RuleAt(c, i)}");
}

Console.WriteLine("Critical incidents the baselines caught later than the first scan (start hour -> detection hour; for a tracking break, the hour it became certain):");
Console.WriteLine("  " + string.Join(", ", incidents.Where(x => x.i.Critical && (baselineSide.Detection(x.c, x.i) is not { } h || h > x.i.StartHour + 1))
    .Select(x => $"{x.i.Kind} c{x.c.Index} d{x.i.Day} {x.c.Budget[x.i.Day]:0}/day {x.i.StartHour}->{baselineSide.Detection(x.c, x.i)?.ToString(CultureInfo.InvariantCulture) ?? "missed"}"
        + (x.i.Kind == IncidentKind.DeliveryStops ? $" (that day: {baselineSide.Day(x.c, x.i.Day)})" : "")
        + (x.i.Kind == IncidentKind.TrackingBreaks ? $" (certain at {x.c.EvidenceHour(x.i, baselineOptions.ConversionsStoppedLevel)?.ToString(CultureInfo.InvariantCulture) ?? "never"})" : ""))));

// How often the rule that caught a never-certain break on the fixed side fires on the same campaign's other replay days,
// where nothing happened: a catch by a rule that fires that often is as much chance as evidence.
var slow = incidents.Where(x => x.i.Kind == IncidentKind.TrackingBreaks && x.c.EvidenceHour(x.i, baselineOptions.ConversionsStoppedLevel) is null
    && fixedSide.Detection(x.c, x.i) is not null && baselineSide.Detection(x.c, x.i) is null).ToList();
Console.WriteLine($"Tracking breaks never certain that day, caught by the fixed rules only: {slow.Count}" + string.Concat(slow.Select(x =>
{
    var rule = fixedSide.RuleAt(x.c, x.i)!;
    var quiet = Enumerable.Range(Days - ReplayDays, ReplayDays).Where(d => x.c.HasDay(d) && x.c.Incidents.All(i => i.Day != d)).ToList();
    return $"; campaign {x.c.Index} day {x.i.Day} by {rule} at {fixedSide.Detection(x.c, x.i)}:00, which fired on {quiet.Count(d => fixedSide.RaisedOn(x.c, d, rule))} of its {quiet.Count} days without an incident";
})));

// REPLAY_LATE=1 lists the tracking breaks certain that day that no critical alert caught by the scan at which they were
// certain, with the rate the baselines estimated against the true one.
if (Environment.GetEnvironmentVariable("REPLAY_LATE") is not null)
{
    var level = baselineOptions.ConversionsStoppedLevel;
    foreach (var (c, i) in incidents.Where(x => x.i.Kind == IncidentKind.TrackingBreaks && x.c.EvidenceHour(x.i, level) is { } e
        && !(baselineSide.Detection(x.c, x.i, criticalOnly: true) is { } h && h <= e)))
    {
        var e = c.EvidenceHour(i, level)!.Value;
        var est = BaselineCheck.UsualConversionRate(c.History, firstDay.AddDays(i.Day), RawCount.RealTimeConversions, baselineOptions);
        var since = Enumerable.Range(i.StartHour, e - i.StartHour).Sum(h => c.Hours[i.Day, h].DestinationClicks);
        Console.WriteLine($"late: campaign {c.Index} day {i.Day} from {i.StartHour}:00, certain at {e}:00, critical at {baselineSide.Detection(c, i, criticalOnly: true)}:00, "
            + $"first alert at {baselineSide.Detection(c, i)}:00: true rate {c.Cvr:0.0000} (that day {c.DayCvr[i.Day]:0.0000}), estimated {est?.Rate:0.0000} of {est?.Days} days, "
            + $"{since} clicks since the start (expected {since * c.Cvr:0.00} at the true rate)");
    }
}

/// <summary>One side of the comparison: its alerts, deduplicated as the app does (one per campaign, rule and day).</summary>
internal sealed class Side(string name)
{
    private readonly HashSet<(int Campaign, int Day, string Rule)> _sent = [];
    private readonly Dictionary<(int Campaign, int Day), List<(int Hour, string Rule, AlertSeverity Severity)>> _byDay = [];

    public string Name { get; } = name;

    public Dictionary<string, int> FalseByRule { get; } = [];

    public int Raised { get; private set; }

    public int FalseAlarms { get; private set; }

    public int FalseCritical { get; private set; }

    public void Record(Campaign c, int day, int hour, IEnumerable<(string Rule, string Label, AlertSeverity Severity)> alerts)
    {
        foreach (var (rule, label, severity) in alerts)
        {
            if (!_sent.Add((c.Index, day, rule)))
            {
                continue;
            }

            Raised++;
            if (!_byDay.TryGetValue((c.Index, day), out var list))
            {
                _byDay[(c.Index, day)] = list = [];
            }

            list.Add((hour, rule, severity));
            var incident = c.Incidents.FirstOrDefault(i => i.Day == day);
            if (incident is null || hour <= incident.StartHour || !incident.Explains(rule))
            {
                FalseAlarms++;
                FalseByRule[label] = FalseByRule.GetValueOrDefault(label) + 1;
                if (severity == AlertSeverity.Critical)
                {
                    FalseCritical++;
                }
            }
        }
    }

    /// <summary>The first scan hour after the incident's start that raised an alert explaining it (a critical one), or null.</summary>
    public int? Detection(Campaign c, Incident i, bool criticalOnly = false) =>
        _byDay.TryGetValue((c.Index, i.Day), out var list)
            ? list.Where(a => a.Hour > i.StartHour && i.Explains(a.Rule) && (!criticalOnly || a.Severity == AlertSeverity.Critical))
                .Select(a => (int?)a.Hour).Min()
            : null;

    /// <summary>Whether the side raised <paramref name="rule"/> on the campaign's day.</summary>
    public bool RaisedOn(Campaign c, int day, string rule) => _sent.Contains((c.Index, day, rule));

    /// <summary>The alerts raised on a campaign's day, "hour rule" each, to say why a detection came late.</summary>
    public string Day(Campaign c, int day) =>
        _byDay.TryGetValue((c.Index, day), out var list) ? string.Join(", ", list.Select(a => $"{a.Hour} {a.Rule}")) : "none";

    /// <summary>The rule of the first alert explaining the incident, for the list of misses.</summary>
    public string? RuleAt(Campaign c, Incident i) =>
        _byDay.TryGetValue((c.Index, i.Day), out var list)
            ? list.Where(a => a.Hour > i.StartHour && i.Explains(a.Rule)).OrderBy(a => a.Hour).Select(a => a.Rule).FirstOrDefault()
            : null;

    public static IEnumerable<(string, Func<Side, string>)> Rows(List<(Campaign c, Incident i)> incidents, double level)
    {
        string Minutes(Side s, bool criticalOnly, double quantile)
        {
            var m = incidents.Where(x => !criticalOnly || x.i.Critical).Select(x => s.Detection(x.c, x.i) is { } h ? (h - x.i.StartHour) * 60 : (int?)null)
                .OfType<int>().Order().ToList();
            return m.Count == 0 ? "-" : m[(int)Math.Min(m.Count - 1, Math.Floor(quantile * m.Count))].ToString(CultureInfo.InvariantCulture);
        }

        int Caught(Side s, bool criticalOnly) => incidents.Count(x => (!criticalOnly || x.i.Critical) && s.Detection(x.c, x.i) is not null);

        int WithinOneScan(Side s) => incidents.Count(x => x.i.Critical && s.Detection(x.c, x.i) is { } h && h == x.i.StartHour + 1);

        var critical = incidents.Count(x => x.i.Critical);
        yield return ("Alerts raised (one per campaign, rule and day)", s => s.Raised.ToString(CultureInfo.InvariantCulture));
        yield return ($"Incidents caught (of {incidents.Count})", s => Caught(s, false).ToString(CultureInfo.InvariantCulture));
        yield return ("False alarms (alerts no incident explains)", s => s.FalseAlarms.ToString(CultureInfo.InvariantCulture));
        yield return ("of which critical", s => s.FalseCritical.ToString(CultureInfo.InvariantCulture));
        yield return ($"Critical incidents caught (delivery stops, tracking breaks; of {critical})", s => Caught(s, true).ToString(CultureInfo.InvariantCulture));
        yield return ("Critical incidents caught at the first scan that sees them (60 min)", s => WithinOneScan(s).ToString(CultureInfo.InvariantCulture));
        var stops = incidents.Count(x => x.i.Kind == IncidentKind.DeliveryStops);
        yield return ($"of which delivery stops (of {stops})", s => incidents.Count(x => x.i.Kind == IncidentKind.DeliveryStops && s.Detection(x.c, x.i) is { } h && h == x.i.StartHour + 1)
            .ToString(CultureInfo.InvariantCulture));
        // A tracking break cannot be told from chance before its clicks would usually have brought ln(1/level) conversions:
        // "within one scan" for it is by the first scan at which an observer knowing the true rate would be that sure.
        var breaks = incidents.Where(x => x.i.Kind == IncidentKind.TrackingBreaks).ToList();
        var provable = breaks.Where(x => x.c.EvidenceHour(x.i, level) is not null).ToList();
        yield return ($"of which tracking breaks (of {breaks.Count})", s => breaks.Count(x => s.Detection(x.c, x.i) is { } h && h == x.i.StartHour + 1)
            .ToString(CultureInfo.InvariantCulture));
        yield return ($"Critical incidents caught by a critical alert (of {critical})", s => incidents.Count(x => x.i.Critical && s.Detection(x.c, x.i, criticalOnly: true) is not null)
            .ToString(CultureInfo.InvariantCulture));
        yield return ($"Tracking breaks certain (at {level}) before the day ends, to an observer knowing the true rate (of {breaks.Count})", _ => provable.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("of which caught by the first scan at which they are certain", s => provable.Count(x => s.Detection(x.c, x.i) is { } h && h <= x.c.EvidenceHour(x.i, level))
            .ToString(CultureInfo.InvariantCulture));
        yield return ("of which a critical alert by that scan", s => provable.Count(x => s.Detection(x.c, x.i, criticalOnly: true) is { } h && h <= x.c.EvidenceHour(x.i, level))
            .ToString(CultureInfo.InvariantCulture));
        yield return ("of which caught within one scan after it", s => provable.Count(x => s.Detection(x.c, x.i) is { } h && h <= x.c.EvidenceHour(x.i, level) + 1)
            .ToString(CultureInfo.InvariantCulture));
        yield return ("of which a critical alert within one scan after it", s => provable.Count(x => s.Detection(x.c, x.i, criticalOnly: true) is { } h && h <= x.c.EvidenceHour(x.i, level) + 1)
            .ToString(CultureInfo.InvariantCulture));
        // The same with the rate of the break's own day (the rate the silent hours would have had) and the whole silence
        // since the last conversion, before the break as after: what an observer knowing that day's rate could tell.
        var provableDay = breaks.Where(x => x.c.EvidenceHour(x.i, level, dayRate: true) is not null).ToList();
        yield return ($"Tracking breaks certain that day at the day's own rate, counting the silence since the last conversion (of {breaks.Count})", _ => provableDay.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("of which a critical alert by the scan at which they are certain", s => provableDay.Count(x => s.Detection(x.c, x.i, criticalOnly: true) is { } h && h <= x.c.EvidenceHour(x.i, level, dayRate: true))
            .ToString(CultureInfo.InvariantCulture));
        yield return ("Tracking breaks never certain that day: caught", s => breaks.Count(x => x.c.EvidenceHour(x.i, level) is null && s.Detection(x.c, x.i) is not null)
            .ToString(CultureInfo.InvariantCulture));
        yield return ("Hours from a tracking break to the scan at which it is certain, median / max", _ => provable.Count == 0 ? "-"
            : $"{provable.Select(x => x.c.EvidenceHour(x.i, level)!.Value - x.i.StartHour).Order().ElementAt(provable.Count / 2)} / {provable.Max(x => x.c.EvidenceHour(x.i, level)!.Value - x.i.StartHour)}");
        yield return ("Minutes to detection, median (all caught)", s => Minutes(s, false, 0.5));
        yield return ("Minutes to detection, 90th percentile (all caught)", s => Minutes(s, false, 0.9));
        yield return ("Minutes to detection, median (critical caught)", s => Minutes(s, true, 0.5));
    }
}
