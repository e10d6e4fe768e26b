using EventFlowApp.Kernel.Core;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>The decisions suppliers and customers share; each aggregate then emits its own events.</summary>
public static class CounterpartyRules
{
    public const int MaxNameLength = 200;

    public static string RequireName(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxNameLength
            ? trimmed
            : throw new DomainError("name.invalid", $"{what} needs a name of 1 to {MaxNameLength} characters.");
    }

    public static void EnsureRegistered(CounterpartyState state, bool isNew, string what)
    {
        if (isNew || state.LedgerId is null)
        {
            throw new DomainError("counterparty.not_found", $"{what} is not registered.");
        }
    }

    public static void EnsureNotRegistered(bool isNew, string what)
    {
        if (!isNew)
        {
            throw new DomainError("counterparty.exists", $"{what} is already registered.");
        }
    }

    /// <summary>Checks a payment and splits it: requested allocations or oldest first, the rest held as credit.</summary>
    public static (IReadOnlyList<Allocation> Allocations, decimal ToCredit) AllocatePayment(
        CounterpartyState state, string paymentId, decimal amount, IReadOnlyList<Allocation>? requested, string what)
    {
        if (string.IsNullOrWhiteSpace(paymentId) || paymentId.Length > 100)
        {
            throw new DomainError("payment.id_invalid", $"{what} needs an id of 1 to 100 characters.");
        }

        if (state.Payments.Contains(paymentId))
        {
            throw new DomainError("payment.duplicate", $"{what} {paymentId} is already recorded.");
        }

        OpenItems.EnsurePositive(amount, state.Currency, what);
        return state.Items.Allocate(amount, requested, $"{what} {paymentId}");
    }

    /// <summary>Applies held credit: to the given allocations, or oldest first up to the credit held.</summary>
    public static IReadOnlyList<Allocation> AllocateCredit(CounterpartyState state, IReadOnlyList<Allocation>? requested, string what)
    {
        if (state.Items.Credit <= 0m)
        {
            throw new DomainError("credit.none", $"{what}: there is no credit to apply.");
        }

        var (allocations, _) = state.Items.Allocate(state.Items.Credit, requested, what);
        return allocations.Count > 0
            ? allocations
            : throw new DomainError("credit.nothing_open", $"{what}: nothing is outstanding to apply the credit to.");
    }

    public static void EnsureItem(CounterpartyState state, string itemId, decimal amount, DateOnly issueDate, DateOnly dueDate, string what) =>
        state.Items.EnsureCanAdd(itemId, amount, state.Currency, issueDate, dueDate, what);
}
