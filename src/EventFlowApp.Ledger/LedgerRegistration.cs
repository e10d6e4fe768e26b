using EventFlowApp.Kernel.Configuration;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Receivables.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventFlowApp.Ledger;

public static class LedgerRegistration
{
    /// <summary>Snapshot a book every so many events: its state is small, its stream long.</summary>
    public const int LedgerSnapshotInterval = 200;

    /// <summary>
    /// The ledger's events, commands and handlers, the overdue-invoice chase (a saga) and the payment
    /// reminders (an asynchronous subscriber). Without a registered <see cref="IExchangeRateProvider"/>
    /// an empty fixed table is used, so foreign-currency postings fail with a clear "no rate" error;
    /// without an <see cref="IPaymentReminderNotifier"/> reminders are only logged.
    /// </summary>
    public static EventFlowAppBuilder AddLedger(this EventFlowAppBuilder builder)
    {
        builder.AddDefaults(typeof(LedgerRegistration).Assembly)
            .AddSnapshots<GeneralLedger.GeneralLedger>(LedgerSnapshotInterval);

        // AddDefaults finds these too; listed so that what the reports read is visible in one place.
        builder.AddReadModel<ReadModels.LedgerBook>()
            .AddReadModel<ReadModels.AccountBalance>()
            .AddReadModel<ReadModels.LedgerLine>()
            .AddReadModel<ReadModels.AccountPeriodTotal>()
            .AddReadModel<ReadModels.OpenItems.CounterpartyRow>()
            .AddReadModel<ReadModels.OpenItems.OpenItemRow>()
            .AddReadModel<ReadModels.OpenItems.SettlementRow>();
        builder.Services.TryAddSingleton<IExchangeRateProvider>(new FixedExchangeRateProvider([]));
        builder.Services.TryAddTransient<Journal.JournalPosting>();
        builder.Services.TryAddTransient<SubLedgers.ControlAccounts>();
        builder.Services.TryAddSingleton<IPaymentReminderNotifier, LoggingPaymentReminderNotifier>();
        builder.Services.TryAddTransient<Reports.LedgerReadings>();
        builder.Services.TryAddTransient<Reports.TrialBalances.TrialBalanceReport>();
        builder.Services.TryAddTransient<Reports.AccountStatements.AccountStatementReport>();
        builder.Services.TryAddTransient<Reports.IncomeStatements.IncomeStatementReport>();
        builder.Services.TryAddTransient<Reports.BalanceSheets.BalanceSheetReport>();
        builder.Services.TryAddTransient<Reports.Ageing.AgeingReportQuery>();
        return builder;
    }
}
