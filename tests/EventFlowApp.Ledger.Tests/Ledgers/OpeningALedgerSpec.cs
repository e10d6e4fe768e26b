using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Ledgers;

public sealed class OpeningALedgerSpec : LedgerSpec
{
    [Fact]
    public async Task A_new_ledger_is_opened_with_its_trimmed_name_and_reporting_currency()
    {
        var events = await WhenAsync(new OpenLedger(GeneralLedgerId.New, "  Acme GmbH  ", Currency.USD));

        Assert.Equal([new LedgerOpened("Acme GmbH", Currency.USD)], events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_ledger_without_a_name_is_refused(string name) =>
        await ThenRefusedAsync(new OpenLedger(GeneralLedgerId.New, name, Currency.EUR), "name.invalid");

    [Fact]
    public async Task A_ledger_name_of_more_than_200_characters_is_refused() =>
        await ThenRefusedAsync(new OpenLedger(GeneralLedgerId.New, new string('x', 201), Currency.EUR), "name.invalid");

    [Fact]
    public async Task A_ledger_name_of_exactly_200_characters_is_accepted() =>
        Assert.Single(await WhenAsync(new OpenLedger(GeneralLedgerId.New, new string('x', 200), Currency.EUR)));

    /// <summary>
    /// OpenLedger expects a new aggregate, so the kernel refuses the second one before the ledger's own
    /// ledger.exists rule is reached (see the next spec for that rule).
    /// </summary>
    [Fact]
    public async Task Opening_an_open_ledger_again_is_refused_by_the_kernel() =>
        await ThenThrowsAsync<AggregateAlreadyExistsException>(new OpenLedger(Host.LedgerId, "Acme again", Currency.EUR));

    [Fact]
    public async Task The_ledger_itself_refuses_to_open_twice_with_ledger_exists()
    {
        var ledger = await Host.LedgerAsync();

        var error = Assert.Throws<DomainError>(() => ledger.Open("Acme again", Currency.EUR));

        Assert.Equal("ledger.exists", error.Code);
        Assert.Empty(ledger.UncommittedEvents);
    }
}
