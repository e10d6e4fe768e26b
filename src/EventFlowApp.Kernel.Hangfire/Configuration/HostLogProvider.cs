using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace EventFlowApp.Kernel.Hangfire;

/// <summary>
/// Hangfire takes its log provider from a static, so with several hosts in one process (tests, a tool
/// beside a server) a component of one host may ask for a logger after the host whose logger factory
/// was set last has been disposed. Such a late logger is silent instead of an ObjectDisposedException
/// in the middle of a job; with one host per process (production) this never happens.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly global::Hangfire.AspNetCore.AspNetCoreLogProvider _inner = new(factory);

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

        public bool Log(global::Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
