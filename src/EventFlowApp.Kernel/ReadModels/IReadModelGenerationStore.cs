namespace EventFlowApp.Kernel.ReadModels;

/// <summary>The generations of each read model and their states. Every change here is one transaction.</summary>
public interface IReadModelGenerationStore
{
    Task<IReadOnlyList<ReadModelGeneration>> ListAsync(string? readModel, CancellationToken cancellationToken);

    Task<ReadModelGeneration?> GetAsync(string readModel, int generation, CancellationToken cancellationToken);

    /// <summary>
    /// Allocates the next generation number and creates its processor at position 0. The first
    /// generation of a read model may be created <see cref="GenerationState.Live"/>; later ones start
    /// <see cref="GenerationState.Building"/>. A name must be unique among the read model's generations.
    /// </summary>
    Task<ReadModelGeneration> CreateAsync(GenerationRequest request, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="generation"/> live and retires the previous live one, in one transaction.</summary>
    Task MakeLiveAsync(string readModel, int generation, CancellationToken cancellationToken);

    /// <summary>Ends a generation that is not live: Complete (point in time), Failed or Cancelled, with the reason.</summary>
    Task EndAsync(string readModel, int generation, GenerationState state, string? error, CancellationToken cancellationToken);

    /// <summary>Deletes a generation's rows, its processor and the generation itself. The live generation cannot be dropped.</summary>
    Task DropAsync(string readModel, int generation, CancellationToken cancellationToken);
}

public sealed record GenerationRequest(
    string ReadModel,
    GenerationState State,
    string? Name = null,
    long? UpToPosition = null,
    DateTimeOffset? UpToTime = null);
