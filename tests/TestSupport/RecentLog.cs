using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.TestSupport;

/// <summary>The app's last warnings and errors, kept in memory so that a test which times out can say what the server
/// saw (the test runner does not show the app's console). Bounded: the oldest entries drop out.</summary>
public sealed class RecentLog : ILoggerProvider
{
    private const int Capacity = 200;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Text)> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The entries logged at or after <paramref name="since"/>, oldest first, one per line.</summary>
    public string Since(DateTimeOffset since)
    {
        var lines = _entries.Where(e => e.At >= since).Select(e => $"{e.At:HH:mm:ss.fff} {e.Text}").ToList();
        return lines.Count == 0 ? "(no warning or error logged)" : string.Join(Environment.NewLine, lines);
    }

    public void Dispose() { }

    private void Add(string entry)
    {
        _entries.Enqueue((DateTimeOffset.UtcNow, entry));
        while (_entries.Count > Capacity && _entries.TryDequeue(out _)) { }
    }

    private sealed class Logger(RecentLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var entry = $"{logLevel} {category}: {formatter(state, exception)}";
            if (exception is not null)
                entry += $" [{exception.GetType().Name}: {exception.Message}]";
            log.Add(entry);
        }
    }
}
