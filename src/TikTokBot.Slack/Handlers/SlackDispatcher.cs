using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TikTokBot.Slack.BlockKit;
using TikTokBot.Slack.Payloads;
using TikTokBot.Slack.WebApi;

namespace TikTokBot.Slack.Handlers;

/// <summary>
/// Routes each payload to its handler and returns the acknowledgement as soon as there is one: the handler's
/// own ack, an implicit empty ack when it returns without one, or an empty ack with a warning when the
/// deadline passes. Whatever the handler still does after the ack runs on as tracked background work.
/// HTTP and Socket Mode both call this.
/// </summary>
public sealed partial class SlackDispatcher
{
    private readonly SlackHandlerRegistry _registry;
    private readonly IServiceScopeFactory _scopes;
    private readonly SlackBackgroundWork _work;
    private readonly ResponseUrlClient _responseUrls;
    private readonly ISlackWebApiFactory _apis;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackDispatcher> _logger;
    private readonly SocketMode.RecentIds _seenEvents = new(4096);
    private readonly SemaphoreSlim _handlerSlots;

    internal SlackDispatcher(
        SlackHandlerRegistry registry, IServiceScopeFactory scopes, SlackBackgroundWork work, ResponseUrlClient responseUrls,
        ISlackWebApiFactory apis, IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackDispatcher> logger)
    {
        _registry = registry;
        _scopes = scopes;
        _work = work;
        _responseUrls = responseUrls;
        _apis = apis;
        _options = options;
        _time = time;
        _logger = logger;
        _handlerSlots = new SemaphoreSlim(Math.Max(1, options.CurrentValue.MaxConcurrentHandlers));
    }

    public Task<SlackAckResponse> DispatchCommandAsync(SlashCommand command)
    {
        var ctx = NewContext(command.EnterpriseId, command.TeamId, command.UserId, command.ChannelId, command.ResponseUrl, command.TriggerId);
        if (!_registry.Commands.TryGetValue(command.Command, out var handlerType))
        {
            LogNoHandler(_logger, "command", command.Command);
            ctx.Ack(new SlackMessage { ResponseType = "ephemeral", Text = $"Sorry, {Mrkdwn.Escape(command.Command)} is not something I can do." });
            return ctx.Acknowledged;
        }
        return RunAsync(ctx, handlerType, command, "command", command.Command,
            static (handler, payload, c, ct) => ((ISlashCommandHandler)handler).HandleAsync(payload, c, ct));
    }

    public Task<SlackAckResponse> DispatchInteractionAsync(InteractionPayload payload) => payload switch
    {
        BlockActionsPayload actions => DispatchActions(actions),
        ViewSubmissionPayload submission => Route(payload, _registry.ViewSubmissions, submission.View.CallbackId, null,
            static (h, p, c, ct) => ((IViewSubmissionHandler)h).HandleAsync((ViewSubmissionPayload)p, c, ct)),
        ViewClosedPayload closed => Route(payload, _registry.ViewClosings, closed.View.CallbackId, null,
            static (h, p, c, ct) => ((IViewClosedHandler)h).HandleAsync((ViewClosedPayload)p, c, ct)),
        ShortcutPayload shortcut => Route(payload, _registry.Shortcuts, shortcut.CallbackId, null,
            static (h, p, c, ct) => ((IShortcutHandler)h).HandleAsync((ShortcutPayload)p, c, ct)),
        MessageShortcutPayload shortcut => Route(payload, _registry.MessageShortcuts, shortcut.CallbackId, shortcut.Channel?.Id,
            static (h, p, c, ct) => ((IMessageShortcutHandler)h).HandleAsync((MessageShortcutPayload)p, c, ct), shortcut.ResponseUrl),
        _ => throw new SlackPayloadException("unsupported_interaction_type"),
    };

    /// <summary>
    /// Events are acknowledged at once; their handlers run as tracked background work, each in a handler slot like
    /// commands and interactions (waiting up to the ack timeout for one, then dropped with a warning). A retry of an
    /// event id already seen is acknowledged without running the handlers again. An event without a team id is
    /// refused: every handler works for one workspace and must not guess which.
    /// </summary>
    public Task<SlackAckResponse> DispatchEventAsync(EventCallback callback)
    {
        var evt = callback.Event ?? throw new SlackPayloadException("missing_event");
        if (string.IsNullOrEmpty(callback.TeamId))
            throw new SlackPayloadException("missing_team_id");
        var ctx = NewContext(callback.EnterpriseId, callback.TeamId, evt.User, evt.Channel, null, null);
        ctx.Ack();
        if (callback.EventId is { Length: > 0 } eventId && !_seenEvents.Add(eventId))
        {
            LogDuplicateEvent(_logger, eventId, evt.Type);
            return ctx.Acknowledged;
        }
        if (!_registry.Events.TryGetValue(evt.Type, out var handlers))
        {
            LogNoHandler(_logger, "event", evt.Type);
            return ctx.Acknowledged;
        }
        return RunEventHandlersAsync(ctx, callback, handlers);
    }

    private async Task<SlackAckResponse> RunEventHandlersAsync(SlackContext ctx, EventCallback callback, List<Type> handlers)
    {
        foreach (var handlerType in handlers)
        {
            if (!await TakeSlotAsync("event", callback.Event!.Type))
                continue;
            StartInSlot(InvokeAsync(ctx, handlerType, callback, "event", callback.Event!.Type,
                static (h, cb, c, ct) => ((ISlackEventHandler)h).HandleAsync(cb.Event!, cb, c, ct)));
        }
        return await ctx.Acknowledged;
    }

    /// <summary>
    /// Completes when no handler is running, the work handlers go on with after their ack included: the signal that
    /// everything a request led to (answers, retries, failure notices) is done.
    /// </summary>
    public Task WhenHandlersIdleAsync(CancellationToken ct) => _work.WhenIdleAsync(ct);

    private Task<SlackAckResponse> DispatchActions(BlockActionsPayload payload)
    {
        var ctx = NewContext(payload.Enterprise?.Id, payload.Team?.Id ?? payload.User?.TeamId, payload.User?.Id,
            payload.Channel?.Id ?? payload.Container?.ChannelId, payload.ResponseUrl, payload.TriggerId);
        // Slack sends one action per press; only the first one with a handler runs, so one request is one answer
        // and one acknowledgement (a second handler's ack would throw).
        var routed = new List<(BlockAction Action, Type Handler)>(1);
        foreach (var action in payload.Actions)
        {
            if (routed.Count == 0 && _registry.FindAction(action.ActionId) is { } handlerType)
                routed.Add((action, handlerType));
            else
                LogNoHandler(_logger, "action", action.ActionId);
        }
        if (routed.Count == 0)
        {
            ctx.Ack();
            return ctx.Acknowledged;
        }
        // Each action resolves its own handler, so no single handler type is passed down.
        return RunAsync(ctx, null, (payload, routed, _scopes), "action", routed[0].Action.ActionId,
            static async (_, state, c, ct) =>
            {
                foreach (var (action, handlerType) in state.routed)
                {
                    await using var scope = state._scopes.CreateAsyncScope();
                    var handler = (IBlockActionHandler)scope.ServiceProvider.GetRequiredService(handlerType);
                    await handler.HandleAsync(action, state.payload, c, ct);
                }
            });
    }

    private Task<SlackAckResponse> Route(
        InteractionPayload payload, Dictionary<string, Type> table, string? callbackId, string? channelId,
        Func<object, InteractionPayload, SlackContext, CancellationToken, Task> invoke, string? responseUrl = null)
    {
        var ctx = NewContext(payload.Enterprise?.Id, payload.Team?.Id ?? payload.User?.TeamId, payload.User?.Id, channelId, responseUrl,
            payload.TriggerId);
        if (callbackId is null || !table.TryGetValue(callbackId, out var handlerType))
        {
            LogNoHandler(_logger, payload.Type, callbackId ?? "");
            ctx.Ack();
            return ctx.Acknowledged;
        }
        return RunAsync(ctx, handlerType, payload, payload.Type, callbackId, invoke);
    }

    private SlackContext NewContext(
        string? enterpriseId, string? teamId, string? userId, string? channelId, string? responseUrl, string? triggerId) =>
        new(enterpriseId, teamId, userId, channelId, responseUrl, triggerId, _responseUrls, _apis, _time.GetUtcNow());

    private async Task<SlackAckResponse> RunAsync<TPayload>(
        SlackContext ctx, Type? handlerType, TPayload payload, string kind, string key,
        Func<object, TPayload, SlackContext, CancellationToken, Task> invoke)
    {
        if (!await TakeSlotAsync(kind, key))
        {
            if (kind == "command")
                ctx.Ack(new SlackMessage { ResponseType = "ephemeral", Text = "I am answering a lot of requests right now and could not take yours. Please try again in a minute." });
            else
                ctx.TryAckOnTimeout();
            return await ctx.Acknowledged;
        }

        var handlerTask = InvokeAsync(ctx, handlerType, payload, kind, key, invoke);
        StartInSlot(handlerTask);

        if (!ctx.Acknowledged.IsCompleted)
        {
            if (handlerTask.IsCompleted)
            {
                ctx.TryAckImplicitly();
            }
            else
            {
                using var timer = new CancellationTokenSource();
                var deadline = Task.Delay(_options.CurrentValue.AckTimeout, _time, timer.Token);
                var first = await Task.WhenAny(ctx.Acknowledged, handlerTask, deadline);
                await timer.CancelAsync();
                if (first == deadline && ctx.TryAckOnTimeout())
                    LogAckTimeout(_logger, kind, key, _options.CurrentValue.AckTimeout);
                else if (first == handlerTask)
                    ctx.TryAckImplicitly();
            }
        }
        return await ctx.Acknowledged;
    }

    /// <summary>Waits up to the ack timeout for a handler slot; false (logged) when none came free.</summary>
    private async Task<bool> TakeSlotAsync(string kind, string key)
    {
        if (await _handlerSlots.WaitAsync(_options.CurrentValue.AckTimeout))
            return true;
        LogBusy(_logger, kind, key, _options.CurrentValue.MaxConcurrentHandlers);
        return false;
    }

    /// <summary>Frees the slot when the handler ends, and keeps shutdown waiting for it while it runs.</summary>
    private void StartInSlot(Task handlerTask)
    {
        SlackTelemetry.HandlerSlotsInUse.Add(1);
        if (handlerTask.IsCompleted)
        {
            // A handler that finished before its ack (a cached reply) frees its slot now: no continuation to schedule.
            _handlerSlots.Release();
            SlackTelemetry.HandlerSlotsInUse.Add(-1);
            return;
        }

        _ = handlerTask.ContinueWith(static (_, slots) => { ((SemaphoreSlim)slots!).Release(); SlackTelemetry.HandlerSlotsInUse.Add(-1); }, _handlerSlots,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _work.Track(handlerTask);
    }

    private async Task InvokeAsync<TPayload>(
        SlackContext ctx, Type? handlerType, TPayload payload, string kind, string key,
        Func<object, TPayload, SlackContext, CancellationToken, Task> invoke)
    {
        // One span for the handler and all it does after the ack: its TikTok and Slack calls become its children.
        // The span's name is built only when something listens: a request nobody traces allocates no string for it.
        using var activity = SlackTelemetry.Source.HasListeners() ? SlackTelemetry.Source.StartActivity($"slack {kind} {key}") : null;
        try
        {
            if (handlerType is null)
            {
                await invoke(null!, payload, ctx, _work.StoppingToken);
                return;
            }
            await using var scope = _scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetRequiredService(handlerType);
            await invoke(handler, payload, ctx, _work.StoppingToken);
        }
        catch (Exception ex)
        {
            var reference = HandlerFailureNotice.NewReference();
            LogHandlerFailed(_logger, ex, kind, key, ctx.TeamId, ctx.IsAcknowledged, reference);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            await TellThePersonAsync(ctx, kind, key, reference);
        }
    }

    /// <summary>
    /// Tells the person who triggered a failed handler, in the first place they will see it: the ack itself while
    /// it is still open (a command's private answer, a modal pushed over a submitted form), otherwise the request's
    /// response_url, otherwise a private message in the event's channel, otherwise a direct message.
    /// </summary>
    private async Task TellThePersonAsync(SlackContext ctx, string kind, string key, string reference)
    {
        if (kind == "command" && ctx.TryAck(HandlerFailureNotice.Message(reference)))
            return;
        if (kind == "view_submission" && ctx.TryAck(ViewSubmissionResponse.Push(HandlerFailureNotice.Modal(reference))))
            return;
        ctx.TryAckImplicitly();
        // On a forced shutdown the failure is the cancellation itself; there is nobody left to send with.
        var ct = _work.StoppingToken;
        if (ct.IsCancellationRequested)
            return;
        var message = HandlerFailureNotice.Message(reference);
        try
        {
            if (!string.IsNullOrEmpty(ctx.ResponseUrl))
                await ctx.RespondAsync(message, ct);
            else if (string.IsNullOrEmpty(ctx.UserId))
                LogNobodyToTell(_logger, kind, key, reference);
            else
            {
                var api = await ctx.GetApiAsync(ct);
                if (!string.IsNullOrEmpty(ctx.ChannelId))
                    await api.PostEphemeralAsync(ctx.UserId, message with { Channel = ctx.ChannelId }, ct);
                else
                    await api.PostMessageAsync(message with { Channel = ctx.UserId, ResponseType = null, ReplaceOriginal = null }, ct);
            }
        }
        catch (Exception ex)
        {
            LogNoticeFailed(_logger, ex, kind, key, reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event {EventId} ({EventType}) was already handled; acknowledged only")]
    private static partial void LogDuplicateEvent(ILogger logger, string eventId, string eventType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Kind} {Key} turned away: {Limit} handlers already running")]
    private static partial void LogBusy(ILogger logger, string kind, string key, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "No Slack handler for {Kind} {Key}")]
    private static partial void LogNoHandler(ILogger logger, string kind, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Kind} {Key} was not acknowledged within {Timeout}; sent an empty ack")]
    private static partial void LogAckTimeout(ILogger logger, string kind, string key, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack handler for {Kind} {Key} failed, reference {Reference} (team {TeamId}, acknowledged {Acknowledged})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string kind, string key, string? teamId, bool acknowledged, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell anyone that the Slack handler for {Kind} {Key} failed, reference {Reference}")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string kind, string key, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failed Slack {Kind} {Key} (reference {Reference}) names no user to tell")]
    private static partial void LogNobodyToTell(ILogger logger, string kind, string key, string reference);
}
