namespace TikTokBot.TikTok.Quota;

/// <summary>
/// Configuration <c>TikTok:Quota:*</c>: the developer app's TikTok quota, which every instance of the app shares.
/// The defaults are TikTok's Basic tier.
/// </summary>
public sealed class TikTokQuotaOptions
{
    public const string SectionName = "TikTok:Quota";

    /// <summary>Calls a second for the whole app (Basic 10, Advanced 20, Premium 30, Ultimate 50).</summary>
    public int PerSecond { get; set; } = 10;

    /// <summary>Calls a minute for the whole app (Basic 600).</summary>
    public int PerMinute { get; set; } = 600;

    /// <summary>Calls a UTC day for the whole app (Basic 864,000).</summary>
    public int PerDay { get; set; } = 864_000;

    /// <summary>
    /// The share of every window (second, minute, day) that only a person may use: background work (digests, alert
    /// scans, history) stops short of it, so a person always finds room. 0.1 keeps 1 call a second on the Basic tier.
    /// </summary>
    public double KeptForPeople { get; set; } = 0.1;

    /// <summary>
    /// How much later one call may reach TikTok than a call granted after it. Calls are granted at least
    /// (window + this) / limit apart, so even arriving out of step TikTok never counts more than the limit in any window:
    /// 120 ms apart on the Basic tier (8.3 calls a second; each 100 ms more costs about 0.7 a second on Basic). Of it,
    /// <see cref="SendWithin"/> is the most a granted call may wait in the app before it is written to the socket (held
    /// longer, it takes a new turn); the rest covers the wire to TikTok's counter (its latency's spread, not its length).
    /// </summary>
    public TimeSpan ArrivalSlack { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The most time a granted call may take to reach the socket (counted from before the budget was asked, so it bounds
    /// the time from the grant too). A call held longer (a busy machine) is not sent on that turn: it takes a new one at
    /// its priority, ahead of later callers of it. Must not exceed <see cref="ArrivalSlack"/>.
    /// </summary>
    public TimeSpan SendWithin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long every instance stops calling after TikTok answers 40100 again within this time of an earlier 40100, or
    /// after the app used its whole minute (a per-minute breach): TikTok sends no Retry-After, asks apps to wait about
    /// 5 minutes after a per-minute breach, and a call sooner only extends the penalty.
    /// </summary>
    public TimeSpan ThrottlePause { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long every instance stops calling after a first 40100 while the app is within its minute: a per-second breach
    /// (calls bunched into one of TikTok's seconds), over once that second is. 40100 answers to calls already in flight
    /// within this time are the same breach; another one later (within <see cref="ThrottlePause"/>) pauses for
    /// <see cref="ThrottlePause"/>. Never longer than <see cref="ThrottlePause"/>.
    /// </summary>
    public TimeSpan FirstThrottlePause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a person is kept waiting for the quota (a pause, a spent day); longer, they are told at once when to
    /// try again. Background work waits as long as it takes.
    /// </summary>
    public TimeSpan PersonMaxWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// <c>TikTok:Quota:Tasks:*</c>: the asynchronous report task endpoints (<c>report/task/create</c>, <c>check</c>,
    /// <c>download</c>, <c>cancel</c>) have a budget of their own at TikTok, the same on every tier.
    /// </summary>
    public TaskQuotaLimits Tasks { get; set; } = new();

    /// <summary>The budget of the report task endpoints: <see cref="Tasks"/>' limits, this budget's pause, share and wait.</summary>
    public TikTokQuotaOptions ForTasks() => new()
    {
        PerSecond = Tasks.PerSecond,
        PerMinute = Tasks.PerMinute,
        PerDay = Tasks.PerDay,
        KeptForPeople = KeptForPeople,
        ArrivalSlack = ArrivalSlack,
        SendWithin = SendWithin,
        ThrottlePause = ThrottlePause,
        FirstThrottlePause = FirstThrottlePause,
        PersonMaxWait = PersonMaxWait,
    };

    /// <summary>A budget of <paramref name="perSecond"/> whose minute and day allow the same rate.</summary>
    public static TikTokQuotaOptions ForRate(int perSecond, TimeSpan? throttlePause = null)
    {
        perSecond = Math.Max(1, perSecond);
        return new TikTokQuotaOptions
        {
            PerSecond = perSecond,
            PerMinute = (int)Math.Min(int.MaxValue, 60L * perSecond),
            PerDay = (int)Math.Min(int.MaxValue, Math.Max(864_000L, 86_400L * perSecond)),
            ThrottlePause = throttlePause ?? TimeSpan.FromMinutes(5),
        };
    }

    /// <summary>
    /// The legacy <c>TikTok:MaxRequestsPerSecond</c>, read as <see cref="PerSecond"/> when <c>TikTok:Quota:PerSecond</c>
    /// is not set (with <see cref="PerMinute"/> 60 times it, unless set).
    /// </summary>
    public static TikTokQuotaOptions Read(Microsoft.Extensions.Configuration.IConfiguration tiktokSection)
    {
        var quota = tiktokSection.GetSection("Quota");
        var options = new TikTokQuotaOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(quota, options);
        if (quota["PerSecond"] is null && int.TryParse(tiktokSection["MaxRequestsPerSecond"], out var legacy))
        {
            var rate = ForRate(legacy);
            options.PerSecond = rate.PerSecond;
            options.PerMinute = quota["PerMinute"] is null ? rate.PerMinute : options.PerMinute;
            options.PerDay = quota["PerDay"] is null ? rate.PerDay : options.PerDay;
        }

        return options.Validated();
    }

    /// <summary>These settings, or a start-up error naming the one that cannot work.</summary>
    public TikTokQuotaOptions Validated()
    {
        if (PerSecond < 1 || PerMinute < 1 || PerDay < 1)
        {
            throw new InvalidOperationException("TikTok:Quota:PerSecond, PerMinute and PerDay must each be at least 1.");
        }

        if (Tasks.PerSecond < 1 || Tasks.PerMinute < 1 || Tasks.PerDay < 1)
        {
            throw new InvalidOperationException("TikTok:Quota:Tasks:PerSecond, PerMinute and PerDay must each be at least 1.");
        }

        if (KeptForPeople is < 0 or >= 1 || double.IsNaN(KeptForPeople))
        {
            throw new InvalidOperationException($"TikTok:Quota:KeptForPeople is a share from 0 to below 1 (0.1 keeps a tenth), not {KeptForPeople}.");
        }

        if (ArrivalSlack < TimeSpan.Zero || SendWithin < TimeSpan.Zero || ThrottlePause < TimeSpan.Zero || FirstThrottlePause < TimeSpan.Zero ||
            PersonMaxWait < TimeSpan.Zero)
        {
            throw new InvalidOperationException("TikTok:Quota:ArrivalSlack, SendWithin, ThrottlePause, FirstThrottlePause and PersonMaxWait cannot be negative.");
        }

        if (SendWithin > ArrivalSlack)
        {
            throw new InvalidOperationException(
                $"TikTok:Quota:SendWithin ({SendWithin.TotalMilliseconds:0} ms) cannot exceed TikTok:Quota:ArrivalSlack ({ArrivalSlack.TotalMilliseconds:0} ms): a call may reach TikTok no later than the slack the budget spaces calls for.");
        }

        return this;
    }
}

/// <summary>
/// Configuration <c>TikTok:Quota:Tasks:*</c>: TikTok's limits on its asynchronous report task endpoints for the whole
/// developer app, 2 a second, 60 a minute and 4,500 a day on every tier (a higher tier buys nothing here).
/// </summary>
public sealed class TaskQuotaLimits
{
    public int PerSecond { get; set; } = 2;

    public int PerMinute { get; set; } = 60;

    public int PerDay { get; set; } = 4_500;
}
