namespace EventFlowApp.Kernel.ReadModels;

/// <summary>Which generation of a read model a query reads: the live one (the default) or a named point-in-time one.</summary>
public sealed record ReadModelView
{
    private ReadModelView(string? generationName, int? generation)
    {
        GenerationName = generationName;
        Generation = generation;
    }

    public static ReadModelView Live { get; } = new(null, null);

    /// <summary>A point-in-time generation kept under <paramref name="name"/> (see <see cref="IReadModelGenerationStore"/>).</summary>
    public static ReadModelView Named(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new ReadModelView(name, null);
    }

    /// <summary>A generation by number, whatever its state (a rebuild in progress, for checks).</summary>
    public static ReadModelView Number(int generation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        return new ReadModelView(null, generation);
    }

    public string? GenerationName { get; }

    public int? Generation { get; }

    public bool IsLive => GenerationName is null && Generation is null;

    public override string ToString() => IsLive ? "live" : GenerationName ?? $"generation {Generation}";
}
