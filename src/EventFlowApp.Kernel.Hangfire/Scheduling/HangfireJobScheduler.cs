using EventFlowApp.Kernel.Hangfire.Running;
using EventFlowApp.Kernel.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace EventFlowApp.Kernel.Hangfire.Scheduling;

/// <summary>
/// <see cref="IJobScheduler"/> on Hangfire. Every job is the same Hangfire call, <see cref="HangfireJobRunner.RunAsync"/>
/// with a <see cref="JobRequest"/> (stable name, version, JSON payload), so renaming a job class never
/// breaks a queued job. A caller's job id is mapped to Hangfire's (<see cref="JobIdMap"/>): scheduling a
/// known id again creates nothing, and cancelling by our id deletes the Hangfire job, which also
/// cancels a running one's token.
/// </summary>
public sealed class HangfireJobScheduler(IBackgroundJobClientV2 client, JobStorage storage, JobExecutor executor, TimeProvider time, HangfireOptions options)
    : IJobScheduler
{
    private readonly JobIdMap _ids = new(storage);

    public Task<string> EnqueueAsync<TJob>(TJob job, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        Task.FromResult(Create(job, jobId, runAt: null));

    public Task<string> ScheduleAsync<TJob>(TJob job, DateTimeOffset runAt, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        Task.FromResult(Create(job, jobId, runAt));

    public Task<string> ScheduleAsync<TJob>(TJob job, TimeSpan delay, string? jobId, CancellationToken cancellationToken)
        where TJob : class =>
        ScheduleAsync(job, time.GetUtcNow() + delay, jobId, cancellationToken);

    public Task<bool> CancelAsync(string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        using var connection = storage.GetConnection();
        if (JobIdMap.Read(connection, jobId) is not { } hangfireId)
        {
            return Task.FromResult(false);
        }

        var state = connection.GetStateData(hangfireId)?.Name;
        if (state is null || JobStates.IsOver(state))
        {
            return Task.FromResult(false);
        }

        // Only from the state just read: a job that finished meanwhile stays finished.
        return Task.FromResult(client.ChangeState(hangfireId, new DeletedState { Reason = "Cancelled" }, state));
    }

    /// <summary>The Hangfire id behind one of our job ids (its page in the dashboard is /hangfire/jobs/details/{id}), or null when there is none.</summary>
    public string? FindHangfireId(string jobId) => _ids.Find(jobId);

    /// <summary>The Hangfire call for a request, on the queue its job type belongs to (also used for recurring jobs).</summary>
    internal static Job Call(JobRequest request, JobDefinition definition, HangfireOptions options)
    {
        var call = Job.FromExpression<HangfireJobRunner>(r => r.RunAsync(request, null!, CancellationToken.None));
        return new Job(call.Type, call.Method, call.Args, definition.LongRunning ? options.LongRunningQueue : options.Queue);
    }

    private string Create<TJob>(TJob job, string? jobId, DateTimeOffset? runAt)
        where TJob : class
    {
        var request = executor.Describe(job, jobId ?? "job-" + Guid.NewGuid().ToString("D"));
        var call = Call(request, executor.Definition(request), options);
        var parameters = new Dictionary<string, object> { [JobIdMap.JobIdParameter] = request.JobId };
        IState state = new EnqueuedState(call.Queue);
        if (runAt is { } due)
        {
            parameters[HangfireJobRunner.NotBeforeParameter] = due.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            if (due > time.GetUtcNow())
            {
                state = new ScheduledState(due.UtcDateTime);
            }
        }

        _ = _ids.GetOrCreate(request.JobId, () => client.Create(call, state, parameters));
        return request.JobId;
    }
}
