using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Kernel.Processors.Jobs;

/// <summary>
/// Checks every processor that should be running (live and building read-model generations, sagas,
/// subscribers); a stopped one, or one behind the head that has not moved for <see cref="StuckAfter"/>,
/// fails the job with the reasons, so it shows in the scheduler's failed list.
/// </summary>
[JobName("processor-health", 1)]
[JobRetries(0)]
public sealed record CheckProcessorHealthJob(TimeSpan StuckAfter);

public sealed class CheckProcessorHealthJobHandler(
    ProcessorMonitor monitor, IReadModelGenerationStore generations, TrackedProcessorOptions options, TimeProvider time, JobContext context)
    : IJobHandler<CheckProcessorHealthJob>
{
    public async Task ExecuteAsync(CheckProcessorHealthJob job, CancellationToken cancellationToken)
    {
        var ended = (await generations.ListAsync(null, cancellationToken))
            .Where(g => g.State is not (GenerationState.Live or GenerationState.Building))
            .Select(g => g.ProcessorName)
            .ToHashSet(StringComparer.Ordinal);
        var first = await WatchedAsync(ended, cancellationToken);
        // Suspects and where they stood at the first look.
        var suspects = first.Where(s => IsBehindAndQuiet(s, job.StuckAfter)).ToDictionary(s => s.Processor.Name, s => s.Processor.Position, StringComparer.Ordinal);

        // A processor far from the head may just be between two polls: look again a few polls later and
        // report only what still has not moved.
        var second = first;
        if (suspects.Count > 0)
        {
            await Task.Delay(options.PollInterval * 3, time, cancellationToken);
            second = await WatchedAsync(ended, cancellationToken);
        }

        var problems = new List<string>();
        var now = time.GetUtcNow();
        foreach (var status in second)
        {
            var processor = status.Processor;
            if (processor.State == ProcessorRunState.Stopped)
            {
                var error = processor.LastError;
                problems.Add($"{processor.Name} is stopped at position {error?.Position:N0} on {error?.EventName}: {error?.Error}");
            }
            else if (suspects.TryGetValue(processor.Name, out var before) && before == processor.Position && IsBehindAndQuiet(status, job.StuckAfter))
            {
                var who = status.IsRunning(now) ? $"held by {processor.LeaseOwner}" : "no node holds it";
                problems.Add($"{processor.Name} is {status.Lag:N0} events behind and has not moved since {processor.UpdatedAt:u} ({who})");
            }
        }

        if (problems.Count > 0)
        {
            throw new ProcessorHealthException(problems);
        }

        var parked = second.Sum(s => s.Processor.ParkedCount);
        context.Result = $"{second.Count} processors healthy; largest lag {(second.Count == 0 ? 0 : second.Max(s => s.Lag)):N0} events"
            + (parked > 0 ? $"; {parked} parked events wait for an operator." : ".");
    }

    private async Task<List<ProcessorStatus>> WatchedAsync(HashSet<string> ended, CancellationToken cancellationToken) =>
        (await monitor.GetStatusAsync(cancellationToken))
            .Where(s => !ended.Contains(s.Processor.Name) && s.Processor.State != ProcessorRunState.Completed)
            .ToList();

    private bool IsBehindAndQuiet(ProcessorStatus status, TimeSpan stuckAfter) =>
        status.Processor.State == ProcessorRunState.Active && status.Lag > 0 && time.GetUtcNow() - status.Processor.UpdatedAt > stuckAfter;
}

/// <summary>One or more processors are stopped or stuck; the message lists each with its reason.</summary>
public sealed class ProcessorHealthException : Exception
{
    public ProcessorHealthException(IReadOnlyList<string> problems)
        : base($"{problems?.Count} processor(s) need attention:{Environment.NewLine}" + string.Join(Environment.NewLine, problems ?? []))
    {
        Problems = problems ?? [];
    }

    public ProcessorHealthException()
    {
        Problems = [];
    }

    public ProcessorHealthException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public ProcessorHealthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
