using System.Collections.Concurrent;
using EventFlowApp.Kernel.Jobs;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage;

namespace EventFlowApp.Kernel.Hangfire.Filters;

/// <summary>
/// Hangfire's automatic retry, per job type: a job's <see cref="JobRetriesAttribute"/> overrides the
/// configured default, and a <see cref="JobCannotSucceedException"/> is failed at once. The retrying
/// itself is Hangfire's <see cref="AutomaticRetryAttribute"/>, one instance per attempt count.
/// </summary>
internal sealed class JobRetryFilter(JobDefinitionService definitions, HangfireOptions options) : IElectStateFilter, IApplyStateFilter
{
    private readonly ConcurrentDictionary<int, AutomaticRetryAttribute> _retries = new();

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState { Exception: JobCannotSucceedException })
        {
            return;
        }

        For(context.BackgroundJob.Job?.Args).OnStateElection(context);
    }

    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        For(context.BackgroundJob.Job?.Args).OnStateApplied(context, transaction);

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction) =>
        For(context.BackgroundJob.Job?.Args).OnStateUnapplied(context, transaction);

    private AutomaticRetryAttribute For(IReadOnlyList<object>? args)
    {
        var attempts = options.RetryAttempts;
        if (args is [JobRequest request, ..] && definitions.TryGet(request.Name, request.Version, out var definition) && definition.Retries is { } own)
        {
            attempts = own;
        }

        return _retries.GetOrAdd(attempts, n => new AutomaticRetryAttribute
        {
            Attempts = n,
            DelaysInSeconds = options.RetryDelaysInSeconds,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }
}
