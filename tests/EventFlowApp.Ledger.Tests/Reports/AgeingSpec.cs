using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Payables;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Ledger.Reports.Ageing;
using EventFlowApp.Ledger.SubLedgers;
using EventFlowApp.Ledger.Tests.Support;

namespace EventFlowApp.Ledger.Tests.Reports;

/// <summary>Supplier and customer balances by days overdue on the report's date: current, 1-30, 31-60, 61-90, over 90.</summary>
public sealed class AgeingSpec : IDisposable
{
    private static readonly DateOnly June30 = new(2026, 6, 30);
    private static readonly DateOnly Issued = new(2026, 3, 1);
    private readonly ReportHost _reports = new();
    private readonly SupplierId _supplier = SupplierId.New;
    private AccountId _bank = null!;
    private AccountId _expenses = null!;

    public void Dispose() => _reports.Dispose();

    /// <summary>Eight bills, each due so that on 30 June it is 0, 1, 30, 31, 60, 61, 90 and 91 days overdue.</summary>
    private async Task GivenBillsAtEveryBoundaryAsync()
    {
        _bank = await _reports.AccountAsync("1000", AccountType.Asset);
        _expenses = await _reports.AccountAsync("6000", AccountType.Expense);
        var payables = await _reports.AccountAsync("2000", AccountType.Liability);
        await _reports.Host.SendAsync(new RegisterSupplier(_supplier, _reports.LedgerId, "Paper Co", Currency.EUR, payables));
        (string Id, int Days, decimal Amount)[] bills = [("d0", 0, 100m), ("d1", 1, 200m), ("d30", 30, 300m), ("d31", 31, 400m), ("d60", 60, 500m), ("d61", 61, 600m), ("d90", 90, 700m), ("d91", 91, 800m)];
        foreach (var (id, days, amount) in bills)
        {
            await _reports.Host.SendAsync(new ReceiveBill(_supplier, id, $"B-{id}", amount, Issued, June30.AddDays(-days), _expenses));
        }
    }

    private static (decimal, decimal, decimal, decimal, decimal, decimal) Of(AgeingBuckets b) => (b.Current, b.Days1To30, b.Days31To60, b.Days61To90, b.Over90, b.Total);

    [Fact]
    public async Task Each_boundary_falls_in_the_bucket_its_days_overdue_name()
    {
        await GivenBillsAtEveryBoundaryAsync();

        var report = await _reports.AgeingAsync(CounterpartyKind.Supplier, June30);

        var supplier = Assert.Single(report.Counterparties);
        Assert.Equal(
            [("d91", 91, "over-90"), ("d90", 90, "61-90"), ("d61", 61, "61-90"), ("d60", 60, "31-60"), ("d31", 31, "31-60"), ("d30", 30, "1-30"), ("d1", 1, "1-30"), ("d0", 0, "current")],
            supplier.Items.Select(i => (i.ItemId, i.DaysOverdue, i.Bucket)));
        Assert.Equal((100m, 500m, 900m, 1300m, 800m, 3600m), Of(supplier.Buckets));
        Assert.Equal(("Paper Co", "EUR"), (supplier.Name, supplier.Currency));
        Assert.Equal(Of(supplier.Buckets), Of(Assert.Single(report.Totals).Buckets));
    }

    [Fact]
    public async Task Payments_count_from_their_date_and_as_known_at_before_them_they_do_not()
    {
        await GivenBillsAtEveryBoundaryAsync();
        var beforePayments = await _reports.PositionAsync();
        await _reports.Host.SendAsync(new PaySupplier(_supplier, "P1", 250m, new DateOnly(2026, 6, 15), _bank, [new Allocation("d1", 200m), new Allocation("d91", 50m)]));
        await _reports.Host.SendAsync(new PaySupplier(_supplier, "P2", 100m, new DateOnly(2026, 7, 5), _bank, [new Allocation("d0", 100m)]));

        var june = await _reports.AgeingAsync(CounterpartyKind.Supplier, June30);
        var july = await _reports.AgeingAsync(CounterpartyKind.Supplier, new DateOnly(2026, 7, 5));
        var known = await _reports.AgeingAsync(CounterpartyKind.Supplier, June30, ReportHost.KnownAt(beforePayments));

        // d1 is paid and drops out; d91 has 750 left; P2 is dated after 30 June.
        var supplier = Assert.Single(june.Counterparties);
        Assert.Equal((100m, 300m, 900m, 1300m, 750m, 3350m), Of(supplier.Buckets));
        Assert.DoesNotContain(supplier.Items, i => i.ItemId == "d1");
        Assert.Equal((800m, 50m, 750m), supplier.Items.Where(i => i.ItemId == "d91").Select(i => (i.Amount, i.Paid, i.Outstanding)).Single());
        // On 5 July d0 is paid too, and everything is five days older: d30 and d31 (35, 36 days) are 31-60, d60 and d61 (65, 66) are 61-90, d90 and d91 (95, 96) over 90.
        Assert.Equal((0m, 0m, 700m, 1100m, 1450m, 3250m), Of(Assert.Single(july.Counterparties).Buckets));
        Assert.Equal(3600m, Assert.Single(known.Counterparties).Buckets.Total);
    }

    [Fact]
    public async Task A_bill_issued_after_the_date_is_not_yet_owed_and_a_settled_supplier_is_not_listed()
    {
        await GivenBillsAtEveryBoundaryAsync();
        var other = SupplierId.New;
        var payables = AccountId.For(_reports.LedgerId, "2000");
        await _reports.Host.SendAsync(new RegisterSupplier(other, _reports.LedgerId, "Ink Ltd", Currency.EUR, payables));
        await _reports.Host.SendAsync(new ReceiveBill(other, "x", "X-1", 10m, Issued, Issued.AddDays(10), _expenses));
        await _reports.Host.SendAsync(new PaySupplier(other, "P", 10m, Issued.AddDays(5), _bank));

        var march = await _reports.AgeingAsync(CounterpartyKind.Supplier, new DateOnly(2026, 3, 31));
        var february = await _reports.AgeingAsync(CounterpartyKind.Supplier, new DateOnly(2026, 2, 28));

        Assert.Equal(["Paper Co"], march.Counterparties.Select(c => c.Name));
        Assert.Empty(february.Counterparties);
    }

    [Fact]
    public async Task Customers_age_their_invoices_the_same_way()
    {
        var bank = await _reports.AccountAsync("1000", AccountType.Asset);
        var receivables = await _reports.AccountAsync("1100", AccountType.Asset);
        var sales = await _reports.AccountAsync("4000", AccountType.Revenue);
        var customer = CustomerId.New;
        await _reports.Host.SendAsync(new RegisterCustomer(customer, _reports.LedgerId, "Buyer plc", Currency.EUR, receivables));
        await _reports.Host.SendAsync(new IssueInvoice(customer, "i1", "INV-1", 1000m, Issued, new DateOnly(2026, 5, 31), sales));
        await _reports.Host.SendAsync(new ReceivePayment(customer, "R1", 400m, new DateOnly(2026, 6, 1), bank));

        var report = await _reports.AgeingAsync(CounterpartyKind.Customer, June30);
        var suppliers = await _reports.AgeingAsync(CounterpartyKind.Supplier, June30);

        Assert.Equal((0m, 600m, 0m, 0m, 0m, 600m), Of(Assert.Single(report.Counterparties).Buckets));
        Assert.Empty(suppliers.Counterparties);
    }
}
