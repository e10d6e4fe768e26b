using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Jobs;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventFlowApp.Kernel.Hangfire.Tests.Support;

/// <summary>
/// A kernel with a real Hangfire server on the test's storage, polling fast so tests are quick. Several
/// hosts on one target are several nodes sharing one queue. Every wait is bounded.
/// </summary>
public sealed class HangfireHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IHost _host;

    private HangfireHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IJobScheduler Scheduler => Services.GetRequiredService<IJobScheduler>();

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    public static async Task<HangfireHost> StartAsync(HangfireTarget target, JobLog log, string node = "node-a", Action<HangfireOptions>? tune = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(new NodeName(node));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        var options = new HangfireOptions
        {
            Provider = target.Provider,
            ConnectionString = target.ConnectionString,
            ServerName = node,
            WorkerCount = 3,
            LongRunningWorkerCount = 1,
            SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            CancellationCheckInterval = TimeSpan.FromMilliseconds(300),
            RetryAttempts = 1,
            RetryDelaysInSeconds = [1],
            ResumeRebuildsOnStart = false,
        };
        tune?.Invoke(options);
        builder.Services.AddEventFlowApp(o => o
            .AddJobHandler<NoteDownHandler>()
            .AddJobHandler<AlwaysFailHandler>()
            .AddJobHandler<HopelessHandler>()
            .AddJobHandler<FailingCheckHandler>()
            .AddJobHandler<WaitForCancellationHandler>()
            .AddJobHandler<LongWaitHandler>()
            .AddJobHandler<UndoableHandler>()
            .UseHangfire(options));
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new HangfireHost(host);
    }

    public string HangfireId(string jobId) =>
        Services.GetRequiredService<HangfireJobScheduler>().FindHangfireId(jobId) ?? throw new InvalidOperationException($"No Hangfire job for {jobId}.");

    public JobDetailsDto Details(string jobId) => Storage.GetMonitoringApi().JobDetails(HangfireId(jobId));

    public string? State(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(HangfireId(jobId))?.Name;
    }

    public string? Parameter(string jobId, string name)
    {
        using var connection = Storage.GetConnection();
        return connection.GetJobParameter(HangfireId(jobId), name);
    }

    /// <summary>Waits until the job is in <paramref name="state"/>; fails with the states it went through if it is not within <see cref="Patience"/>.</summary>
    public async Task WaitForStateAsync(string jobId, string state)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (State(jobId) == state)
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var history = string.Join(" <- ", Details(jobId).History.Select(h => h.StateName + (h.Reason is null ? "" : $" ({h.Reason})")));
        throw new TimeoutException($"Job {jobId} did not reach {state} within {Patience}; its states: {history}");
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails if it does not within <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async Task StopAsync() => await _host.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
