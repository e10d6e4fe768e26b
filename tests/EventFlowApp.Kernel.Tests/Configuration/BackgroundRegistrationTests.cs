using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Replay;
using EventFlowApp.Kernel.Tests.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Configuration;

public sealed class BackgroundRegistrationTests
{
    /// <summary>
    /// ASP.NET Core validates every registration at start-up in Development. Sagas and asynchronous
    /// subscribers need a processor store only once a processor host asks for them, so a host without one starts.
    /// </summary>
    [Fact]
    public void A_kernel_with_sagas_and_subscribers_but_no_processor_store_passes_start_up_validation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Subscribers.SubscriberLog>().AddSingleton<Subscribers.RecordingNotifier>().AddSingleton<Jobs.JobLog>().AddSingleton<ReadModels.Jobs.UndoLog>();
        services.AddEventFlowApp(o => o.AddDefaults(typeof(Thing).Assembly));

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<InMemoryJobScheduler>(provider.GetRequiredService<IJobScheduler>());
        Assert.IsType<ReplayContext>(provider.GetRequiredService<IReplayContext>());
    }

    [Fact]
    public void The_in_memory_scheduler_is_only_a_default()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IJobScheduler, NoScheduler>();
        services.AddEventFlowApp(o => o.AddThings());

        using var provider = services.BuildServiceProvider();

        Assert.IsType<NoScheduler>(provider.GetRequiredService<IJobScheduler>());
    }

    private sealed class NoScheduler : IJobScheduler
    {
        public Task<string> EnqueueAsync<TJob>(TJob job, string? jobId, CancellationToken cancellationToken) where TJob : class => throw new NotSupportedException();

        public Task<string> ScheduleAsync<TJob>(TJob job, DateTimeOffset runAt, string? jobId, CancellationToken cancellationToken) where TJob : class => throw new NotSupportedException();

        public Task<string> ScheduleAsync<TJob>(TJob job, TimeSpan delay, string? jobId, CancellationToken cancellationToken) where TJob : class => throw new NotSupportedException();

        public Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
