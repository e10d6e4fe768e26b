using System.Collections.Concurrent;
using System.Reflection;
using EventFlowApp.Kernel.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Jobs;

/// <summary>
/// Turns jobs into <see cref="JobRequest"/>s and runs a request: finds the job type by its stored name,
/// reads the payload and calls the one handler in a fresh scope. Every scheduler (in memory, Hangfire)
/// runs jobs through here, so they behave the same; failures are thrown to the scheduler, never hidden.
/// </summary>
public sealed class JobExecutor(JobDefinitionService definitions, IJsonSerializer json, IServiceScopeFactory scopes)
{
    private static readonly MethodInfo RunTypedMethod = typeof(JobExecutor).GetMethod(nameof(RunTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo NotifyTypedMethod = typeof(JobExecutor).GetMethod(nameof(NotifyTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly ConcurrentDictionary<(MethodInfo Method, Type Job), Func<IServiceProvider, object, CancellationToken, Task>> Typed = new();

    public JobRequest Describe<TJob>(TJob job, string jobId)
        where TJob : class
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var definition = definitions.Get(job.GetType());
        return new JobRequest(jobId, definition.Name, definition.Version, json.Serialize(job, definition.Type));
    }

    public JobDefinition Definition(JobRequest request) => definitions.Get(request.Name, request.Version);

    /// <summary>Runs the job in a fresh scope whose <see cref="JobContext"/> carries <paramref name="run"/>; returns the result the job left.</summary>
    public async Task<string?> ExecuteAsync(JobRequest request, IJobRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(run);
        var definition = definitions.Get(request.Name, request.Version);
        var payload = json.Deserialize(request.Payload, definition.Type);
        var execute = For(RunTypedMethod, definition.Type);
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<JobContext>();
        context.Run = run;
        await execute(scope.ServiceProvider, payload, cancellationToken);
        return context.Result;
    }

    /// <summary>
    /// Tells the job's <see cref="IJobCancelledHandler{TJob}"/>, if it has one, that the job was cancelled
    /// before it ran. A job whose name is unknown here has nothing to undo.
    /// </summary>
    public async Task NotifyCancelledAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!definitions.TryGet(request.Name, request.Version, out var definition))
        {
            return;
        }

        var payload = json.Deserialize(request.Payload, definition.Type);
        var notify = For(NotifyTypedMethod, definition.Type);
        await using var scope = scopes.CreateAsyncScope();
        await notify(scope.ServiceProvider, payload, cancellationToken);
    }

    /// <summary>The generic <paramref name="method"/> closed over the job type, compiled once per pair.</summary>
    private static Func<IServiceProvider, object, CancellationToken, Task> For(MethodInfo method, Type jobType) =>
        Typed.GetOrAdd((method, jobType), key => key.Method.MakeGenericMethod(key.Job).CreateDelegate<Func<IServiceProvider, object, CancellationToken, Task>>());

    private static async Task NotifyTypedAsync<TJob>(IServiceProvider services, object payload, CancellationToken cancellationToken)
        where TJob : class
    {
        foreach (var handler in services.GetServices<IJobCancelledHandler<TJob>>())
        {
            await handler.CancelledAsync((TJob)payload, cancellationToken);
        }
    }

    private static Task RunTypedAsync<TJob>(IServiceProvider services, object payload, CancellationToken cancellationToken)
        where TJob : class
    {
        var handlers = services.GetServices<IJobHandler<TJob>>().ToList();
        return handlers.Count switch
        {
            1 => handlers[0].ExecuteAsync((TJob)payload, cancellationToken),
            0 => throw new InvalidOperationException($"No handler is registered for job {typeof(TJob).Name}."),
            _ => throw new InvalidOperationException($"{handlers.Count} handlers are registered for job {typeof(TJob).Name}; a job has exactly one."),
        };
    }
}
