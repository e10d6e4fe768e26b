using EventFlowApp.Kernel.ReadModels;

namespace EventFlowApp.Storage.Tests.ReadModels;

public abstract partial class ReadModelStoreSuite
{
    [Fact]
    public async Task Rows_of_one_generation_are_invisible_in_another()
    {
        var live = await LiveAsync();
        var next = await BuildingAsync();
        await CommitAsync(next, 0, 3, new Dictionary<string, Posting> { ["a"] = Row("1000", 7m) });

        Assert.Equal(2, next.Generation);
        Assert.Null(await GetAsync("a"));
        Assert.Empty(await Store.LoadAsync(Postings, live.Generation, ["a"], Ct));
        Assert.Equal(7m, (await GetAsync("a", ReadModelView.Number(2)))!.Amount);
    }

    [Fact]
    public async Task Views_read_the_live_a_named_or_a_numbered_generation()
    {
        var live = await LiveAsync();
        var year = await BuildingAsync("fy2025", upTo: 100);
        await CommitAsync(live, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });
        await CommitAsync(year, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 2m) });

        Assert.Equal(1m, (await GetAsync("a"))!.Amount);
        Assert.Equal(2m, (await GetAsync("a", ReadModelView.Named("fy2025")))!.Amount);
        Assert.Equal(2m, (await GetAsync("a", ReadModelView.Number(year.Generation)))!.Amount);
        var missing = await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(() => GetAsync("a", ReadModelView.Named("fy2024")));
        Assert.Equal("postings", missing.ReadModel);
        await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(() => GetAsync("a", ReadModelView.Number(9)));
        await Assert.ThrowsAsync<ReadModelGenerationNotFoundException>(
            () => Store.QueryAsync<Posting, Posting>(ReadModelView.Named("fy2024"), q => q, Ct));
    }

    [Fact]
    public async Task Without_a_live_generation_the_live_view_has_no_rows()
    {
        var building = await BuildingAsync();
        await CommitAsync(building, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });

        Assert.Null(await GetAsync("a"));
        Assert.Empty(await Store.QueryAsync<Posting, Posting>(ReadModelView.Live, q => q, Ct));
        Assert.NotNull(await GetAsync("a", ReadModelView.Number(building.Generation)));
    }

    [Fact]
    public async Task Making_a_generation_live_retires_the_old_one_in_one_step()
    {
        var first = await LiveAsync();
        var second = await BuildingAsync();
        await CommitAsync(second, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 2m) });
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Generations.MakeLiveAsync(Postings.Name, second.Generation, Ct);

        var all = await Generations.ListAsync(Postings.Name, Ct);
        Assert.Equal([(1, GenerationState.Retired), (2, GenerationState.Live)], all.Select(g => (g.Generation, g.State)));
        Assert.All(all, g => Assert.Equal(Start.AddMinutes(5), g.CompletedAt));
        Assert.Equal(2m, (await GetAsync("a"))!.Amount);
        Assert.NotNull(await Processors.GetAsync(first.ProcessorName, Ct));
    }

    [Fact]
    public async Task Dropping_removes_rows_and_processor_but_never_the_live_generation()
    {
        var first = await LiveAsync();
        await CommitAsync(first, 0, 1, new Dictionary<string, Posting> { ["a"] = Row("1000", 1m) });
        await Assert.ThrowsAsync<ReadModelStateException>(() => Generations.DropAsync(Postings.Name, first.Generation, Ct));
        var second = await BuildingAsync();
        await Generations.MakeLiveAsync(Postings.Name, second.Generation, Ct);
        await Generations.DropAsync(Postings.Name, first.Generation, Ct);

        Assert.Null(await Generations.GetAsync(Postings.Name, first.Generation, Ct));
        Assert.Null(await Processors.GetAsync(first.ProcessorName, Ct));
        Assert.Empty(await Store.LoadAsync(Postings, first.Generation, ["a"], Ct));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Generations.DropAsync(Postings.Name, first.Generation, Ct));
    }

    [Fact]
    public async Task Generation_names_are_unique_and_only_the_first_generation_starts_live()
    {
        await LiveAsync();
        await BuildingAsync("fy2025", upTo: 10);

        await Assert.ThrowsAsync<ReadModelStateException>(() => BuildingAsync("fy2025", upTo: 20));
        await Assert.ThrowsAsync<ReadModelStateException>(
            () => Generations.CreateAsync(new GenerationRequest(Postings.Name, GenerationState.Live), Ct));
        Assert.Equal(2, (await Generations.ListAsync(null, Ct)).Count);
    }

    [Fact]
    public async Task A_building_generation_ends_with_its_state_and_reason()
    {
        var live = await LiveAsync();
        var year = await BuildingAsync("fy2025", upTo: 10);
        await Generations.EndAsync(Postings.Name, year.Generation, GenerationState.Failed, "event 7 broke", Ct);

        var ended = await Generations.GetAsync(Postings.Name, year.Generation, Ct);
        Assert.Equal((GenerationState.Failed, "event 7 broke", "fy2025", 10L), (ended!.State, ended.Error, ended.Name, ended.UpToPosition!.Value));
        await Assert.ThrowsAsync<ReadModelStateException>(
            () => Generations.EndAsync(Postings.Name, live.Generation, GenerationState.Complete, null, Ct));
        await Assert.ThrowsAsync<ReadModelStateException>(() => Generations.MakeLiveAsync(Postings.Name, year.Generation, Ct));
    }
}
