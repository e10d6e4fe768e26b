using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Accounts;

public sealed class RenamingAnAccountSpec : LedgerSpec
{
    [Fact]
    public async Task A_rename_records_the_new_and_the_previous_name()
    {
        var cash = await GivenAccountAsync("1000");

        var events = await WhenAsync(new RenameAccount(Host.LedgerId, cash, " Petty cash "));

        Assert.Equal([new AccountRenamed(cash, "Petty cash", "Account 1000")], events);
        Assert.Equal("Petty cash", (await Host.LedgerAsync()).State.Accounts[cash.Value].Name);
    }

    [Theory]
    [InlineData("Account 1000")]
    [InlineData("  Account 1000  ")]
    public async Task Renaming_to_the_same_name_emits_nothing(string name)
    {
        var cash = await GivenAccountAsync("1000");

        Assert.Empty(await WhenAsync(new RenameAccount(Host.LedgerId, cash, name)));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_name_is_refused(string name)
    {
        var cash = await GivenAccountAsync("1000");

        await ThenRefusedAsync(new RenameAccount(Host.LedgerId, cash, name), "name.invalid");
    }

    [Fact]
    public async Task A_name_of_more_than_200_characters_is_refused()
    {
        var cash = await GivenAccountAsync("1000");

        await ThenRefusedAsync(new RenameAccount(Host.LedgerId, cash, new string('n', 201)), "name.invalid");
    }

    [Fact]
    public async Task Renaming_an_account_that_does_not_exist_is_refused() =>
        await ThenRefusedAsync(new RenameAccount(Host.LedgerId, AccountId.For(Host.LedgerId, "9999"), "Ghost"), "account.not_found");
}
