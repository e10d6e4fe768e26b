using System.Reflection;
using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Jobs;

/// <summary>How a job type is queued: its stable name and version, its own retry count if it has one, and whether it runs long.</summary>
public sealed record JobDefinition(Type Type, string Name, int Version, int? Retries, bool LongRunning)
{
    public override string ToString() => $"{Name} v{Version}";
}

/// <summary>The registry of job types by stored name and version; filled at start-up, read-only after.</summary>
public sealed class JobDefinitionService
{
    private readonly StoredNameRegistry<JobDefinition> _names = new("job");

    public IReadOnlyCollection<JobDefinition> All => _names.All;

    public void Register(Type jobType)
    {
        ArgumentNullException.ThrowIfNull(jobType);
        if (_names.Contains(jobType))
        {
            return;
        }

        var attribute = jobType.GetCustomAttribute<JobNameAttribute>()
            ?? throw new ArgumentException($"Job {jobType.FullName} has no [JobName(\"name\", n)]; a queued job needs a stable name.", nameof(jobType));
        _names.Add(jobType, attribute.Name, attribute.Version, new JobDefinition(
            jobType, attribute.Name, attribute.Version, jobType.GetCustomAttribute<JobRetriesAttribute>()?.Attempts, jobType.IsDefined(typeof(LongRunningJobAttribute), false)));
    }

    public JobDefinition Get(Type jobType) =>
        _names.TryGet(jobType, out var definition)
            ? definition
            : throw new InvalidOperationException($"Job type {jobType.FullName} is not registered; add a handler for it with AddJobHandler or AddDefaults.");

    public bool TryGet(string name, int version, out JobDefinition definition) => _names.TryGet(name, version, out definition);

    public JobDefinition Get(string name, int version) =>
        _names.TryGet(name, version, out var definition)
            ? definition
            : throw new InvalidOperationException($"No job named '{name}' v{version} is registered; the job cannot run.");
}
