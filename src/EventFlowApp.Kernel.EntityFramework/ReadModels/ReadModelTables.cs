namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

public static class ReadModelTables
{
    public const string Generations = "read_model_generations";
    public const string Processors = "processors";
    public const string ParkedEvents = "processor_parked_events";

    /// <summary>The read-model context keeps its own migration history beside the event store's.</summary>
    public const string MigrationsHistory = "__read_model_migrations";
}
