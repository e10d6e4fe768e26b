using System.Diagnostics;
using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Ledger;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Import;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Storage.Tests.Ledger;

/// <summary>The promise: 100,000 lines import in one command, on every provider. Prints the time it took.</summary>
public abstract class LargeImportTests : IAsyncLifetime
{
    private readonly GeneralLedgerId _ledgerId = GeneralLedgerId.New;
    private StorageHost? _host;

    private IServiceProvider Services => (_host ?? throw new InvalidOperationException("Not initialised.")).Services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract IStorageTarget CreateTarget();

    public async ValueTask InitializeAsync() => _host = await StorageHost.StartAsync(CreateTarget(), o => o.AddLedger());

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_100000_line_file_imports_in_one_command_and_the_balances_add_up()
    {
        await OpenLedgerWithAccountsAsync();
        var file = LargeImportFile.Generate();
        var bus = Services.GetRequiredService<ICommandBus>();
        var persistence = Services.GetRequiredService<IEventPersistence>();

        var clock = Stopwatch.StartNew();
        var result = await bus.PublishAsync(new ImportJournalEntries(_ledgerId, "large.csv", file.Content), Ct);
        var elapsed = clock.Elapsed;
        Report($"{GetType().Name}: imported {result.LinesImported:N0} lines ({result.EntriesImported:N0} entries) in {elapsed.TotalSeconds:F1} s");

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal((file.EntryCount, LargeImportFile.LineCount, 0), (result.EntriesImported, result.LinesImported, result.EntriesSkipped));
        var ids = Enumerable.Range(0, file.EntryCount).Select(i => JournalEntryId.For(_ledgerId, $"B{i}").Value).ToList();
        var versions = await persistence.GetStreamVersionsAsync(ids, Ct);
        Assert.Equal(file.EntryCount, versions.Count);
        Assert.All(versions.Values, v => Assert.Equal(1, v));
        var last = await Services.GetRequiredService<IAggregateStore>().LoadAsync<JournalEntry, JournalEntryId>(JournalEntryId.For(_ledgerId, $"B{file.EntryCount - 1}"), Ct);
        Assert.Equal((4, (long)file.EntryCount), (last.State.Lines.Count, last.State.Number));

        var ledger = await LoadLedgerAsync();
        Assert.Equal(file.EntryCount, ledger.State.LastEntryNumber);
        Assert.Equal(0m, ledger.State.Accounts.Values.Sum(a => a.Balance));
        Assert.All(ledger.State.Accounts.Values, a => Assert.Equal(file.Balances.GetValueOrDefault(a.Code), a.Balance));

        var head = await persistence.GetHeadPositionAsync(Ct);
        clock.Restart();
        var again = await bus.PublishAsync(new ImportJournalEntries(_ledgerId, "large.csv", file.Content), Ct);
        Report($"{GetType().Name}: the same file again took {clock.Elapsed.TotalSeconds:F1} s (duplicate: {again.WasDuplicate})");
        Assert.True(again.WasDuplicate);
        Assert.Equal(head, await persistence.GetHeadPositionAsync(Ct));
    }

    private static void Report(string message)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(message);
        Console.WriteLine(message);
    }

    private Task<GeneralLedger> LoadLedgerAsync() =>
        Services.GetRequiredService<IAggregateStore>().LoadAsync<GeneralLedger, GeneralLedgerId>(_ledgerId, Ct);

    /// <summary>The chart in one commit: 2,000 commands would test the command path, not the import.</summary>
    private async Task OpenLedgerWithAccountsAsync()
    {
        await Services.GetRequiredService<ICommandBus>().PublishAsync(new OpenLedger(_ledgerId, "Large Ltd", Currency.EUR), Ct);
        var ledger = await LoadLedgerAsync();
        for (var i = 0; i < LargeImportFile.AccountCount; i++)
        {
            ledger.OpenAccount(LargeImportFile.Code(i), $"Account {i}", i % 2 == 0 ? AccountType.Asset : AccountType.Revenue, Currency.EUR);
        }

        await Services.GetRequiredService<IAggregateStore>().StoreAsync([ledger], CommitContext.ForSource("chart-of-accounts"), Ct);
    }
}

public sealed class InMemoryLargeImportTests : LargeImportTests
{
    protected override IStorageTarget CreateTarget() => new InMemoryTarget();
}

public sealed class SqliteLargeImportTests : LargeImportTests
{
    protected override IStorageTarget CreateTarget() => new SqliteTarget();
}

public sealed class PostgreSqlLargeImportTests : LargeImportTests
{
    protected override IStorageTarget CreateTarget() => new PostgreSqlTarget();
}
