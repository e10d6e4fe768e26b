using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Storage.Tests.ReadModels;

public abstract partial class ReadModelStoreSuite
{
    [Fact]
    public async Task Upserts_insert_then_replace_rows()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 5, new Dictionary<string, Posting> { ["a"] = Row("1000", 10m), ["b"] = Row("2000", 20m) });
        await CommitAsync(live, 5, 9, new Dictionary<string, Posting> { ["a"] = Row("1000", 15m, memo: "changed") });

        var a = await GetAsync("a");
        Assert.Equal(15m, a!.Amount);
        Assert.Equal("changed", a.Memo);
        Assert.Equal(20m, (await GetAsync("b"))!.Amount);
        Assert.Equal(9, await PositionAsync(live));
    }

    [Fact]
    public async Task Deletes_remove_rows_and_load_leaves_missing_ids_out()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m), ["b"] = Row("1000", 2m) });
        await CommitAsync(live, 1, 2, deletes: ["a", "never-stored"]);

        Assert.Null(await GetAsync("a"));
        var loaded = await Store.LoadAsync(Postings, live.Generation, ["a", "b", "c"], Ct);
        Assert.Equal(["b"], loaded.Keys);
        Assert.Equal(2m, ((Posting)loaded["b"]).Amount);
    }

    [Fact]
    public async Task Every_column_kind_round_trips_exactly()
    {
        var live = await LiveAsync();
        var recorded = new DateTimeOffset(2026, 3, 31, 23, 15, 30, 123, TimeSpan.FromHours(2));
        var row = new Posting
        {
            Account = "Kasse ünïcödé €",
            Amount = 12345678901234.5678m,
            Rate = 1.2345678901m,
            Day = new DateOnly(2026, 2, 28),
            RecordedAt = recorded,
            BookedAt = new DateTime(2026, 3, 31, 21, 15, 30, DateTimeKind.Utc),
            Memo = new string('m', 5000),
            Lines = int.MaxValue,
            Reversed = true,
            Reference = null,
        };
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["x"] = row });

        var back = (await GetAsync("x"))!;
        Assert.Equal(row.Account, back.Account);
        Assert.Equal(12345678901234.5678m, back.Amount);
        Assert.Equal(1.2345678901m, back.Rate);
        Assert.Equal(row.Day, back.Day);
        Assert.Equal(recorded, back.RecordedAt);
        Assert.Equal(row.BookedAt, back.BookedAt);
        Assert.Equal(DateTimeKind.Utc, back.BookedAt.Kind);
        Assert.Equal(5000, back.Memo!.Length);
        Assert.Equal((int.MaxValue, true, (long?)null), (back.Lines, back.Reversed, back.Reference));
    }

    [Fact]
    public async Task A_row_changed_after_loading_changes_nothing_until_committed()
    {
        var live = await LiveAsync();
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });
        var loaded = (Posting)(await Store.LoadAsync(Postings, live.Generation, ["a"], Ct))["a"];
        loaded.Amount = 99m;

        Assert.Equal(1m, (await GetAsync("a"))!.Amount);
    }

    [Fact]
    public async Task Large_batches_are_stored_in_one_commit()
    {
        const int count = 5000;
        var live = await LiveAsync();
        var rows = Enumerable.Range(0, count).ToDictionary(i => $"row-{i:D5}", i => Row($"{i % 50:D4}", i / 100m, memo: $"line {i}"));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await CommitAsync(live, 0, count, rows);
        var inserted = clock.Elapsed;
        clock.Restart();
        await CommitAsync(live, count, 2 * count, rows.ToDictionary(x => x.Key, x => Row(x.Value.Account, x.Value.Amount + 1m)));
        var replaced = clock.Elapsed;
        TestContext.Current.SendDiagnosticMessage($"{GetType().Name}: {count} rows inserted in {inserted.TotalMilliseconds:F0} ms, replaced in {replaced.TotalMilliseconds:F0} ms");

        var loaded = await Store.LoadAsync(Postings, live.Generation, rows.Keys.ToList(), Ct);
        Assert.Equal(count, loaded.Count);
        Assert.Equal(50.99m, ((Posting)loaded["row-04999"]).Amount);
        var total = await Store.QueryAsync<Posting, decimal>(ReadModelView.Live, q => q.GroupBy(_ => 1).Select(g => g.Sum(p => p.Amount)), Ct);
        Assert.Equal(Enumerable.Range(0, count).Sum(i => i / 100m + 1m), total.Single());

        await CommitAsync(live, 2 * count, 3 * count, deletes: rows.Keys.ToList());
        Assert.Empty(await Store.LoadAsync(Postings, live.Generation, rows.Keys.ToList(), Ct));
    }
}
