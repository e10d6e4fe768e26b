using System.Diagnostics;
using EventFlowApp.Bench.Import;
using EventFlowApp.Bench.Reporting;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.TrialBalances;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Bench.Scenarios;

public sealed partial class BenchRunner
{
    /// <summary>What <see cref="TrialBalanceReport"/> reads: the book, the chart (balances), the period totals and the lines.</summary>
    private static readonly HashSet<string> TrialBalanceReadModels =
        new(["ledger_books", "ledger_account_balances", "ledger_account_period_totals", "ledger_lines"], StringComparer.Ordinal);

    /// <summary>
    /// A ledger of 2,000 accounts and <see cref="BenchSizes.TrialBalanceLines"/> general-ledger lines (files of 100,000
    /// lines imported through the command bus, one calendar year each, the last in 2026), its read models caught up
    /// by the live processors; then the trial balance as of 2026-06-15, median of five, by period totals (whole
    /// months) plus the lines of the partial month, and as known at the head position (every line summed).
    /// </summary>
    private async Task<IReadOnlyList<Measurement>> TrialBalanceAsync()
    {
        await using var database = await provider.CreateDatabaseAsync("trial");
        await using var services = database.BuildLedgerServices();
        var ledgerId = await KernelImport.OpenLedgerAsync(services, sizes.ImportAccounts);
        var files = (sizes.TrialBalanceLines + sizes.TrialBalanceFileLines - 1) / sizes.TrialBalanceFileLines;
        var (entries, lines, clock) = (0, 0L, Stopwatch.StartNew());
        for (var k = 0; k < files; k++)
        {
            var file = ImportFile.Generate(sizes.TrialBalanceFileLines, sizes.ImportAccounts, entries, new DateOnly(2026 - files + 1 + k, 1, 1));
            await KernelImport.ImportAsync(services, ledgerId, file);
            (entries, lines) = (entries + file.Entries, lines + file.Lines);
        }

        log.WriteLine($"[{provider.Name}] trial balance: imported {lines:N0} lines ({entries:N0} entries) in {clock.Elapsed.TotalSeconds:0} s");
        clock.Restart();
        await CatchUpAsync(services);
        Expect(await ScalarAsync(database, "SELECT COUNT(*) FROM rm_ledger_lines"), lines);
        var totals = await ScalarAsync(database, "SELECT COUNT(*) FROM rm_ledger_account_period_totals");
        log.WriteLine($"[{provider.Name}] trial balance: read models caught up in {clock.Elapsed.TotalSeconds:0} s ({totals:N0} period-total rows)");

        await using var scope = services.CreateAsyncScope();
        var report = scope.ServiceProvider.GetRequiredService<TrialBalanceReport>();
        var head = await services.GetRequiredService<IEventPersistence>().GetHeadPositionAsync(CancellationToken.None);
        var asOf = new DateOnly(2026, 6, 15);
        var knownAt = new ReportOptions(AsKnownAt.AtPosition(head));
        var (fast, scan) = (await report.ProduceAsync(ledgerId, asOf), await report.ProduceAsync(ledgerId, asOf, knownAt));
        if (fast.TotalDebit != scan.TotalDebit || fast.Lines.Count != scan.Lines.Count || fast.TotalDebit != fast.TotalCredit)
        {
            throw new InvalidOperationException($"Trial balances disagree: {fast.TotalDebit}/{fast.TotalCredit} over {fast.Lines.Count} accounts vs {scan.TotalDebit} over {scan.Lines.Count}.");
        }

        var byTotals = await Measurement.RepeatAsync(sizes.TrialBalanceRepetitions, () => report.ProduceAsync(ledgerId, asOf));
        var byLines = await Measurement.RepeatAsync(sizes.TrialBalanceRepetitions, () => report.ProduceAsync(ledgerId, asOf, knownAt));
        Log(Names.TrialBalance, Measurement.Median(byTotals), Measurement.Median(byLines));
        return
        [
            Row(Names.TrialBalance, Names.TrialBalanceTotals, lines, Measurement.Median(byTotals), Names.TrialBalanceKnownAt) with { Times = byTotals, Entries = totals },
            Row(Names.TrialBalance, Names.TrialBalanceKnownAt, lines, Measurement.Median(byLines)) with { Times = byLines },
        ];
    }

    /// <summary>Catches up the live generations of the read models the report reads, as the processor host would.</summary>
    private static async Task CatchUpAsync(IServiceProvider services)
    {
        var runner = services.GetRequiredService<TrackedProcessorRunner>();
        foreach (var source in services.GetServices<ITrackedProcessorSource>())
        {
            foreach (var processor in await source.GetProcessorsAsync(CancellationToken.None))
            {
                if (processor is ReadModelProcessor { Generation.ReadModel: var name } && TrialBalanceReadModels.Contains(name))
                {
                    var run = await runner.CatchUpAsync(processor, progress: null, CancellationToken.None);
                    if (run.Outcome != ProcessorRunOutcome.CaughtUp)
                    {
                        throw new InvalidOperationException($"{processor.Name}: {run.Outcome} {run.Failure?.Error}");
                    }
                }
            }
        }
    }
}
