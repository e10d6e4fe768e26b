using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Hangfire.Dashboard;
using EventFlowApp.Kernel.Hangfire.Filters;
using EventFlowApp.Kernel.Hangfire.Recurring;
using EventFlowApp.Kernel.Hangfire.Running;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Hangfire.Storage;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels.Jobs;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace EventFlowApp.Kernel.Hangfire;

public static class HangfireRegistration
{
    /// <summary>
    /// Runs the kernel's jobs on Hangfire: <see cref="IJobScheduler"/>, saga deadlines, scheduled commands
    /// and read-model rebuilds become Hangfire jobs in the configured storage, and (unless
    /// <see cref="HangfireOptions.RunServer"/> is false) this process runs a Hangfire server.
    /// Rebuilds are resumed by a job here, so the processor host stops resuming them itself.
    /// </summary>
    public static EventFlowAppBuilder UseHangfire(this EventFlowAppBuilder builder, HangfireOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        services.AddSingleton(options);

        // Hangfire keeps its storage, activator and filters in statics by default; registering our own
        // first (AddHangfire only tries to add them) gives each host its own, as two hosts in one
        // process (tests, a CLI next to a server) need.
        services.AddSingleton<JobStorage>(_ => HangfireStorageFactory.Create(options));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(sp => Filters(sp, options));
        services.AddHangfire((sp, configuration) => configuration
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseEventFlowAppDashboard());

        services.AddTransient<HangfireJobRunner>();
        services.AddSingleton<HangfireJobScheduler>();
        services.Replace(ServiceDescriptor.Singleton<IJobScheduler>(sp => sp.GetRequiredService<HangfireJobScheduler>()));
        services.AddSingleton<RebuildsRunAsJobs>();
        services.AddHostedService<RecurringJobRegistrar>();
        if (options.RunServer)
        {
            // Two servers: short jobs (deadlines, commands, checks) never wait for a worker held by a rebuild.
            AddServer(services, options, options.Queue, options.WorkerCount, "", lightweight: false);
            AddServer(services, options, options.LongRunningQueue, options.LongRunningWorkerCount, ":long-running", lightweight: true);
        }

        return builder;
    }

    /// <remarks>
    /// The second server is lightweight: workers only. The schedulers and the storage's upkeep (expiry,
    /// counters) run once per node, so they do not contend with themselves for the storage's locks.
    /// </remarks>
    private static void AddServer(IServiceCollection services, HangfireOptions options, string queue, int workers, string suffix, bool lightweight) =>
        services.AddHangfireServer((sp, server) =>
        {
            server.IsLightweightServer = lightweight;
            server.ServerName = (options.ServerName ?? sp.GetService<TrackedProcessorOptions>()?.NodeId ?? server.ServerName) + suffix;
            server.WorkerCount = workers;
            server.Queues = [queue];
            server.SchedulePollingInterval = options.SchedulePollingInterval;
            server.CancellationCheckInterval = options.CancellationCheckInterval;
        });

    private static JobFilterCollection Filters(IServiceProvider services, HangfireOptions options)
    {
        var filters = new JobFilterCollection
        {
            new JobRetryFilter(services.GetRequiredService<JobDefinitionService>(), options),
            new JobIdExpiryFilter(),
            new JobCancelledFilter(services.GetRequiredService<JobExecutor>()),
            new StatisticsHistoryAttribute(),
            new ContinuationsSupportAttribute(),
        };
        return filters;
    }
}
