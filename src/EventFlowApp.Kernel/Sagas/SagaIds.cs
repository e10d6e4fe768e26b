using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Kernel.Sagas;

/// <summary>
/// Ids derived from the saga, its trigger and the place of a decision in it: the same trigger handled
/// again yields the same command source ids and timeout (job) ids, so sending again has no second effect.
/// </summary>
public static class SagaIds
{
    private static readonly Guid Namespace = new("0c7e3f58-2b1d-4f4a-9a61-7d2e5b8c9f10");

    public static string Command(string sagaId, string triggerId, int index) => "saga-command-" + Create(sagaId, triggerId, "command", index);

    public static string Timeout(string sagaId, string triggerId, int index) => "saga-timeout-" + Create(sagaId, triggerId, "timeout", index);

    public static string Step(string sagaId, string triggerId) => "saga-step-" + Create(sagaId, triggerId, "step", 0);

    private static string Create(string sagaId, string triggerId, string kind, int index) =>
        DeterministicGuid.Create(Namespace, $"{sagaId}/{triggerId}/{kind}/{index}").ToString("D");
}
