using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Kernel.Events;
using EventFlowApp.Kernel.Tests.Commands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Queries;
using EventFlowApp.Kernel.Tests.Subscribers;
using EventFlowApp.Kernel.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.Tests.Configuration;

/// <summary>AddDefaults(assembly) registers exactly what the explicit calls for the assembly's types would.</summary>
public sealed class AddDefaultsTests
{
    /// <summary>
    /// Every event, handler, subscriber and upgrader of this test assembly, registered by hand.
    /// A new one in the assembly makes the comparison fail until it is listed here.
    /// </summary>
    private static void RegisterExplicitly(EventFlowAppBuilder o) =>
        o.AddThings()
            .AddUpgrader<ThingLabelledV1ToV2>()
            .AddUpgrader<ThingLabelledV2ToThingRenamedV3>()
            .AddCommandHandler<DoublyHandledFirstHandler>()
            .AddCommandHandler<DoublyHandledSecondHandler>()
            .AddCommandHandler<Aggregates.MoveCountHandler>()
            .AddCommandHandler<Aggregates.SpawnThingsHandler>()
            .AddSubscriber<SynchronousSubscriberTests.CountingAllSubscriber>()
            .AddQueryHandler<BrokenQueryHandler>()
            .AddSubscriber<CountedRecorder>()
            .AddSubscriber<CreatedRecorder>()
            .AddSubscriber<FailingRenamedSubscriber>()
            .AddSubscriber<RenamedRecorder>()
            .AddSubscriber<SynchronouslyFailingPokedSubscriber>()
            .AddSubscriber<Bug_SynchronouslyThrowingSubscriberTests.SynchronouslyCancellingSubscriber>()
            .AddSaga<Sagas.ThingWatch>()
            .AddEvents(typeof(Sagas.WatchStarted), typeof(Sagas.WatchSawCount), typeof(Sagas.WatchSawPoke), typeof(Sagas.WatchExpired))
            .AddSubscriber<NotifyOnCounted>()
            .AddSubscriber<AuditCounted>()
            .AddSubscriber<FlakyPokedSubscriber>()
            .AddJobHandler<Jobs.NoteDownHandler>()
            .AddJobHandler<Jobs.AlwaysFailHandler>()
            .AddJobHandler<Jobs.WaitForCancellationHandler>()
            .AddJobHandler<Jobs.LeaveResultHandler>()
            .AddJobHandler<Jobs.FailWithOneRetryHandler>()
            .AddJobHandler<Jobs.HopelessHandler>()
            .AddJobHandler<ReadModels.Jobs.UndoableHandler>();

    private static ServiceCollection Register(Action<EventFlowAppBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddEventFlowApp(configure);
        return services;
    }

    private static List<string> Registrations(IServiceCollection services) =>
        services.Where(d => d.ImplementationType is not null)
            .Select(d => $"{d.Lifetime} {d.ServiceType} -> {d.ImplementationType}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> Events(IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<EventDefinitionService>().Single().All
            .Select(d => $"{d.Type} = {d}")
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Registers_the_same_handlers_subscribers_and_upgraders_as_explicit_calls()
    {
        var scanned = Register(o => o.AddDefaults(typeof(Thing).Assembly));
        var explicitly = Register(RegisterExplicitly);

        Assert.Equal(Registrations(explicitly), Registrations(scanned));
        Assert.Contains(Registrations(scanned), r => r.Contains(nameof(CountThingHandler), StringComparison.Ordinal));
        Assert.Contains(Registrations(scanned), r => r.Contains(nameof(ThingLabelledV1ToV2), StringComparison.Ordinal));
    }

    [Fact]
    public void Registers_the_same_read_models_as_explicit_calls()
    {
        static List<string> ReadModels(IServiceCollection services) =>
            services.Select(d => d.ImplementationInstance).OfType<EventFlowApp.Kernel.ReadModels.ReadModelDefinition>()
                .Select(d => $"{d.Name} = {d.Type}").Order(StringComparer.Ordinal).ToList();

        var scanned = ReadModels(Register(o => o.AddDefaults(typeof(Thing).Assembly)));

        Assert.Equal(ReadModels(Register(RegisterExplicitly)), scanned);
        Assert.Equal(["thing_counters = " + typeof(ThingCounter)], scanned);
    }

    [Fact]
    public void Registers_the_same_event_definitions_as_explicit_calls()
    {
        var scanned = Events(Register(o => o.AddDefaults(typeof(Thing).Assembly)));

        Assert.Equal(Events(Register(RegisterExplicitly)), scanned);
        Assert.Equal(9, scanned.Count); // the Thing's 4, ThingWatch's 4 and its step record
    }

    [Fact]
    public void Registers_handlers_transient_under_each_contract_they_implement()
    {
        var services = Register(o => o.AddDefaults(typeof(Thing).Assembly));

        var handler = Assert.Single(services, d => d.ImplementationType == typeof(CountThingHandler));
        Assert.Equal(ServiceLifetime.Transient, handler.Lifetime);
        Assert.Equal(typeof(EventFlowApp.Kernel.Commands.ICommandHandler<Thing, ThingId, CountResult, CountThing>), handler.ServiceType);
    }

    [Fact]
    public void Scanning_twice_registers_nothing_twice()
    {
        var once = Registrations(Register(o => o.AddDefaults(typeof(Thing).Assembly)));

        var twice = Registrations(Register(o => o.AddDefaults(typeof(Thing).Assembly).AddDefaults(typeof(Thing).Assembly)));

        Assert.Equal(once, twice);
    }

    [Fact]
    public void Listing_a_scanned_handler_again_registers_it_once()
    {
        var services = Register(o => o.AddDefaults(typeof(Thing).Assembly).AddCommandHandler<CountThingHandler>().AddSubscriber<CountedRecorder>());

        Assert.Single(services, d => d.ImplementationType == typeof(CountThingHandler));
        Assert.Single(services, d => d.ImplementationType == typeof(CountedRecorder));
    }

    [Fact]
    public async Task A_kernel_registered_by_AddDefaults_runs_commands_queries_and_upgrades()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new SubscriberLog());
        services.AddEventFlowApp(o => o.AddDefaults(typeof(Thing).Assembly));
        await using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<EventFlowApp.Kernel.Commands.ICommandBus>();
        var persistence = scope.ServiceProvider.GetRequiredService<EventFlowApp.Kernel.EventStores.IEventPersistence>();
        var id = ThingId.New;

        await bus.PublishAsync(new CreateThing(id, "lamp"), KernelHost.Ct);
        await persistence.AppendAsync(id, 1, ("ThingLabelled", 1, """{"label":"desk lamp"}"""));
        await bus.PublishAsync(new CountThing(id, 3), KernelHost.Ct);
        var total = await scope.ServiceProvider.GetRequiredService<EventFlowApp.Kernel.Queries.IQueryProcessor>()
            .ProcessAsync(new GetThingTotal(id), KernelHost.Ct);

        Assert.Equal(3, total);
    }
}
