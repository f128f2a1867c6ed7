using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TikTokBot.Tests;

/// <summary>One captured log entry, with its exception written out in full (type, message and stack).</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Message, string? Exception);

/// <summary>Keeps every log entry the app writes at Debug or above, for tests that scan logs.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    /// <summary>Entries at Error or above: a failure nobody handled.</summary>
    public IReadOnlyList<CapturedLog> Errors => _entries.Where(e => e.Level >= LogLevel.Error).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception), exception?.ToString()));
            }
        }
    }
}
