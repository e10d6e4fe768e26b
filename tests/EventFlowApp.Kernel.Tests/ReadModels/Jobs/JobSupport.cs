using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Kernel.ReadModels.InMemory;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.ReadModels.Jobs;

/// <summary>Running jobs in tests: through the executor (the handler alone) or the in-memory scheduler (retries, cancel, dedup).</summary>
public static class JobSupport
{
    public static InMemoryJobScheduler Scheduler(this ReadModelHost host) => host.Kernel.Get<InMemoryJobScheduler>();

    public static ReadModelJobs Starter(this ReadModelHost host) => host.Kernel.Get<ReadModelJobs>();

    /// <summary>Fails rather than hangs when a job never ends (a regression in cancellation, say).</summary>
    /// <summary>The id of the job that fills a generation from a position (the generation's creation time is part of it).</summary>
    public static async Task<string> GenerationJobIdAsync(this ReadModelHost host, string readModel, int generation, long fromPosition) =>
        RunGenerationJob.JobIdFor((await host.Generations.GetAsync(readModel, generation, KernelHost.Ct))!, fromPosition);

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static Task WhenIdleAsync(this ReadModelHost host) => host.Scheduler().WhenIdleAsync(KernelHost.Ct).WaitAsync(Patience, KernelHost.Ct);

    /// <summary>Runs the job's handler now, in this test, as a scheduler would (own scope, JobContext); returns its result.</summary>
    public static Task<string?> RunJobAsync<TJob>(this ReadModelHost host, TJob job, IJobRun? run = null, CancellationToken? cancellationToken = null)
        where TJob : class
    {
        var executor = host.Kernel.Get<JobExecutor>();
        run ??= new DetachedJobRun("test-run");
        return executor.ExecuteAsync(executor.Describe(job, run.JobId), run, cancellationToken ?? KernelHost.Ct);
    }

    public static IReadOnlyList<JobInfo> GenerationJobs(this ReadModelHost host) =>
        host.Scheduler().Jobs.Where(j => j.Request.Name == "read-model-generation").OrderBy(j => j.JobId, StringComparer.Ordinal).ToList();

    /// <summary>Registers a wrapper of the in-memory store as every store, on the host's (fake) clock so leases and activity times agree with the test's.</summary>
    public static IServiceCollection AddStoreOnTheHostClock<TStore>(
        this IServiceCollection services, Func<TimeProvider, TStore> create, Func<TStore, InMemoryReadModelStore> inner)
        where TStore : class, IReadModelStore
    {
        services.AddSingleton(sp => create(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadModelStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IReadModelGenerationStore>(sp => inner(sp.GetRequiredService<TStore>()));
        services.AddSingleton<IProcessorStore>(sp => inner(sp.GetRequiredService<TStore>()));
        return services;
    }

    public static IServiceCollection AddGatedReadModelStore(this IServiceCollection services) =>
        services.AddStoreOnTheHostClock(time => new GatedStore(time), s => s.Inner);
}

/// <summary>
/// The in-memory store, with a gate that holds every batch of the generations from a number on (the
/// rebuilds; live generation 1 passes) until opened, so a test sees a rebuild job while it runs. A held
/// batch gives up when its token is cancelled, as a database call would.
/// </summary>
public sealed class GatedStore(TimeProvider time) : IReadModelStore
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdFrom = int.MaxValue;
    private int _held;

    public InMemoryReadModelStore Inner { get; } = new(time);

    /// <summary>Completes when the first batch is held.</summary>
    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Held => Volatile.Read(ref _held);

    public void HoldFrom(int generation) => Volatile.Write(ref _holdFrom, generation);

    public void Open() => _open.TrySetResult();

    public Task<TReadModel?> GetAsync<TReadModel>(string id, ReadModelView view, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => Inner.GetAsync<TReadModel>(id, view, cancellationToken);

    public Task<IReadOnlyList<TResult>> QueryAsync<TReadModel, TResult>(
        ReadModelView view, Func<IQueryable<TReadModel>, IQueryable<TResult>> query, CancellationToken cancellationToken)
        where TReadModel : class, IReadModel => Inner.QueryAsync(view, query, cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadModel>> LoadAsync(
        ReadModelDefinition definition, int generation, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (generation >= Volatile.Read(ref _holdFrom) && !_open.Task.IsCompleted)
        {
            Interlocked.Increment(ref _held);
            Reached.TrySetResult();
            await _open.Task.WaitAsync(cancellationToken);
        }

        return await Inner.LoadAsync(definition, generation, ids, cancellationToken);
    }

    public Task CommitAsync(ReadModelChanges changes, CancellationToken cancellationToken) => Inner.CommitAsync(changes, cancellationToken);
}

/// <summary>A run stopped by its node shutting down: the token fires after the first progress report, and nobody cancelled it on purpose.</summary>
public sealed class ShutdownAfterFirstBatch(string jobId) : IJobRun, IDisposable
{
    private readonly CancellationTokenSource _shutdown = CancellationTokenSource.CreateLinkedTokenSource(KernelHost.Ct);

    public string JobId { get; } = jobId;

    public CancellationToken Token => _shutdown.Token;

    public List<JobProgress> Reports { get; } = [];

    public void ReportProgress(JobProgress progress)
    {
        Reports.Add(progress);
        _shutdown.Cancel();
    }

    public bool IsCancelledByOperator() => false;

    public void Dispose() => _shutdown.Dispose();
}
