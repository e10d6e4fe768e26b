using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Import;
using EventFlowApp.Ledger.Money;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Import;

/// <summary>The kernel side of the import scenario: the ledger's own command, sent through the command bus.</summary>
public static class KernelImport
{
    /// <summary>Opens a ledger and its chart of accounts in one commit (not timed: 2,000 commands would measure the command path).</summary>
    public static async Task<GeneralLedgerId> OpenLedgerAsync(IServiceProvider services, int accounts)
    {
        var id = GeneralLedgerId.New;
        await services.GetRequiredService<ICommandBus>().PublishAsync(new OpenLedger(id, "Bench Ltd", Currency.EUR), CancellationToken.None);
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
        var ledger = await store.LoadAsync<GeneralLedger, GeneralLedgerId>(id, CancellationToken.None);
        for (var i = 0; i < accounts; i++)
        {
            ledger.OpenAccount(ImportFile.Code(i), $"Account {i}", i % 2 == 0 ? AccountType.Asset : AccountType.Revenue, Currency.EUR);
        }

        await store.StoreAsync([ledger], CommitContext.ForSource("bench-chart-of-accounts"), CancellationToken.None);
        return id;
    }

    /// <summary>The whole file in one <see cref="ImportJournalEntries"/> command; throws unless every entry was imported.</summary>
    public static async Task ImportAsync(IServiceProvider services, GeneralLedgerId ledgerId, ImportFile file)
    {
        var result = await services.GetRequiredService<ICommandBus>().PublishAsync(
            new ImportJournalEntries(ledgerId, "bench.csv", file.Content), CancellationToken.None);
        if (!result.IsSuccess || result.EntriesImported != file.Entries || result.LinesImported != file.Lines)
        {
            throw new InvalidOperationException(
                $"Import: {result.EntriesImported} entries / {result.LinesImported} lines, expected {file.Entries} / {file.Lines}: {string.Join("; ", result.Errors)}");
        }
    }
}
