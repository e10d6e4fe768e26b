using EventFlowApp.Kernel.Hangfire.Running;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;

namespace EventFlowApp.Kernel.Hangfire.Recurring;

/// <summary>
/// At start-up: makes Hangfire's recurring jobs match the configuration (added, updated, and ours that
/// are no longer configured removed), and schedules one resume-rebuilds job a lease period ahead, so a
/// rebuild left by a node that died is picked up without waiting for the recurring schedule.
/// </summary>
internal sealed class RecurringJobRegistrar(
    IRecurringJobManagerV2 recurring, JobStorage storage, JobExecutor executor, IJobScheduler scheduler, HangfireOptions options, TrackedProcessorOptions processors)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var wanted = options.RecurringJobs.ToDictionary(j => j.Id, StringComparer.Ordinal);
        foreach (var job in options.RecurringJobs)
        {
            var request = executor.Describe(job.Job, "recurring:" + job.Id);
            recurring.AddOrUpdate(
                job.Id, HangfireJobScheduler.Call(request, executor.Definition(request), options), job.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }

        using (var connection = storage.GetConnection())
        {
            foreach (var existing in connection.GetRecurringJobs())
            {
                if (existing.Job?.Type == typeof(HangfireJobRunner) && !wanted.ContainsKey(existing.Id))
                {
                    recurring.RemoveIfExists(existing.Id);
                }
            }
        }

        if (options.ResumeRebuildsOnStart)
        {
            // A node killed mid-rebuild holds its lease for up to one lease period; look once it has surely lapsed.
            await scheduler.ScheduleAsync(
                new ResumeRebuildsJob(), processors.LeaseDuration + TimeSpan.FromSeconds(1), "resume-rebuilds:start:" + Guid.NewGuid().ToString("N"), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
