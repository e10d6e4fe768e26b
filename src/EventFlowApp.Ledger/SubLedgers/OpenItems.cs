using System.Collections.Immutable;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.SubLedgers;

/// <summary>
/// The open-item bookkeeping that suppliers and customers share: items, their settlement, and credit
/// held from overpayments. Immutable; the deciding methods throw a <see cref="DomainError"/> and change nothing.
/// </summary>
public sealed record OpenItems
{
    public ImmutableDictionary<string, OpenItem> Items { get; init; } = ImmutableDictionary<string, OpenItem>.Empty;

    /// <summary>Money paid beyond what was owed, waiting to be applied to a later item.</summary>
    public decimal Credit { get; init; }

    public decimal Outstanding => Items.Values.Sum(i => i.Outstanding);

    public OpenItems Add(OpenItem item) => this with { Items = Items.Add(item.ItemId, item) };

    public OpenItems Settle(IEnumerable<Allocation> allocations)
    {
        var items = Items;
        foreach (var allocation in allocations)
        {
            var item = items[allocation.ItemId];
            items = items.SetItem(item.ItemId, item with { Settled = item.Settled + allocation.Amount });
        }

        return this with { Items = items };
    }

    public IEnumerable<OpenItem> OverdueOn(DateOnly date) => Items.Values.Where(i => i.IsOverdueOn(date)).OrderBy(i => i.DueDate);

    /// <summary>Checks a new item: a fresh id, a positive amount with the currency's decimals, due no earlier than issued.</summary>
    public void EnsureCanAdd(string itemId, decimal amount, Currency currency, DateOnly issueDate, DateOnly dueDate, string what)
    {
        if (string.IsNullOrWhiteSpace(itemId) || itemId.Length > 100)
        {
            throw new DomainError("item.id_invalid", $"{what} needs an id of 1 to 100 characters.");
        }

        if (Items.ContainsKey(itemId))
        {
            throw new DomainError("item.duplicate", $"{what} {itemId} is already recorded.");
        }

        EnsurePositive(amount, currency, what);
        if (dueDate < issueDate)
        {
            throw new DomainError("item.due_before_issue", $"{what} {itemId} is due on {dueDate:yyyy-MM-dd}, before it was issued on {issueDate:yyyy-MM-dd}.");
        }
    }

    /// <summary>
    /// Splits a payment over items: the requested allocations if given (each to a known item, at most
    /// its outstanding amount), else oldest due first. Returns the allocations and what is left as credit.
    /// </summary>
    public (IReadOnlyList<Allocation> Allocations, decimal Remainder) Allocate(decimal amount, IReadOnlyList<Allocation>? requested, string what)
    {
        var allocations = requested ?? OldestFirst(amount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var allocation in allocations)
        {
            if (!Items.TryGetValue(allocation.ItemId, out var item))
            {
                throw new DomainError("item.not_found", $"{what}: there is no item {allocation.ItemId} to allocate to.");
            }

            if (!seen.Add(item.ItemId) || allocation.Amount <= 0 || allocation.Amount > item.Outstanding)
            {
                throw new DomainError(
                    "allocation.invalid", $"{what}: {allocation.Amount} cannot be allocated to {item.Number}, which has {item.Outstanding} outstanding.");
            }
        }

        var allocated = allocations.Sum(a => a.Amount);
        if (allocated > amount)
        {
            throw new DomainError("allocation.exceeds_payment", $"{what}: allocations of {allocated} exceed the payment of {amount}.");
        }

        return (allocations, amount - allocated);
    }

    public static void EnsurePositive(decimal amount, Currency currency, string what)
    {
        if (amount <= 0)
        {
            throw new DomainError("amount.not_positive", $"{what}: the amount must be positive, not {amount}.");
        }

        MoneyRules.EnsurePrecision(amount, currency, what);
    }

    private List<Allocation> OldestFirst(decimal amount)
    {
        var allocations = new List<Allocation>();
        foreach (var item in Items.Values.Where(i => !i.IsSettled).OrderBy(i => i.DueDate).ThenBy(i => i.IssueDate).ThenBy(i => i.ItemId, StringComparer.Ordinal))
        {
            if (amount == 0m)
            {
                break;
            }

            var part = Math.Min(amount, item.Outstanding);
            allocations.Add(new Allocation(item.ItemId, part));
            amount -= part;
        }

        return allocations;
    }
}
