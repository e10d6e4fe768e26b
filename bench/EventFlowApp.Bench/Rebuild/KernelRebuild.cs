using EventFlowApp.Kernel.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Rebuild;

/// <summary>The kernel side of the rebuild scenario: a complete blue/green rebuild, as an operator starts one.</summary>
public static class KernelRebuild
{
    public const string Balances = "ledger_account_balances";
    public const string Lines = "ledger_lines";

    /// <summary>Rebuilds <paramref name="readModel"/> from position 0 and switches it live; returns the new generation's number.</summary>
    public static async Task<int> RebuildAsync(IServiceProvider services, string readModel)
    {
        var populator = services.GetRequiredService<IReadModelPopulator>();
        var result = await populator.RebuildAsync(readModel, progress: null, CancellationToken.None);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Rebuild of {readModel}: {result.Generation.State} {result.Generation.Error} ({result.Run.Outcome}).");
        }

        return result.Generation.Generation;
    }

    /// <summary>Drops the generations the rebuilds retired, so the next round writes into tables of the same size.</summary>
    public static Task DropRetiredAsync(IServiceProvider services) =>
        services.GetRequiredService<IReadModelPopulator>().DropEndedAsync(TimeSpan.Zero, CancellationToken.None);
}
