namespace EventFlowApp.Kernel.Processors;

/// <summary>
/// Checkpoints, leases and errors of tracked processors. A lease is a row-level claim with an expiry:
/// a node renews it while it runs the processor, and another node may take it once it expired.
/// Every checkpoint move checks the lease (fencing), so a node that lost it cannot store anything.
/// </summary>
public interface IProcessorStore
{
    Task<ProcessorState?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcessorState>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates the processor at position 0 if it does not exist.</summary>
    Task EnsureAsync(string name, CancellationToken cancellationToken);

    /// <summary>Takes or renews the lease: true when <paramref name="owner"/> holds it until now + <paramref name="duration"/>.</summary>
    Task<bool> TryAcquireLeaseAsync(string name, string owner, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up, so another node need not wait for it to expire.</summary>
    Task ReleaseLeaseAsync(string name, string owner, CancellationToken cancellationToken);

    /// <summary>Moves the checkpoint of a processor that keeps no rows here (a subscriber, a saga). Throws <see cref="ProcessorLeaseLostException"/>.</summary>
    Task AdvanceAsync(CheckpointAdvance advance, CancellationToken cancellationToken);

    /// <summary>Stops the processor at the failing event: state Stopped, the failure kept as its last error.</summary>
    Task StopAsync(string name, string owner, ProcessorFailure failure, CancellationToken cancellationToken);

    /// <summary>Marks a processor that reached its end (a point-in-time generation) as Completed.</summary>
    Task CompleteAsync(string name, string owner, CancellationToken cancellationToken);

    /// <summary>An operator resumes a stopped processor: it retries the event it stopped at.</summary>
    Task ResumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Replays a processor: its checkpoint goes back to <paramref name="toPosition"/>, and the events up
    /// to where it had been are marked as a replay (<see cref="ProcessorState.ReplayUntil"/>).
    /// </summary>
    Task ResetAsync(string name, long toPosition, CancellationToken cancellationToken);

    Task<IReadOnlyList<ParkedEvent>> ListParkedAsync(string name, CancellationToken cancellationToken);

    /// <summary>Forgets a processor (and its parked events).</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
