using TikTokBot.Slack.Payloads;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// Handles one slash command. Answer inline with <see cref="SlackContext.Ack(BlockKit.SlackMessage)"/> within
/// three seconds, or <see cref="SlackContext.Ack()"/> at once and keep working: the rest of the handler runs in
/// the background and answers through <see cref="SlackContext.RespondAsync"/>.
/// </summary>
public interface ISlashCommandHandler
{
    Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct);
}

/// <summary>Handles one action of a block_actions payload, routed by action id or prefix.</summary>
public interface IBlockActionHandler
{
    Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a modal submission, routed by the view's callback id; ack with a <see cref="BlockKit.ViewSubmissionResponse"/> to show errors or change the view.</summary>
public interface IViewSubmissionHandler
{
    Task HandleAsync(ViewSubmissionPayload payload, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a modal closed by the user (needs <c>notify_on_close</c>), routed by callback id.</summary>
public interface IViewClosedHandler
{
    Task HandleAsync(ViewClosedPayload payload, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a global shortcut, routed by callback id.</summary>
public interface IShortcutHandler
{
    Task HandleAsync(ShortcutPayload payload, SlackContext context, CancellationToken ct);
}

/// <summary>Handles a message shortcut, routed by callback id.</summary>
public interface IMessageShortcutHandler
{
    Task HandleAsync(MessageShortcutPayload payload, SlackContext context, CancellationToken ct);
}

/// <summary>Handles an Events API event, routed by event type. Events are acknowledged before handlers run.</summary>
public interface ISlackEventHandler
{
    Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct);
}

/// <summary>
/// Handles one Events API event read into its type (<see cref="Payloads.Events.AppContextChanged"/>,
/// <see cref="Payloads.Events.MessageEvent"/>, ...); registered with <c>OnEvent&lt;TEvent, THandler&gt;()</c>.
/// </summary>
public interface ISlackEventHandler<in TEvent> where TEvent : Payloads.Events.ITypedSlackEvent
{
    Task HandleAsync(TEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct);
}
