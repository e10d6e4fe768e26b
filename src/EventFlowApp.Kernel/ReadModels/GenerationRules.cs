namespace EventFlowApp.Kernel.ReadModels;

/// <summary>The rules every generation store enforces, in one place so that all providers refuse the same things with the same words.</summary>
public static class GenerationRules
{
    public static void Validate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ReadModel);
        if (request.State is not (GenerationState.Live or GenerationState.Building))
        {
            throw new ArgumentException($"A generation starts Live (the first one) or Building, not {request.State}.", nameof(request));
        }

        var pointInTime = request.UpToPosition is not null || request.UpToTime is not null;
        if (pointInTime && string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("A point-in-time generation needs a name to be read by.", nameof(request));
        }

        if (pointInTime && request.State == GenerationState.Live)
        {
            throw new ArgumentException("A point-in-time generation never becomes live.", nameof(request));
        }

        if (request.UpToPosition is < 0)
        {
            throw new ArgumentException("The end position cannot be negative.", nameof(request));
        }

        if (request.Name is { Length: > 100 })
        {
            throw new ArgumentException("A generation name has at most 100 characters.", nameof(request));
        }
    }

    /// <summary>Checks a new generation against the read model's existing ones.</summary>
    public static void CheckCreate(GenerationRequest request, IReadOnlyCollection<ReadModelGeneration> existing)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(existing);
        if (request.State == GenerationState.Live && !CanStartLive(existing))
        {
            throw new ReadModelStateException(
                $"Read model '{request.ReadModel}' has been live or is being rebuilt; a new generation is built beside the live one and then switched.");
        }

        // Two complete rebuilds would fill two generations from the same events and race to switch live.
        var pointInTime = request.UpToPosition is not null || request.UpToTime is not null;
        if (request.State == GenerationState.Building && !pointInTime
            && existing.FirstOrDefault(g => g.State == GenerationState.Building && !g.IsPointInTime) is { } running)
        {
            throw new ReadModelStateException(
                $"Read model '{request.ReadModel}' is already being rebuilt (generation {running.Generation}); wait for it or cancel it first.");
        }

        if (request.Name is { } name && existing.Any(g => g.Name == name))
        {
            throw new ReadModelStateException($"Read model '{request.ReadModel}' already has a generation named '{name}'.");
        }
    }

    /// <summary>
    /// A first live generation is created (empty, caught up by its processor) only while the read model has
    /// never been live and no complete rebuild is under way; point-in-time or ended generations do not count.
    /// </summary>
    public static bool CanStartLive(IEnumerable<ReadModelGeneration> existing) =>
        !existing.Any(g => g.State is GenerationState.Live or GenerationState.Retired || (g.State == GenerationState.Building && !g.IsPointInTime));

    public static void CheckMakeLive(ReadModelGeneration target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.State is not (GenerationState.Building or GenerationState.Live) || target.IsPointInTime)
        {
            throw new ReadModelStateException(
                $"Generation {target.Generation} of '{target.ReadModel}' is {target.State}{(target.IsPointInTime ? " (point in time)" : "")} and cannot become live.");
        }
    }

    public static void CheckEnd(ReadModelGeneration target, GenerationState state)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (state is not (GenerationState.Complete or GenerationState.Failed or GenerationState.Cancelled))
        {
            throw new ArgumentException($"A generation ends Complete, Failed or Cancelled, not {state}.", nameof(state));
        }

        if (target.State != GenerationState.Building)
        {
            throw new ReadModelStateException($"Generation {target.Generation} of '{target.ReadModel}' is {target.State}; only a building generation ends.");
        }
    }

    public static void CheckDrop(ReadModelGeneration target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.State == GenerationState.Live)
        {
            throw new ReadModelStateException(
                $"Generation {target.Generation} of '{target.ReadModel}' is live; rebuild and switch to another one before dropping it.");
        }

        // Dropping it under its running job would leave that job writing into nothing; cancelling ends it cleanly.
        if (target.State == GenerationState.Building)
        {
            throw new ReadModelStateException(
                $"Generation {target.Generation} of '{target.ReadModel}' is being built; cancel its job before dropping it.");
        }
    }

    public static KeyNotFoundException NotFound(string readModel, int generation) =>
        new($"Read model '{readModel}' has no generation {generation}.");
}

/// <summary>The request conflicts with a generation's state (a second first generation, a duplicate name, dropping the live one).</summary>
public sealed class ReadModelStateException(string message) : InvalidOperationException(message);
