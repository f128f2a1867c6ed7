using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Handlers;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.Tests.Infrastructure;

namespace TikTokBot.Slack.Tests.Handlers;

/// <summary>Lets a test hold a handler at a point and release it.</summary>
public sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public void Open() => _open.TrySetResult();
    public Task WaitAsync(CancellationToken ct) => _open.Task.WaitAsync(ct);
}

public sealed class InlineAnswer(CallLog log) : ISlashCommandHandler
{
    public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        log.Add("inline " + command.Text);
        context.Ack(new MessageBuilder().Text("Metrics for " + Mrkdwn.Escape(command.Text)).InChannel().BuildSingle());
        return Task.CompletedTask;
    }
}

public sealed class AckThenRespond(CallLog log, Gate gate) : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        log.Add("acking");
        context.Ack();
        await gate.WaitAsync(ct);
        await context.RespondAsync(new SlackMessage { Text = "Report ready", ReplaceOriginal = true }, ct);
        log.Add("responded");
    }
}

public sealed class NoAck(CallLog log) : ISlashCommandHandler
{
    public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        log.Add("returned without ack");
        return Task.CompletedTask;
    }
}

public sealed class DoubleAck(CallLog log) : ISlashCommandHandler
{
    public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        try
        {
            context.Ack(new SlackMessage { Text = "second" });
        }
        catch (SlackAckException)
        {
            log.Add("second ack refused");
        }
        return Task.CompletedTask;
    }
}

public sealed class SlowToAck(CallLog log, Gate gate) : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            context.Ack(new SlackMessage { Text = "too late" });
        }
        catch (SlackAckException)
        {
            log.Add("late ack refused");
        }
    }
}

public sealed class Throws : ISlashCommandHandler
{
    public Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct) =>
        throw new InvalidOperationException("handler bug");
}

public sealed class RespondSixTimes(CallLog log) : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        for (var i = 1; i <= 6; i++)
        {
            try
            {
                await context.RespondAsync(new SlackMessage { Text = "part " + i }, ct);
                log.Add("responded " + i);
            }
            catch (SlackResponseUrlException)
            {
                log.Add("refused " + i);
            }
        }
    }
}

public sealed class SayInChannel(CallLog log) : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        var posted = await context.SayAsync(new SlackMessage { Text = "Daily digest" }, ct);
        log.Add("said " + posted.Ts);
    }
}

public sealed class SlowBackground(CallLog log, Gate gate) : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        await gate.WaitAsync(ct);
        log.Add("background finished");
    }
}

public sealed class ActionRecorder(CallLog log) : IBlockActionHandler
{
    public Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add($"exact {action.ActionId}");
        return Task.CompletedTask;
    }
}

public sealed class PrefixRecorder(CallLog log) : IBlockActionHandler
{
    public Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add($"prefix {action.ActionId} {action.Value}");
        return Task.CompletedTask;
    }
}

public sealed class LongPrefixRecorder(CallLog log) : IBlockActionHandler
{
    public Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add($"long-prefix {action.ActionId}");
        return Task.CompletedTask;
    }
}

public sealed class SubmissionValidator(CallLog log) : IViewSubmissionHandler
{
    public Task HandleAsync(ViewSubmissionPayload payload, SlackContext context, CancellationToken ct)
    {
        var hour = payload.View.ValueOf("hour", "hour_input");
        log.Add("submitted " + hour);
        if (hour is not "9")
            context.Ack(ViewSubmissionResponse.WithErrors(new Dictionary<string, string> { ["hour"] = "Pick an hour between 0 and 23." }));
        return Task.CompletedTask;
    }
}

public sealed class ClosedRecorder(CallLog log) : IViewClosedHandler
{
    public Task HandleAsync(ViewClosedPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add("closed " + payload.View.CallbackId);
        return Task.CompletedTask;
    }
}

public sealed class ShortcutRecorder(CallLog log) : IShortcutHandler
{
    public Task HandleAsync(ShortcutPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add("shortcut " + payload.CallbackId);
        return Task.CompletedTask;
    }
}

public sealed class MessageShortcutRecorder(CallLog log) : IMessageShortcutHandler
{
    public Task HandleAsync(MessageShortcutPayload payload, SlackContext context, CancellationToken ct)
    {
        log.Add($"message shortcut {payload.CallbackId} {context.ChannelId}");
        return Task.CompletedTask;
    }
}

public sealed class HomeOpened(CallLog log) : ISlackEventHandler
{
    public Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        log.Add($"home opened by {slackEvent.User} in {callback.TeamId}");
        return Task.CompletedTask;
    }
}

public sealed class FailsAfterAck : ISlashCommandHandler
{
    public async Task HandleAsync(SlashCommand command, SlackContext context, CancellationToken ct)
    {
        context.Ack();
        await Task.Yield();
        throw new InvalidOperationException("background bug");
    }
}

public sealed class ThrowingAction : IBlockActionHandler
{
    public Task HandleAsync(BlockAction action, BlockActionsPayload payload, SlackContext context, CancellationToken ct) =>
        throw new InvalidOperationException("button bug");
}

public sealed class ThrowingSubmission : IViewSubmissionHandler
{
    public Task HandleAsync(ViewSubmissionPayload payload, SlackContext context, CancellationToken ct) =>
        throw new InvalidOperationException("modal bug");
}

public sealed class ThrowingShortcut : IShortcutHandler
{
    public Task HandleAsync(ShortcutPayload payload, SlackContext context, CancellationToken ct) =>
        throw new InvalidOperationException("shortcut bug");
}

public sealed class ThrowingEvent : ISlackEventHandler
{
    public Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct) =>
        throw new InvalidOperationException("home bug");
}

public sealed class SlowEvent(CallLog log, Gate gate) : ISlackEventHandler
{
    public async Task HandleAsync(SlackEvent slackEvent, EventCallback callback, SlackContext context, CancellationToken ct)
    {
        log.Add("event started " + callback.EventId);
        await gate.WaitAsync(ct);
        log.Add("event finished " + callback.EventId);
    }
}
