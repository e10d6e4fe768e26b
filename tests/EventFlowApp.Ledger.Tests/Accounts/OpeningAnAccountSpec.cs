using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Accounts;

public sealed class OpeningAnAccountSpec : LedgerSpec
{
    [Theory]
    [InlineData(AccountType.Asset)]
    [InlineData(AccountType.Liability)]
    [InlineData(AccountType.Equity)]
    [InlineData(AccountType.Revenue)]
    [InlineData(AccountType.Expense)]
    public async Task An_account_of_each_type_is_opened_with_an_id_derived_from_its_code(AccountType type)
    {
        var command = new OpenAccount(Host.LedgerId, "1000", "Cash", type, Currency.JPY);

        var events = await WhenAsync(command);

        var id = AccountId.For(Host.LedgerId, "1000");
        Assert.Equal([new AccountOpened(id, "1000", "Cash", type, Currency.JPY)], events);
        var account = (await Host.LedgerAsync()).State.Accounts[id.Value];
        Assert.Equal((type, Currency.JPY, false, 0m), (account.Type, account.Currency, account.IsClosed, account.Balance));
    }

    [Fact]
    public async Task The_result_is_the_new_account_id()
    {
        var result = await Host.Bus.PublishAsync(new OpenAccount(Host.LedgerId, "1000", "Cash", AccountType.Asset, Currency.EUR), Ct);

        Assert.Equal(AccountId.For(Host.LedgerId, "1000"), result.AccountId);
    }

    [Fact]
    public async Task The_code_and_name_are_trimmed()
    {
        var events = await WhenAsync(new OpenAccount(Host.LedgerId, " 1000 ", " Cash ", AccountType.Asset, Currency.EUR));

        var opened = Assert.IsType<AccountOpened>(Assert.Single(events));
        Assert.Equal(("1000", "Cash"), (opened.Code, opened.Name));
    }

    [Theory]
    [InlineData("A.b-c_9")]
    [InlineData("12345678901234567890")]
    public async Task A_code_of_up_to_20_letters_digits_dots_dashes_and_underscores_is_accepted(string code) =>
        Assert.Single(await WhenAsync(new OpenAccount(Host.LedgerId, code, "Cash", AccountType.Asset, Currency.EUR)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10 00")]
    [InlineData("1000/1")]
    [InlineData("Kasse€")]
    [InlineData("123456789012345678901")]
    public async Task A_malformed_code_is_refused(string code) =>
        await ThenRefusedAsync(new OpenAccount(Host.LedgerId, code, "Cash", AccountType.Asset, Currency.EUR), "account.code_invalid");

    [Fact]
    public async Task A_code_already_used_in_the_ledger_is_refused_whatever_the_rest()
    {
        await GivenAccountAsync("1000");

        var error = await ThenRefusedAsync(new OpenAccount(Host.LedgerId, "1000", "Other", AccountType.Expense, Currency.USD), "account.code_taken");

        Assert.Contains("1000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_code_in_another_ledger_is_another_account()
    {
        var other = GeneralLedgerId.New;
        await GivenAsync(new OpenLedger(other, "Other Ltd", Currency.EUR));
        await GivenAccountAsync("1000");

        var result = await Host.Bus.PublishAsync(new OpenAccount(other, "1000", "Cash", AccountType.Asset, Currency.EUR), Ct);

        Assert.NotEqual(AccountId.For(Host.LedgerId, "1000"), result.AccountId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task An_account_without_a_name_is_refused(string name) =>
        await ThenRefusedAsync(new OpenAccount(Host.LedgerId, "1000", name, AccountType.Asset, Currency.EUR), "name.invalid");

    [Fact]
    public async Task An_account_name_of_more_than_200_characters_is_refused() =>
        await ThenRefusedAsync(new OpenAccount(Host.LedgerId, "1000", new string('n', 201), AccountType.Asset, Currency.EUR), "name.invalid");

    [Fact]
    public async Task An_undefined_account_type_is_refused() =>
        await ThenRefusedAsync(new OpenAccount(Host.LedgerId, "1000", "Cash", (AccountType)99, Currency.EUR), "account.type_invalid");

    [Fact]
    public async Task An_account_in_a_ledger_that_does_not_exist_is_refused_by_the_kernel() =>
        await ThenThrowsAsync<AggregateNotFoundException>(new OpenAccount(GeneralLedgerId.New, "1000", "Cash", AccountType.Asset, Currency.EUR));

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("")]
    [InlineData(null)]
    public void An_account_in_an_unknown_currency_cannot_be_asked_for(string? code)
    {
        var error = Assert.Throws<DomainError>(() => new OpenAccount(Host.LedgerId, "1000", "Cash", AccountType.Asset, Currency.Of(code)));

        Assert.Equal("currency.unknown", error.Code);
    }
}
