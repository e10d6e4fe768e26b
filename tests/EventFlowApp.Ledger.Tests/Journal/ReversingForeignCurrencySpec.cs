using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;
using static EventFlowApp.Ledger.Tests.Support.LedgerHost;

namespace EventFlowApp.Ledger.Tests.Journal;

/// <summary>A reversal uses the original's recorded rates, never today's, so every account returns exactly to where it was.</summary>
public sealed class ReversingForeignCurrencySpec() : LedgerSpec(Rates)
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    private static readonly ExchangeRate[] Rates =
    [
        new(Currency.USD, Currency.EUR, 0.915m, new DateOnly(2026, 3, 1), "test"),
        new(Currency.USD, Currency.EUR, 0.99m, new DateOnly(2026, 4, 1), "test"),
        new(Currency.USD, Currency.JPY, 149.37m, new DateOnly(2026, 3, 1), "test"),
        new(Currency.USD, Currency.JPY, 160.01m, new DateOnly(2026, 4, 1), "test"),
    ];

    [Fact]
    public async Task After_the_rates_changed_every_account_returns_exactly_to_zero()
    {
        var expenses = await GivenAccountAsync("6000", AccountType.Expense);
        var bankJpy = await GivenAccountAsync("1030", AccountType.Asset, Currency.JPY);
        var bankUsd = await GivenAccountAsync("1010", AccountType.Asset, Currency.USD);
        var original = JournalEntryId.New;
        await Host.PostAsync(original, March10, Debit(expenses, 10.01m, Currency.USD), Debit(bankJpy, 3.33m, Currency.USD), Credit(bankUsd, 13.34m, Currency.USD));

        var events = await WhenAsync(new ReverseJournalEntry(original, JournalEntryId.New, new DateOnly(2026, 4, 15)));

        var lines = events.OfType<JournalEntryPosted>().Single().Lines;
        Assert.Equal([0.915m, 149.37m], lines.Where(l => l.Rate is not null).Select(l => l.Rate!.Rate));
        Assert.Equal((9.16m, 497m), (lines[0].AccountAmount, lines[1].AccountAmount));
        Assert.Equal((0m, 0m, 0m), (await BalanceAsync(expenses), await BalanceAsync(bankJpy), await BalanceAsync(bankUsd)));
    }

    [Fact]
    public async Task A_reversal_to_an_account_closed_meanwhile_is_refused()
    {
        var cash = await GivenAccountAsync("1000");
        var sales = await GivenAccountAsync("4000", AccountType.Revenue);
        var original = JournalEntryId.New;
        await Host.PostAsync(original, March10, Debit(cash, 20m), Credit(sales, 20m));
        await GivenAsync(Entry(March10, Debit(sales, 20m), Credit(cash, 20m)), new CloseAccount(Host.LedgerId, sales));

        var error = await ThenRefusedAsync(new ReverseJournalEntry(original, JournalEntryId.New), "account.closed");

        Assert.Contains("4000", error.Message, StringComparison.Ordinal);
        Assert.Null((await Host.EntryAsync(original)).State.ReversedBy);
    }
}
