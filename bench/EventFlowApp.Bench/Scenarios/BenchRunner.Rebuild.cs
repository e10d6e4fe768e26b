using EventFlowApp.Bench.Baselines;
using EventFlowApp.Bench.Import;
using EventFlowApp.Bench.Infrastructure;
using EventFlowApp.Bench.Rebuild;
using EventFlowApp.Bench.Reporting;
using EventFlowApp.Kernel.Processors;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Scenarios;

public sealed partial class BenchRunner
{
    /// <summary>Raw baselines write generations from here up, which no kernel rebuild reaches in a run.</summary>
    private const int RawGeneration = 1_000;

    /// <summary>
    /// Rebuilds <c>ledger_account_balances</c> and <c>ledger_lines</c> from a ledger of 2,000 accounts and ~100,000
    /// events (imported through the real command), kernel against raw, in <see cref="BenchSizes.RebuildRounds"/>
    /// rounds that alternate which goes first; each path's median is reported, the range beside it.
    /// </summary>
    private async Task<IReadOnlyList<Measurement>> RebuildAsync()
    {
        var file = ImportFile.Generate(sizes.RebuildLines, sizes.ImportAccounts);
        await using var database = await provider.CreateDatabaseAsync("rebuild");
        await using var services = database.BuildLedgerServices();
        var ledgerId = await KernelImport.OpenLedgerAsync(services, file.Accounts);
        await KernelImport.ImportAsync(services, ledgerId, file);
        var events = await CountRowsAsync(database);
        var batchSize = services.GetRequiredService<TrackedProcessorOptions>().BatchSize;
        log.WriteLine($"[{provider.Name}] rebuild: {events:N0} events ({file.Entries:N0} entries, {file.Lines:N0} lines, {file.Accounts:N0} accounts), batches of {batchSize:N0}");
        await using var connection = await database.OpenAsync();

        // Untimed: the first reader of freshly written rows pays for setting their hint bits (PostgreSQL) and for
        // bringing them into the cache; without this read the first path of round 1 carries that for everyone.
        Expect(await RawReader.ReadAllAsync(connection, batchSize), events);

        var times = new[] { new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>(), new List<TimeSpan>() };
        for (var round = 0; round < sizes.RebuildRounds; round++)
        {
            var raw = RawGeneration + round;
            var generations = new int[2];
            var paths = new Func<Task>[]
            {
                async () => generations[0] = await KernelRebuild.RebuildAsync(services, KernelRebuild.Balances),
                async () => generations[1] = await KernelRebuild.RebuildAsync(services, KernelRebuild.Lines),
                async () => Expect(await RawRebuild.BalancesAsync(connection, provider.Baselines, raw, batchSize), events),
                async () => Expect(await RawRebuild.LinesAsync(connection, provider.Baselines, raw, batchSize), events),
            };
            foreach (var k in round % 2 == 0 ? new[] { 0, 1, 2, 3 } : [2, 3, 0, 1])
            {
                times[k].Add(await Measurement.TimeAsync(paths[k]));
            }

            await CheckRebuildAsync(database, file, generations, raw);
            await KernelRebuild.DropRetiredAsync(services);
            await ExecuteAsync(database, $"DELETE FROM {RawTables.Balances.Name} WHERE generation = {raw}");
            await ExecuteAsync(database, $"DELETE FROM {RawTables.Lines.Name} WHERE generation = {raw}");
            log.WriteLine($"[{provider.Name}] rebuild round {round + 1}: kernel {Ms(times[0][^1])} + {Ms(times[1][^1])}, raw {Ms(times[2][^1])} + {Ms(times[3][^1])}");
        }

        foreach (var readModel in new[] { KernelRebuild.Balances, KernelRebuild.Lines })
        {
            log.WriteLine($"[{provider.Name}] rebuild profile: {await RebuildProfile.RunAsync(services, readModel)}");
        }

        await KernelRebuild.DropRetiredAsync(services);
        var kernelBoth = times[0].Zip(times[1], (a, b) => a + b).ToList();
        var rawBoth = times[2].Zip(times[3], (a, b) => a + b).ToList();
        return
        [
            Repeated(Names.KernelRebuildBalances, events, times[0], Names.RawRebuildBalances),
            Repeated(Names.KernelRebuildLines, events, times[1], Names.RawRebuildLines),
            Repeated(Names.KernelRebuildBoth, events, kernelBoth, Names.RawRebuildBoth),
            Repeated(Names.RawRebuildBalances, events, times[2]),
            Repeated(Names.RawRebuildLines, events, times[3]),
            Repeated(Names.RawRebuildBoth, events, rawBoth),
        ];
    }

    /// <summary>Kernel and raw wrote the same number of rows, and the same balance and last position for every account.</summary>
    private static async Task CheckRebuildAsync(BenchDatabase database, ImportFile file, int[] generations, int raw)
    {
        var balances = RawTables.Balances.Name;
        Expect(await ScalarAsync(database, $"SELECT COUNT(*) FROM {balances} WHERE generation = {generations[0]}"), file.Accounts);
        Expect(await ScalarAsync(database, $"SELECT COUNT(*) FROM {balances} WHERE generation = {raw}"), file.Accounts);
        Expect(await ScalarAsync(database, $"SELECT COUNT(*) FROM {RawTables.Lines.Name} WHERE generation = {generations[1]}"), file.Lines);
        Expect(await ScalarAsync(database, $"SELECT COUNT(*) FROM {RawTables.Lines.Name} WHERE generation = {raw}"), file.Lines);
        Expect(await ScalarAsync(database,
            $"SELECT COUNT(*) FROM {balances} k JOIN {balances} r ON r.id = k.id AND r.generation = {raw} " +
            $"WHERE k.generation = {generations[0]} AND k.balance = r.balance AND k.reporting_balance = r.reporting_balance AND k.last_position = r.last_position"),
            file.Accounts);
    }

    private Measurement Repeated(string path, long events, List<TimeSpan> times, params string[] comparedTo) =>
        Row(Names.Rebuild, path, events, Measurement.Median(times), comparedTo) with { Times = times };

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:0} ms";
}
