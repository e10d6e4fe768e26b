using EventFlowApp.Kernel.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// Keeps this node's share of the tracked processors running: every processor from every
/// <see cref="ITrackedProcessorSource"/> is followed in its own loop, at most one node per processor
/// (the lease). The set is refreshed regularly, so a generation that went live elsewhere is followed
/// and a retired one let go; rebuilds interrupted by a crash are resumed.
/// </summary>
public sealed partial class TrackedProcessorHost(
    IServiceProvider services,
    TrackedProcessorRunner runner,
    TrackedProcessorHostOptions options,
    ILogger<TrackedProcessorHost> logger) : BackgroundService
{
    private readonly Dictionary<string, (CancellationTokenSource Stop, Task Loop)> _running = new(StringComparer.Ordinal);

    // Rebuilds are not part of the followed set: a refresh must never cancel one; only shutdown stops them (resumably).
    private readonly Dictionary<string, Task> _rebuilds = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be briefly unreachable: say so and try again at the next refresh.
                    LogRefreshFailed(logger, e);
                }

                await Task.Delay(options.RefreshInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var (stop, _) in _running.Values)
            {
                await stop.CancelAsync();
            }

            await Task.WhenAll(_running.Values.Select(r => r.Loop).Concat(_rebuilds.Values));
        }
    }

    private async Task RefreshAsync(CancellationToken stoppingToken)
    {
        var wanted = new Dictionary<string, ITrackedProcessor>(StringComparer.Ordinal);
        foreach (var source in services.GetServices<ITrackedProcessorSource>())
        {
            foreach (var processor in await source.GetProcessorsAsync(stoppingToken))
            {
                wanted[processor.Name] = processor;
            }
        }

        foreach (var name in _running.Keys.Where(n => !wanted.ContainsKey(n)).ToList())
        {
            await _running[name].Stop.CancelAsync();
        }

        foreach (var (name, entry) in _running.Where(r => r.Value.Loop.IsCompleted).ToList())
        {
            entry.Stop.Dispose();
            _running.Remove(name);
        }

        foreach (var (name, processor) in wanted.Where(w => !_running.ContainsKey(w.Key)))
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _running[name] = (stop, Task.Run(() => FollowAsync(processor, stop.Token), CancellationToken.None));
        }

        // A scheduler that resumes rebuilds as jobs (Hangfire) owns them; resuming here too would race it.
        if (options.ResumeRebuilds && services.GetService<ReadModels.Jobs.RebuildsRunAsJobs>() is null)
        {
            await ResumeRebuildsAsync(stoppingToken);
        }
    }

    /// <summary>One processor's loop; it ends when the processor leaves the set, stops on an error or is held elsewhere, and the next refresh looks again.</summary>
    private async Task FollowAsync(ITrackedProcessor processor, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.FollowAsync(processor, null, cancellationToken);
            if (result.Outcome == ProcessorRunOutcome.Stopped && result.Failure is { } failure)
            {
                LogStopped(logger, processor.Name, failure.Position, failure.Error);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Infrastructure trouble (not an event's fault: those stop the processor with a record). Retried at the next refresh.
            LogLoopFailed(logger, e, processor.Name);
        }
    }

    /// <summary>A node that died during a rebuild left its generation Building; whoever refreshes first (the lease decides) finishes it.</summary>
    private async Task ResumeRebuildsAsync(CancellationToken stoppingToken)
    {
        foreach (var (key, _) in _rebuilds.Where(r => r.Value.IsCompleted).ToList())
        {
            _rebuilds.Remove(key);
        }

        var generations = services.GetRequiredService<IReadModelGenerationStore>();
        foreach (var building in (await generations.ListAsync(null, stoppingToken)).Where(g => g.State == GenerationState.Building))
        {
            if (!_rebuilds.ContainsKey(building.ProcessorName))
            {
                _rebuilds[building.ProcessorName] = Task.Run(() => RebuildAsync(building, stoppingToken), CancellationToken.None);
            }
        }
    }

    private async Task RebuildAsync(ReadModelGeneration building, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var populator = scope.ServiceProvider.GetRequiredService<IReadModelPopulator>();
            await populator.RunAsync(building.ReadModel, building.Generation, null, cancellationToken, resumableOnCancel: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogLoopFailed(logger, e, building.ProcessorName);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Refreshing the tracked processors failed; retrying")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processor {Processor} is stopped at position {Position}: {Error}")]
    private static partial void LogStopped(ILogger logger, string processor, long position, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processor {Processor} failed to run; retrying at the next refresh")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, string processor);
}

public sealed class TrackedProcessorHostOptions
{
    /// <summary>How often the host re-reads the set of processors (new live generations, interrupted rebuilds).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Resume Building generations left by a node that died mid-rebuild.</summary>
    public bool ResumeRebuilds { get; set; } = true;
}
