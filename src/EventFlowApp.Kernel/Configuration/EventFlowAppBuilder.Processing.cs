using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Jobs.InMemory;
using EventFlowApp.Kernel.Jobs.ScheduledCommands;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.Processors.Jobs;
using EventFlowApp.Kernel.ReadModels.Jobs;
using EventFlowApp.Kernel.Replay;
using EventFlowApp.Kernel.Sagas;
using EventFlowApp.Kernel.Serialization;
using EventFlowApp.Kernel.Subscribers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventFlowApp.Kernel.Configuration;

/// <summary>Sagas, asynchronous subscribers and jobs: everything that runs after a commit, in the background.</summary>
public sealed partial class EventFlowAppBuilder
{
    internal HashSet<Type> JobTypes { get; } = [];

    internal HashSet<Type> CommandTypes { get; } = [];

    internal List<(Type Type, string Name, int Version)> NamedEventTypes { get; } = [];

    private readonly Dictionary<string, Type> _processorNames = new(StringComparer.Ordinal);

    /// <summary>Registers a saga: its runner, its processor (<c>saga:&lt;name&gt;</c>), its locator and its step record event.</summary>
    public EventFlowAppBuilder AddSaga<TSaga>() where TSaga : class => AddSaga(typeof(TSaga));

    /// <summary>Registers a job handler and its job type (which needs <see cref="JobNameAttribute"/>).</summary>
    public EventFlowAppBuilder AddJobHandler<THandler>() where THandler : class => AddJobHandler(typeof(THandler));

    internal static IEnumerable<Type> AsynchronousContracts(Type type) => AsynchronousSubscriberDefinition.Contracts(type);

    internal static IEnumerable<Type> JobContracts(Type type) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IJobHandler<>));

    private EventFlowAppBuilder AddSaga(Type sagaType)
    {
        var definition = SagaDefinition.For(sagaType);
        ClaimProcessorName(definition.ProcessorName, sagaType);
        NamedEventTypes.Add((definition.StepEventType, definition.StepEventName, 1));
        var runner = typeof(SagaRunner<,>).MakeGenericType(sagaType, definition.IdentityType);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(ISagaRunner), runner));
        Services.TryAddTransient(definition.LocatorType);
        return this;
    }

    private EventFlowAppBuilder AddJobHandler(Type handlerType)
    {
        var contracts = JobContracts(handlerType).ToList();
        if (contracts.Count == 0)
        {
            throw new ArgumentException($"{handlerType.Name} implements no IJobHandler<>.", nameof(handlerType));
        }

        foreach (var contract in contracts)
        {
            JobTypes.Add(contract.GetGenericArguments()[0]);
            Services.TryAddEnumerable(ServiceDescriptor.Transient(contract, handlerType));
        }

        foreach (var cancelled in handlerType.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IJobCancelledHandler<>)))
        {
            Services.TryAddEnumerable(ServiceDescriptor.Transient(cancelled, handlerType));
        }

        return this;
    }

    private void AddAsynchronousSubscriber(Type subscriberType)
    {
        var definition = AsynchronousSubscriberDefinition.For(subscriberType);
        ClaimProcessorName(definition.ProcessorName, subscriberType);
        Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IAsynchronousSubscription), typeof(AsynchronousSubscription<>).MakeGenericType(subscriberType)));
        Services.TryAddTransient(subscriberType);
    }

    /// <summary>Two processors with one name would share a checkpoint and each skip what the other handled.</summary>
    private void ClaimProcessorName(string name, Type owner)
    {
        if (_processorNames.TryGetValue(name, out var other) && other != owner)
        {
            throw new InvalidOperationException($"{owner.Name} and {other.Name} both claim processor name '{name}'.");
        }

        _processorNames[name] = owner;
    }

    /// <summary>The kernel's defaults for background work, each replaceable (TryAdd).</summary>
    internal void RegisterBackgroundServices()
    {
        AddJobHandler<ScheduledCommandJobHandler>();
        AddJobHandler<SagaTimeoutJobHandler>();
        AddJobHandler<RunGenerationJobHandler>();
        AddJobHandler<RebuildReadModelsJobHandler>();
        AddJobHandler<ResumeRebuildsJobHandler>();
        AddJobHandler<DropEndedGenerationsJobHandler>();
        AddJobHandler<DropGenerationJobHandler>();
        AddJobHandler<CheckProcessorHealthJobHandler>();

        var jobs = new JobDefinitionService();
        foreach (var type in JobTypes)
        {
            jobs.Register(type);
        }

        Services.AddSingleton(jobs);
        var commandTypes = CommandTypes.ToList();
        Services.TryAddSingleton(sp =>
        {
            var commands = new CommandDefinitionService(sp.GetRequiredService<IJsonSerializer>());
            commandTypes.ForEach(commands.Register);
            return commands;
        });
        Services.TryAddSingleton<IReplayContext, ReplayContext>();
        Services.TryAddSingleton<JobExecutor>();
        Services.TryAddScoped<JobContext>();
        Services.TryAddSingleton(new InMemoryJobSchedulerOptions());
        Services.TryAddSingleton<InMemoryJobScheduler>();
        Services.TryAddSingleton<IJobScheduler>(sp => sp.GetRequiredService<InMemoryJobScheduler>());
        Services.TryAddSingleton<CommandScheduler>();
        Services.TryAddScoped<ReadModelJobs>();
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrackedProcessorSource, SagaProcessorSource>());
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrackedProcessorSource, AsynchronousSubscriberSource>());
    }
}
