namespace TikTokBot.Requests;

/// <summary>What <c>/ttmetrics alerts ...</c> asks for.</summary>
internal abstract record AlertRequest
{
    private AlertRequest()
    {
    }

    /// <summary><c>alerts</c>: the rules, this channel's settings, the last alerts, mutes.</summary>
    public sealed record List : AlertRequest;

    /// <summary><c>alerts on [campaign ...] [quiet 20:00-08:00] [Europe/Berlin]</c>.</summary>
    public sealed record On(IReadOnlyList<string> Campaigns, TimeOnly? QuietFrom, TimeOnly? QuietTo, string? TimeZone) : AlertRequest;

    public sealed record Off : AlertRequest;

    public sealed record CheckNow : AlertRequest;

    /// <summary><c>alerts critical-in-quiet-hours on|off</c>: critical alerts break this channel's quiet hours.</summary>
    public sealed record CriticalInQuietHours(bool Wanted) : AlertRequest;
}
