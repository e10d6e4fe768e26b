using System.Data.Common;
using EventFlowApp.Bench.Baselines;
using EventFlowApp.Bench.Domain;
using EventFlowApp.Bench.Import;
using EventFlowApp.Bench.Infrastructure;
using EventFlowApp.Bench.Reporting;
using EventFlowApp.Kernel.Aggregates;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Scenarios;

/// <summary>The part [Start, End) of a plan that one round runs.</summary>
public readonly record struct Slice(int Start, int End)
{
    public int Count => End - Start;
}

/// <summary>A provider under test: how to get a fresh migrated database, and its raw baselines.</summary>
public sealed record BenchProvider(string Name, Func<string, Task<BenchDatabase>> CreateDatabaseAsync, IRawBaselines Baselines);

/// <summary>
/// Runs the scenarios on one provider (those named in <paramref name="only"/>, or all; see <see cref="ScenarioKeys"/>).
/// Every kernel path and every baseline writes into a fresh database of its own; the read scenario reads the
/// database the kernel's batched appends filled.
/// </summary>
public sealed partial class BenchRunner(BenchProvider provider, BenchSizes sizes, TextWriter log, IReadOnlySet<string>? only = null)
{
    /// <summary>What <c>--scenarios</c> accepts: appends (1, 2 and 4), load (3), import (5), rebuild (6), trial (7).</summary>
    public static readonly IReadOnlyList<string> ScenarioKeys = ["appends", "load", "import", "rebuild", "trial"];

    public async Task<IReadOnlyList<Measurement>> RunAsync()
    {
        log.WriteLine($"[{provider.Name}] warming up");
        await CpuWarmUp.RunAsync(TimeSpan.FromSeconds(3));
        await new BenchRunner(provider, BenchSizes.WarmUp, TextWriter.Null, only).RunScenariosAsync();
        return await RunScenariosAsync();
    }

    private async Task<IReadOnlyList<Measurement>> RunScenariosAsync()
    {
        var results = new List<Measurement>();
        if (Runs("appends"))
        {
            results.AddRange(await SingleAppendsAsync());
            await using var filled = await provider.CreateDatabaseAsync("batch_kernel");
            results.AddRange(await BatchedAppendsAsync(filled));
            results.AddRange(await ReadAllAsync(filled));
        }

        results.AddRange(Runs("load") ? await LoadAggregateAsync() : []);
        results.AddRange(Runs("import") ? await ImportAsync() : []);
        results.AddRange(Runs("rebuild") ? await RebuildAsync() : []);
        results.AddRange(Runs("trial") ? await TrialBalanceAsync() : []);
        return results;
    }

    private bool Runs(string scenario) => only is null || only.Contains(scenario);

    private async Task<IReadOnlyList<Measurement>> SingleAppendsAsync()
    {
        var workload = new Workload("single", accounts: 100);
        var plan = workload.RoundRobin(sizes.SingleTransactions);
        await using var kernelDb = await provider.CreateDatabaseAsync("single_kernel");
        await using var rawDb = await provider.CreateDatabaseAsync("single_raw");
        await using var services = kernelDb.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
        var accounts = workload.Accounts.Select(id => new LedgerAccount(id)).ToArray();
        var rows = plan.Select(p => KernelPaths.Serialize(services, workload, [p], KernelPaths.SourceId("single", p.N))[0]).ToArray();
        await using var connection = await rawDb.OpenAsync();
        var rounds = Chunks(plan.Count);
        var times = await InterleavedAsync(
            r => KernelPaths.SingleAppendsAsync(store, accounts, plan.Skip(rounds[r].Start).Take(rounds[r].Count)),
            r => provider.Baselines.InsertSinglesAsync(connection, rows[rounds[r].Start..rounds[r].End]));
        await ExpectRowsAsync(kernelDb, plan.Count);
        await ExpectRowsAsync(rawDb, plan.Count);
        Log(Names.SingleAppends, times[0], times[1]);
        return
        [
            Row(Names.SingleAppends, Names.KernelStore, plan.Count, times[0], Names.RawSingleInsert),
            Row(Names.SingleAppends, Names.RawSingleInsert, plan.Count, times[1]),
        ];
    }

    private async Task<IReadOnlyList<Measurement>> BatchedAppendsAsync(BenchDatabase filled)
    {
        var workload = new Workload("batch", accounts: sizes.EventsPerBatch);
        var batches = workload.Batches(sizes.BatchTransactions);
        var events = batches.Sum(b => b.Length);
        var baselines = provider.Baselines.BatchInserts;
        var rawDbs = new List<BenchDatabase>();
        var connections = new List<DbConnection>();
        try
        {
            foreach (var _ in baselines)
            {
                rawDbs.Add(await provider.CreateDatabaseAsync("batch_raw"));
                connections.Add(await rawDbs[^1].OpenAsync());
            }

            await using var services = filled.BuildServices();
            await using var scope = services.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IAggregateStore>();
            var accounts = workload.Accounts.Select(id => new LedgerAccount(id)).ToArray();
            var rows = batches.Select(b => KernelPaths.Serialize(services, workload, b, KernelPaths.SourceId("batch", b[0].N))).ToArray();
            var rounds = Chunks(batches.Count);
            var paths = new List<Func<int, Task>> { r => KernelPaths.BatchedAppendsAsync(store, accounts, batches.Skip(rounds[r].Start).Take(rounds[r].Count)) };
            paths.AddRange(baselines.Select((b, i) => (Func<int, Task>)(r => b.RunAsync(connections[i], rows[rounds[r].Start..rounds[r].End]))));
            var times = await InterleavedAsync([.. paths]);
            await ExpectRowsAsync(filled, events);
            foreach (var database in rawDbs)
            {
                await ExpectRowsAsync(database, events);
            }

            Log(Names.BatchedAppends, times[0], times[1]);
            var results = new List<Measurement> { Row(Names.BatchedAppends, Names.KernelStore, events, times[0], baselines.Select(b => b.Name).ToArray()) };
            results.AddRange(baselines.Select((b, i) => Row(Names.BatchedAppends, b.Name, events, times[i + 1])));
            return results;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            foreach (var database in rawDbs)
            {
                await database.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Runs the paths in rounds, each round doing one slice of every path and rotating which goes first, so
    /// that the machine's drifting load (disk flushes, other processes) falls on all paths alike.
    /// </summary>
    private async Task<TimeSpan[]> InterleavedAsync(params Func<int, Task>[] paths)
    {
        var times = new TimeSpan[paths.Length];
        for (var round = 0; round < sizes.Rounds; round++)
        {
            for (var k = 0; k < paths.Length; k++)
            {
                var path = (k + round) % paths.Length;
                times[path] += await Measurement.TimeAsync(() => paths[path](round));
            }
        }

        return times;
    }

    private Slice[] Chunks(int count) =>
        Enumerable.Range(0, sizes.Rounds)
            .Select(r => new Slice(count * r / sizes.Rounds, count * (r + 1) / sizes.Rounds))
            .ToArray();

    private async Task<IReadOnlyList<Measurement>> ReadAllAsync(BenchDatabase filled)
    {
        await using var services = filled.BuildServices();
        var expected = await CountRowsAsync(filled);
        var domain = await Measurement.MedianAsync(sizes.ReadRepetitions, async () => Expect(await KernelPaths.ReadAllDomainEventsAsync(services, sizes.PageSize), expected));
        var rows = await Measurement.MedianAsync(sizes.ReadRepetitions, async () => Expect(await KernelPaths.ReadAllRowsAsync(services, sizes.PageSize), expected));
        await using var connection = await filled.OpenAsync();
        var raw = await Measurement.MedianAsync(sizes.ReadRepetitions, async () => Expect(await RawReader.ReadAllAsync(connection, sizes.PageSize), expected));
        Log(Names.ReadAll, domain, raw);
        return
        [
            Row(Names.ReadAll, Names.ReadDomainEvents, expected, domain, Names.RawPagedReader),
            Row(Names.ReadAll, Names.ReadRows, expected, rows, Names.RawPagedReader),
            Row(Names.ReadAll, Names.RawPagedReader, expected, raw),
        ];
    }

    private async Task<IReadOnlyList<Measurement>> LoadAggregateAsync()
    {
        await using var database = await provider.CreateDatabaseAsync("load");
        var id = new Workload("load", accounts: 1).Accounts[0];
        await using (var writer = database.BuildServices(sizes.SnapshotEvery))
        {
            await KernelPaths.WriteStreamAsync(writer, id, sizes.StreamEvents, perCommit: 500);
        }

        await using var plain = database.BuildServices();
        await using var snapshotted = database.BuildServices(sizes.SnapshotEvery);
        var replayed = await KernelPaths.LoadAsync(plain, id);
        var restored = await KernelPaths.LoadAsync(snapshotted, id);
        if (replayed.Version != sizes.StreamEvents || restored.Version != sizes.StreamEvents || replayed.State != restored.State)
        {
            throw new InvalidOperationException($"Loads disagree: {replayed.State} v{replayed.Version} vs {restored.State} v{restored.Version}.");
        }

        var noSnapshot = await Measurement.MedianAsync(sizes.LoadRepetitions, () => KernelPaths.LoadAsync(plain, id));
        var snapshot = await Measurement.MedianAsync(sizes.LoadRepetitions, () => KernelPaths.LoadAsync(snapshotted, id));
        await using var connection = await database.OpenAsync();
        var raw = await Measurement.MedianAsync(sizes.LoadRepetitions, async () => Expect(await RawReader.ReadStreamAsync(connection, id.Value), sizes.StreamEvents));
        Log(Names.LoadAggregate, noSnapshot, snapshot);
        return
        [
            Row(Names.LoadAggregate, Names.LoadNoSnapshot, sizes.StreamEvents, noSnapshot, Names.RawStreamReader),
            Row(Names.LoadAggregate, Names.LoadSnapshot, sizes.StreamEvents, snapshot, Names.LoadNoSnapshot),
            Row(Names.LoadAggregate, Names.RawStreamReader, sizes.StreamEvents, raw),
        ];
    }

    /// <summary>
    /// The import: the kernel path and the raw baseline each import the file <see cref="BenchSizes.ImportRounds"/>
    /// times into a fresh database, alternating which goes first; the reported time is the mean.
    /// </summary>
    private async Task<IReadOnlyList<Measurement>> ImportAsync()
    {
        var file = ImportFile.Generate(sizes.ImportLines, sizes.ImportAccounts);
        var (kernel, raw) = (TimeSpan.Zero, TimeSpan.Zero);
        for (var round = 0; round < sizes.ImportRounds; round++)
        {
            if (round % 2 == 0)
            {
                kernel += await KernelImportOnceAsync(file);
                raw += await RawImportOnceAsync(file);
            }
            else
            {
                raw += await RawImportOnceAsync(file);
                kernel += await KernelImportOnceAsync(file);
            }
        }

        var events = 2L * file.Entries;
        var name = provider.Baselines.ImportInsertName;
        (kernel, raw) = (kernel / sizes.ImportRounds, raw / sizes.ImportRounds);
        Log(Names.Import, kernel, raw);
        return
        [
            Row(Names.Import, Names.KernelImport, events, kernel, name) with { Lines = file.Lines, Entries = file.Entries },
            Row(Names.Import, name, events, raw) with { Lines = file.Lines, Entries = file.Entries },
        ];
    }

    private async Task<TimeSpan> KernelImportOnceAsync(ImportFile file)
    {
        await using var database = await provider.CreateDatabaseAsync("import_kernel");
        await using var services = database.BuildLedgerServices();
        var ledgerId = await KernelImport.OpenLedgerAsync(services, file.Accounts);
        var before = await CountRowsAsync(database);
        var elapsed = await Measurement.TimeAsync(() => KernelImport.ImportAsync(services, ledgerId, file));
        // Every entry stored: its JournalEntryPosted, and the ledger's JournalEntryRecorded.
        Expect(await CountRowsAsync(database, "JournalEntryPosted"), file.Entries);
        Expect(await CountRowsAsync(database, "JournalEntryRecorded"), file.Entries);
        Expect(await CountRowsAsync(database) - before, 2L * file.Entries);
        log.WriteLine($"[{provider.Name}] kernel import: {await AverageRowCharsAsync(database):0} chars of data + metadata per entry row");
        return elapsed;
    }

    private async Task<TimeSpan> RawImportOnceAsync(ImportFile file)
    {
        await using var database = await provider.CreateDatabaseAsync("import_raw");
        await using var connection = await database.OpenAsync();
        var elapsed = await Measurement.TimeAsync(() => provider.Baselines.InsertInOneTransactionAsync(
            connection, RawImport.BuildRows(file.Content)));
        Expect(await CountRowsAsync(database, "JournalEntryPosted"), file.Entries);
        Expect(await CountRowsAsync(database), 2L * file.Entries);
        log.WriteLine($"[{provider.Name}] raw import: {await AverageRowCharsAsync(database):0} chars of data + metadata per entry row");
        return elapsed;
    }

    private Measurement Row(string scenario, string path, long events, TimeSpan elapsed, params string[] comparedTo) =>
        new(provider.Name, scenario, path, events, elapsed, comparedTo);

    private void Log(string scenario, TimeSpan kernel, TimeSpan other) =>
        log.WriteLine($"[{provider.Name}] {scenario}: {kernel.TotalMilliseconds:0} ms vs {other.TotalMilliseconds:0} ms");
}
