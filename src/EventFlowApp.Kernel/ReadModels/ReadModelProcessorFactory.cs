using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Kernel.ReadModels;

/// <summary>Builds the processor (and its batch applier, with the read model's locator from DI) for a generation.</summary>
public sealed class ReadModelProcessorFactory(ReadModelRegistry registry, IReadModelStore store, IServiceProvider services)
{
    public ReadModelBatchApplier Applier(ReadModelDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var locator = (IReadModelLocator)ActivatorUtilities.GetServiceOrCreateInstance(services, definition.LocatorType);
        return new ReadModelBatchApplier(definition, locator);
    }

    public ReadModelProcessor Create(ReadModelGeneration generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var definition = registry.Get(generation.ReadModel);
        return new ReadModelProcessor(Applier(definition), generation, store, definition.ErrorPolicy);
    }
}
