using TikTokBot.Interactions;
using TikTokBot.Permissions;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Reports;

/// <summary>
/// The report's buttons and menu. Each acknowledges at once, decodes its <see cref="ReportValue"/>, and answers through
/// the message's response_url with the same replies the slash command gives, so the two can never disagree.
/// </summary>
public abstract class ReportActionHandler(ReportCommands reports, ILogger logger) : IBlockActionHandler
{
    public async Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        // A button only ever reads: whatever its value says, it never changes a setting.
        if (!ReportValue.TryDecode(action.SelectedOption?.Value ?? action.Value, out var request) || Adjust(request) is not { } asked ||
            string.IsNullOrEmpty(context.TeamId) || !CanDeliver(payload, context))
        {
            return;
        }

        var asker = new Asker(context.TeamId, context.UserId ?? "", context.ChannelId, EnterpriseId: context.EnterpriseId);
        IReadOnlyList<SlackMessage> messages;
        try
        {
            messages = await reports.ReplyAsync(asker, asked, Kind, ct);
        }
        catch (TikTok.Sources.MetricSourceException e)
        {
            // The same sentence the slash command gives (a refused token says how to reconnect), not silence after the ack.
            messages = [Commands.Reply.Plain($"I could not read the figures: {Mrkdwn.Escape(e.Message)}")];
        }

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

    /// <summary>The report this action stands for, from the value it carries; null when the value does not fit the action.</summary>
    protected virtual ReportRequest? Adjust(ReportRequest request) => request with { By = null };

    /// <summary>Which view the action asks for: by default the summary.</summary>
    protected virtual ReportKind Kind => ReportKind.Summary;

    /// <summary>How the reply is posted: by default beside the report, visible only to the person who pressed.</summary>
    protected virtual SlackMessage Shape(SlackMessage message) => message with { ReplaceOriginal = false };
}

/// <summary>
/// "What should I fix?": on a report shared in a channel, the fixes go into that message's thread for everyone;
/// on a private (ephemeral) report, which Slack sends without the message, beside it for the person who pressed.
/// </summary>
public sealed class FixButtonHandler(ReportCommands reports, ILogger<FixButtonHandler> logger) : ReportActionHandler(reports, logger)
{
    protected override ReportKind Kind => ReportKind.Fixes;

    protected override bool CanDeliver(BlockActionsPayload payload, SlackContext context) =>
        (payload.Message?.Ts is not null && payload.Channel?.Id is not null) || base.CanDeliver(payload, context);

    protected override Task DeliverAsync(SlackMessage message, BlockActionsPayload payload, SlackContext context, CancellationToken ct) =>
        payload.Message?.Ts is { } ts && payload.Channel?.Id is not null
            ? context.SayAsync(message with { ThreadTs = ts, ResponseType = null, ReplaceOriginal = null }, ct)
            : context.RespondAsync(message, ct);
}

/// <summary>"Full funnel": every metric in stage order with its standing, beside the compact summary for the person who pressed.</summary>
public sealed class FullFunnelButtonHandler(ReportCommands reports, ILogger<FullFunnelButtonHandler> logger) : ReportActionHandler(reports, logger)
{
    protected override ReportKind Kind => ReportKind.FullFunnel;
}

/// <summary>The "Break down by…" menu.</summary>
public sealed class BreakdownMenuHandler(ReportCommands reports, ILogger<BreakdownMenuHandler> logger) : ReportActionHandler(reports, logger)
{
    protected override ReportRequest? Adjust(ReportRequest request) => request.By is null ? null : request;
}

/// <summary>"Share in channel": the same report, posted for everyone in the channel.</summary>
public sealed class ShareButtonHandler(ReportCommands reports, ILogger<ShareButtonHandler> logger) : ReportActionHandler(reports, logger)
{
    protected override SlackMessage Shape(SlackMessage message) => message with { ResponseType = "in_channel", ReplaceOriginal = false };
}
