using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Storage.Tests.ReadModels;

public abstract partial class ReadModelStoreSuite
{
    [Fact]
    public async Task Grouped_sums_of_decimals_are_exact()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting>
        {
            ["1"] = Row("1000", 0.1m),
            ["2"] = Row("1000", 0.2m),
            ["3"] = Row("2000", 12345678901234.5678m),
            ["4"] = Row("2000", 0.0001m),
            ["5"] = Row("3000", -0.3m),
        });

        var sums = await Store.QueryAsync<Posting, AccountTotal>(
            ReadModelView.Live,
            q => q.Where(p => p.Account != "3000").GroupBy(p => p.Account).Select(g => new AccountTotal(g.Key, g.Sum(p => p.Amount), g.Count())),
            Ct);

        Assert.Equal(
            [new AccountTotal("1000", 0.3m, 2), new AccountTotal("2000", 12345678901234.5679m, 2)],
            sums.OrderBy(s => s.Account, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_on_dates_and_instants_run_in_the_query()
    {
        var live = await LiveAsync();
        var rows = new Dictionary<string, Posting>();
        for (var day = 1; day <= 6; day++)
        {
            var row = Row("1000", day, new DateOnly(2026, 1, day * 5));
            row.RecordedAt = Start.AddDays(day);
            row.BookedAt = Start.UtcDateTime.AddHours(day);
            rows[$"d{day}"] = row;
        }

        await CommitAsync(live, 0, 1, rows);
        var from = new DateOnly(2026, 1, 10);
        var until = Start.AddDays(5);
        var booked = Start.UtcDateTime.AddHours(2);

        var inPeriod = await Store.QueryAsync<Posting, decimal>(
            ReadModelView.Live,
            q => q.Where(p => p.Day >= from && p.RecordedAt < until && p.BookedAt > booked).OrderBy(p => p.Day).Select(p => p.Amount),
            Ct);
        var byMonth = await Store.QueryAsync<Posting, int>(
            ReadModelView.Live,
            q => q.Where(p => p.Day.Month == 1).GroupBy(p => p.Day.Month).Select(g => g.Count()),
            Ct);

        Assert.Equal([3m, 4m], inPeriod);
        Assert.Equal([6], byMonth);
    }

    [Fact]
    public async Task Queries_see_only_their_generation()
    {
        var live = await LiveAsync();
        var next = await BuildingAsync();
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });
        await CommitAsync(next, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 2m), ["b"] = Row("1000", 3m) });

        var live1 = await Store.QueryAsync<Posting, decimal>(ReadModelView.Live, q => q.Select(p => p.Amount), Ct);
        var next2 = await Store.QueryAsync<Posting, decimal>(ReadModelView.Number(next.Generation), q => q.Select(p => p.Amount), Ct);

        Assert.Equal([1m], live1);
        Assert.Equal([2m, 3m], next2.Order());
    }

    [Fact]
    public async Task Decimals_compare_and_order_in_the_query()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting>
        {
            ["a"] = Row("1000", 10m),
            ["b"] = Row("1000", 9.99m),
            ["c"] = Row("1000", 100m),
            ["d"] = Row("1000", -5m),
        });

        var large = await Store.QueryAsync<Posting, decimal>(ReadModelView.Live, q => q.Where(p => p.Amount > 9.995m).OrderByDescending(p => p.Amount).Select(p => p.Amount), Ct);

        Assert.Equal([100m, 10m], large);
    }

    public sealed record AccountTotal(string Account, decimal Total, int Count);
}
