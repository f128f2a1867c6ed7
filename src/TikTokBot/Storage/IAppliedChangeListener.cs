namespace TikTokBot.Storage;

/// <summary>
/// Told of every change the bot's own actions made (Actions raises it, Check-ins closes the matching fix), so neither
/// capability references the other. A listener's failure is its own: the action it hears of is done whatever it does.
/// </summary>
internal interface IAppliedChangeListener
{
    Task AppliedAsync(AppliedChange change, CancellationToken ct);
}
