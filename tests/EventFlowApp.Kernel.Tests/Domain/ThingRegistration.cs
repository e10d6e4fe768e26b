using EventFlowApp.Kernel.Configuration;

namespace EventFlowApp.Kernel.Tests.Domain;

/// <summary>The explicit registration of the Thing domain (what AddDefaults must match for these types).</summary>
public static class ThingRegistration
{
    public static readonly Type[] Events = [typeof(ThingCreated), typeof(ThingCounted), typeof(ThingRenamed), typeof(ThingPoked)];

    public static EventFlowAppBuilder AddThings(this EventFlowAppBuilder builder) =>
        builder
            .AddEvents(Events)
            .AddCommandHandler<CreateThingHandler>()
            .AddCommandHandler<CountThingHandler>()
            .AddCommandHandler<RenameThingHandler>()
            .AddCommandHandler<PokeThingHandler>()
            .AddQueryHandler<GetThingTotalHandler>()
            .AddReadModel<ThingCounter>();
}
