using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Hangfire's log provider is process-wide (static); each host that starts sets its own. When two hosts live in
/// one process (the test suite) and the one that set it is disposed, its logger factory is gone: asking it for a logger
/// would throw inside the other host's jobs. This provider answers with a silent logger instead.</summary>
internal sealed class HangfireLogging(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
