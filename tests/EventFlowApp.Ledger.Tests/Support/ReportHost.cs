using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.AccountStatements;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.Reports.BalanceSheets;
using EventFlowApp.Ledger.Reports.IncomeStatements;
using EventFlowApp.Ledger.Reports.TrialBalances;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Ledger.Tests.Support;

/// <summary>
/// An open EUR ledger on the in-memory kernel whose read models are driven by hand: every report call
/// first catches the live read models up, as the processor host would, and fails loudly when one stops.
/// </summary>
public sealed class ReportHost : IDisposable
{
    public ReportHost(IEnumerable<ExchangeRate>? rates = null)
        : this(new LedgerHost(rates))
    {
    }

    public ReportHost(LedgerHost host)
    {
        Host = host;
        Host.SendAsync(new OpenLedger(Host.LedgerId, "Acme Ltd", Currency.EUR)).GetAwaiter().GetResult();
    }

    public LedgerHost Host { get; }

    public GeneralLedgerId LedgerId => Host.LedgerId;

    public IReadModelStore Store => Get<IReadModelStore>();

    public IReadModelPopulator Populator => Get<IReadModelPopulator>();

    public ReadModelRegistry Registry => Get<ReadModelRegistry>();

    private static CancellationToken Ct => LedgerHost.Ct;

    public T Get<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    /// <summary>Catches every live read model up with the events stored so far.</summary>
    public async Task CatchUpAsync()
    {
        foreach (var source in Host.Services.GetServices<ITrackedProcessorSource>())
        {
            foreach (var processor in await source.GetProcessorsAsync(Ct))
            {
                var run = await Get<TrackedProcessorRunner>().CatchUpAsync(processor, null, Ct);
                Assert.True(run.Outcome == ProcessorRunOutcome.CaughtUp, $"{run.Processor}: {run.Outcome} {run.Failure}");
            }
        }
    }

    /// <summary>Rebuilds every read model blue/green and checks each new generation went live.</summary>
    public async Task RebuildAllAsync()
    {
        foreach (var definition in Registry.All)
        {
            var result = await Populator.RebuildAsync(definition.Name, null, Ct);
            Assert.True(result.Generation.State == GenerationState.Live, $"{definition.Name}: {result.Generation.State} {result.Generation.Error}");
        }
    }

    /// <summary>Builds a point-in-time generation of every read model, named <paramref name="name"/>, up to a position or a time.</summary>
    public async Task BuildPointInTimeAsync(string name, long? upToPosition, DateTimeOffset? upToTime = null)
    {
        // Live generations first: the kernel's live source never creates generation 1 once any other
        // generation of the read model exists (it takes it for a first rebuild still under way).
        await CatchUpAsync();
        foreach (var definition in Registry.All)
        {
            var generation = await Populator.StartPointInTimeAsync(definition.Name, name, upToPosition, upToTime, Ct);
            var result = await Populator.RunAsync(definition.Name, generation.Generation, null, Ct);
            Assert.True(result.Succeeded, $"{definition.Name}: {result.Generation.State} {result.Generation.Error}");
        }
    }

    /// <summary>The global position of the last event stored.</summary>
    public async Task<long> PositionAsync() => (await Host.AllEventsAsync())[^1].GlobalSequenceNumber;

    public async Task<AccountId> AccountAsync(string code, AccountType type, Currency? currency = null) =>
        await Host.OpenAccountAsync(code, type, currency);

    public async Task<JournalEntryId> PostAsync(DateOnly date, string description, params JournalLineInput[] lines)
    {
        var id = JournalEntryId.New;
        await Host.SendAsync(new PostJournalEntry(id, LedgerId, date, description, null, lines));
        return id;
    }

    public async Task<TrialBalance> TrialBalanceAsync(DateOnly asOf, ReportOptions? options = null)
    {
        await CatchUpAsync();
        return await Get<TrialBalanceReport>().ProduceAsync(LedgerId, asOf, options, Ct);
    }

    public async Task<AccountStatement> StatementAsync(string code, DateOnly from, DateOnly to, ReportOptions? options = null)
    {
        await CatchUpAsync();
        return await Get<AccountStatementReport>().ProduceAsync(LedgerId, code, from, to, options, Ct);
    }

    public async Task<IncomeStatement> IncomeStatementAsync(DateOnly from, DateOnly to, ReportOptions? options = null)
    {
        await CatchUpAsync();
        return await Get<IncomeStatementReport>().ProduceAsync(LedgerId, from, to, options, Ct);
    }

    public async Task<BalanceSheet> BalanceSheetAsync(DateOnly asOf, ReportOptions? options = null)
    {
        await CatchUpAsync();
        return await Get<BalanceSheetReport>().ProduceAsync(LedgerId, asOf, options, Ct);
    }

    public async Task<AgeingReport> AgeingAsync(CounterpartyKind kind, DateOnly asOf, ReportOptions? options = null)
    {
        await CatchUpAsync();
        return await Get<AgeingReportQuery>().ProduceAsync(LedgerId, kind, asOf, options, Ct);
    }

    public static ReportOptions KnownAt(long position) => new(AsKnownAt.AtPosition(position));

    public void Dispose() => Host.Dispose();
}
