using System.Reflection;

namespace EventFlowApp.Kernel.Jobs;

/// <summary>How a job type is queued: its stable name and version.</summary>
public sealed record JobDefinition(Type Type, string Name, int Version)
{
    public override string ToString() => $"{Name} v{Version}";
}

/// <summary>The registry of job types by stored name and version; filled at start-up, read-only after.</summary>
public sealed class JobDefinitionService
{
    private readonly Dictionary<Type, JobDefinition> _byType = [];
    private readonly Dictionary<(string Name, int Version), JobDefinition> _byName = [];

    public IReadOnlyCollection<JobDefinition> All => _byType.Values;

    public void Register(Type jobType)
    {
        ArgumentNullException.ThrowIfNull(jobType);
        if (_byType.ContainsKey(jobType))
        {
            return;
        }

        var attribute = jobType.GetCustomAttribute<JobNameAttribute>()
            ?? throw new ArgumentException($"Job {jobType.FullName} has no [JobName(\"name\", n)]; a queued job needs a stable name.", nameof(jobType));
        var definition = new JobDefinition(jobType, attribute.Name, attribute.Version);
        if (_byName.TryGetValue((definition.Name, definition.Version), out var other))
        {
            throw new ArgumentException($"{jobType.FullName} and {other.Type.FullName} both claim job {definition}.", nameof(jobType));
        }

        _byType.Add(jobType, definition);
        _byName.Add((definition.Name, definition.Version), definition);
    }

    public JobDefinition Get(Type jobType) =>
        _byType.TryGetValue(jobType, out var definition)
            ? definition
            : throw new InvalidOperationException($"Job type {jobType.FullName} is not registered; add a handler for it with AddJobHandler or AddDefaults.");

    public JobDefinition Get(string name, int version) =>
        _byName.TryGetValue((name, version), out var definition)
            ? definition
            : throw new InvalidOperationException($"No job named '{name}' v{version} is registered; the job cannot run.");
}
