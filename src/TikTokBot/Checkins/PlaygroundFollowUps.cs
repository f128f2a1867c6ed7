using TikTokBot.Slack.BlockKit;

namespace TikTokBot.Checkins;

/// <summary>
/// The follow-ups of the playground's workspace, which has no Slack to post in: kept here in order (the last
/// <see cref="Capacity"/>), each with its fix's thread, for the playground's page to draw under the report it answers.
/// In memory: a restarted app forgets them, as the playground forgets its page.
/// </summary>
internal sealed class PlaygroundFollowUps
{
    public const int Capacity = 200;

    private readonly Lock _gate = new();
    private readonly List<(long Number, SlackMessage Message)> _kept = [];
    private long _next;

    public void Keep(SlackMessage message)
    {
        lock (_gate)
        {
            _kept.Add((++_next, message));
            if (_kept.Count > Capacity)
            {
                _kept.RemoveAt(0);
            }
        }
    }

    /// <summary>The follow-ups kept after number <paramref name="after"/>, and the number to ask after next time.</summary>
    public (IReadOnlyList<SlackMessage> Messages, long Next) After(long after)
    {
        lock (_gate)
        {
            return (_kept.Where(k => k.Number > after).Select(k => k.Message).ToList(), _next);
        }
    }
}
