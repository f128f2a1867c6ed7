using TikTokBot.Commands;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Interactions;

/// <summary>
/// The report's buttons and menu. Each acknowledges at once, then answers through the message's response_url
/// with the same replies the slash command gives, so the two can never disagree.
/// </summary>
public abstract class ReportActionHandler(MetricsCommandHandler commands, ILogger logger) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        // Values are written by the report view: "campaign id|period" (and "|dimension" in the menu).
        var value = action.SelectedOption?.Value ?? action.Value ?? "";
        var parts = value.Split('|');
        var command = CommandParser.Parse(CommandText(parts));
        // A button only ever reads: whatever its value says, it never changes a setting.
        if (command is not (MetricsCommand.Summary or MetricsCommand.Fix or MetricsCommand.Breakdown) || string.IsNullOrEmpty(context.TeamId) ||
            !CanDeliver(payload, context))
        {
            return;
        }

        var messages = await commands.ReplyAsync(command, new Asker(context.TeamId, context.UserId ?? ""), ct);
        try
        {
            foreach (var message in messages)
            {
                await DeliverAsync(Shape(message), payload, context, ct);
            }
        }
        catch (SlackApiException failure) when (failure.Method != "response_url" && !string.IsNullOrEmpty(context.ResponseUrl))
        {
            // Slack refused the post (not in the channel, token revoked...): say so privately instead of going quiet.
            logger.LogWarning("Slack {Method} refused a report answer: {Error} (team {TeamId})", failure.Method, failure.Error, context.TeamId);
            await context.RespondAsync(SlackFailures.Explain(failure), ct);
        }
    }

    /// <summary>Whether the payload says where to answer; by default it needs a response_url.</summary>
    protected virtual bool CanDeliver(BlockActionsPayload payload, SlackContext context) => !string.IsNullOrEmpty(context.ResponseUrl);

    /// <summary>By default through the message's response_url.</summary>
    protected virtual Task DeliverAsync(SlackMessage message, BlockActionsPayload payload, SlackContext context, CancellationToken ct) =>
        context.RespondAsync(message, ct);

    /// <summary>The /ttmetrics text this action stands for.</summary>
    protected abstract string CommandText(string[] parts);

    /// <summary>How the reply is posted: by default beside the report, visible only to the person who pressed.</summary>
    protected virtual SlackMessage Shape(SlackMessage message) => message with { ReplaceOriginal = false };

    protected static string Part(string[] parts, int index) => index < parts.Length ? parts[index] : "";
}

/// <summary>
/// "What should I fix?": on a report shared in a channel, the fixes go into that message's thread for everyone;
/// on a private (ephemeral) report, which Slack sends without the message, beside it for the person who pressed.
/// </summary>
public sealed class FixButtonHandler(MetricsCommandHandler commands, ILogger<FixButtonHandler> logger) : ReportActionHandler(commands, logger)
{
    protected override string CommandText(string[] parts) => $"{Part(parts, 0)} {Part(parts, 1)} fix";

    protected override bool CanDeliver(BlockActionsPayload payload, SlackContext context) =>
        (payload.Message?.Ts is not null && payload.Channel?.Id is not null) || base.CanDeliver(payload, context);

    protected override Task DeliverAsync(SlackMessage message, BlockActionsPayload payload, SlackContext context, CancellationToken ct) =>
        payload.Message?.Ts is { } ts && payload.Channel?.Id is not null
            ? context.SayAsync(message with { ThreadTs = ts, ResponseType = null, ReplaceOriginal = null }, ct)
            : context.RespondAsync(message, ct);
}

/// <summary>The "Break down by…" menu.</summary>
public sealed class BreakdownMenuHandler(MetricsCommandHandler commands, ILogger<BreakdownMenuHandler> logger) : ReportActionHandler(commands, logger)
{
    protected override string CommandText(string[] parts) => $"{Part(parts, 0)} by {Part(parts, 2)} {Part(parts, 1)}";
}

/// <summary>"Share in channel": the same report, posted for everyone in the channel.</summary>
public sealed class ShareButtonHandler(MetricsCommandHandler commands, ILogger<ShareButtonHandler> logger) : ReportActionHandler(commands, logger)
{
    protected override string CommandText(string[] parts) => $"{Part(parts, 0)} {Part(parts, 1)}";

    protected override SlackMessage Shape(SlackMessage message) => message with { ResponseType = "in_channel", ReplaceOriginal = false };
}
