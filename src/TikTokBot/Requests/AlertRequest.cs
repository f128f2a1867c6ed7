namespace TikTokBot.Requests;

/// <summary>What <c>/ttmetrics alerts ...</c> asks for.</summary>
internal abstract record AlertRequest
{
    private AlertRequest()
    {
    }

    /// <summary><c>alerts</c>: the rules, this channel's settings, the last alerts, mutes.</summary>
    internal sealed record List : AlertRequest;

    /// <summary><c>alerts on [campaign ...] [quiet 20:00-08:00] [Europe/Berlin]</c>.</summary>
    internal sealed record On(IReadOnlyList<string> Campaigns, TimeOnly? QuietFrom, TimeOnly? QuietTo, string? TimeZone) : AlertRequest;

    internal sealed record Off : AlertRequest;

    internal sealed record CheckNow : AlertRequest;

    /// <summary><c>alerts critical-in-quiet-hours on|off</c>: critical alerts break this channel's quiet hours.</summary>
    internal sealed record CriticalInQuietHours(bool Wanted) : AlertRequest;
}
