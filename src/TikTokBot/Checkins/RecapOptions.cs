namespace TikTokBot.Checkins;

/// <summary>Configuration <c>Checkins:Recap:*</c>: when each channel's weekly check-in recap is posted, in the channel's own time zone.</summary>
internal sealed class RecapOptions
{
    public const string SectionName = "Checkins:Recap";

    /// <summary>The day of the week it is posted; it covers the seven days before.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    /// <summary>The hour (0-23) it is posted, on the hour, in the subscription's time zone.</summary>
    public int Hour { get; set; } = 9;

    /// <summary>How long a poster owns a claimed week; after it, a claim left by a crashed poster may be taken over.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The cron expression of the recap's firing (minute, hour, day of week), as its Hangfire recurring job keeps it.</summary>
    public string Cron => $"0 {Hour} * * {(int)Day}";
}
