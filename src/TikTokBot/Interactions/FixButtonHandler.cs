using TikTokBot.Commands;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;

namespace TikTokBot.Interactions;

/// <summary>"What should I fix?" on a report: acknowledges at once, then answers through the message's response_url.</summary>
public sealed class FixButtonHandler(MetricsCommandHandler commands) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        // The button's value is "campaign id|period", written by the report view.
        var parts = (action.Value ?? "").Split('|');
        var command = CommandParser.Parse(parts.Length >= 2 ? $"{parts[0]} {parts[1]} fix" : $"{parts[0]} fix");
        var messages = await commands.ReplyAsync(command, new Asker(payload.Team?.Id ?? "", payload.User?.Id ?? ""), ct);
        foreach (var message in messages)
        {
            await context.RespondAsync(message with { ReplaceOriginal = false }, ct);
        }
    }
}
