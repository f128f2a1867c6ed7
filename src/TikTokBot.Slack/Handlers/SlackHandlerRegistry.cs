using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TikTokBot.Slack.Handlers;

/// <summary>Which handler type serves which command, action id, callback id or event type.</summary>
internal sealed class SlackHandlerRegistry
{
    public Dictionary<string, Type> Commands { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Type> Actions { get; } = new(StringComparer.Ordinal);
    public List<(string Prefix, Type Handler)> ActionPrefixes { get; } = [];
    public Dictionary<string, Type> ViewSubmissions { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> ViewClosings { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> Shortcuts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, Type> MessageShortcuts { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Type>> Events { get; } = new(StringComparer.Ordinal);

    public Type? FindAction(string actionId)
    {
        if (Actions.TryGetValue(actionId, out var exact))
            return exact;
        Type? best = null;
        var bestLength = -1;
        foreach (var (prefix, handler) in ActionPrefixes)
        {
            if (prefix.Length > bestLength && actionId.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = handler;
                bestLength = prefix.Length;
            }
        }
        return best;
    }
}

/// <summary>Registers handlers by what they answer; handlers are resolved from DI (scoped) per request.</summary>
public sealed class SlackHandlerBuilder
{
    private readonly IServiceCollection _services;
    private readonly SlackHandlerRegistry _registry;

    internal SlackHandlerBuilder(IServiceCollection services, SlackHandlerRegistry registry)
    {
        _services = services;
        _registry = registry;
    }

    /// <summary>A slash command such as <c>/ttmetrics</c>.</summary>
    public SlackHandlerBuilder OnCommand<THandler>(string command) where THandler : class, ISlashCommandHandler =>
        Add<THandler>(_registry.Commands, command.StartsWith('/') ? command : "/" + command);

    /// <summary>A block action whose action id equals <paramref name="actionId"/>.</summary>
    public SlackHandlerBuilder OnAction<THandler>(string actionId) where THandler : class, IBlockActionHandler =>
        Add<THandler>(_registry.Actions, actionId);

    /// <summary>One handler for every action id of <paramref name="actionIds"/> (an app's one router for its buttons).</summary>
    public SlackHandlerBuilder OnActions<THandler>(IEnumerable<string> actionIds) where THandler : class, IBlockActionHandler
    {
        foreach (var actionId in actionIds)
        {
            Add<THandler>(_registry.Actions, actionId);
        }

        return this;
    }

    /// <summary>Block actions whose action id starts with <paramref name="prefix"/>; the longest prefix wins, an exact id beats any prefix.</summary>
    public SlackHandlerBuilder OnActionPrefix<THandler>(string prefix) where THandler : class, IBlockActionHandler
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _services.TryAddScoped<THandler>();
        _registry.ActionPrefixes.Add((prefix, typeof(THandler)));
        return this;
    }

    public SlackHandlerBuilder OnViewSubmission<THandler>(string callbackId) where THandler : class, IViewSubmissionHandler =>
        Add<THandler>(_registry.ViewSubmissions, callbackId);

    public SlackHandlerBuilder OnViewClosed<THandler>(string callbackId) where THandler : class, IViewClosedHandler =>
        Add<THandler>(_registry.ViewClosings, callbackId);

    public SlackHandlerBuilder OnShortcut<THandler>(string callbackId) where THandler : class, IShortcutHandler =>
        Add<THandler>(_registry.Shortcuts, callbackId);

    public SlackHandlerBuilder OnMessageShortcut<THandler>(string callbackId) where THandler : class, IMessageShortcutHandler =>
        Add<THandler>(_registry.MessageShortcuts, callbackId);

    /// <summary>An Events API event type such as <c>app_home_opened</c>; several handlers may share one type.</summary>
    public SlackHandlerBuilder OnEvent<THandler>(string eventType) where THandler : class, ISlackEventHandler
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        _services.TryAddScoped<THandler>();
        if (!_registry.Events.TryGetValue(eventType, out var list))
            _registry.Events[eventType] = list = [];
        list.Add(typeof(THandler));
        return this;
    }

    /// <summary>
    /// An event read into its type, such as <see cref="Payloads.Events.AppContextChanged"/>: the type names the event it
    /// answers, so the string cannot be mistyped.
    /// </summary>
    public SlackHandlerBuilder OnEvent<TEvent, THandler>()
        where TEvent : Payloads.Events.ITypedSlackEvent
        where THandler : class, ISlackEventHandler<TEvent>
    {
        _services.TryAddScoped<THandler>();
        return OnEvent<TypedEventHandler<TEvent, THandler>>(TEvent.EventType);
    }

    private SlackHandlerBuilder Add<THandler>(Dictionary<string, Type> table, string key) where THandler : class
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!table.TryAdd(key, typeof(THandler)))
            throw new InvalidOperationException($"A Slack handler is already registered for '{key}'.");
        _services.TryAddScoped<THandler>();
        return this;
    }
}
