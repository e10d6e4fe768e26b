using EventFlowApp.Kernel.Queries;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Queries;

public sealed class QueryProcessorTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create(o => o.AddQueryHandler<BrokenQueryHandler>());

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_query_is_answered_by_its_handler()
    {
        var id = ThingId.New;
        await _host.CreateAsync(id);
        await _host.CountAsync(id, 7);

        var total = await _host.Queries.ProcessAsync(new GetThingTotal(id), KernelHost.Ct);

        Assert.Equal(7, total);
    }

    [Fact]
    public async Task A_query_without_a_handler_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _host.Queries.ProcessAsync(new UnansweredQuery(), KernelHost.Ct));

        Assert.Contains("No handler", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(UnansweredQuery), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_throws_reaches_the_caller_with_its_own_exception()
    {
        var error = await Assert.ThrowsAsync<TimeoutException>(() => _host.Queries.ProcessAsync(new BrokenQuery(), KernelHost.Ct));

        Assert.Equal("read model unavailable", error.Message);
    }

    [Fact]
    public async Task Two_handlers_for_one_query_are_a_clear_error_not_a_silent_pick()
    {
        using var host = KernelHost.Create(o => o.AddQueryHandler<SecondTotalHandler>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => host.Queries.ProcessAsync(new GetThingTotal(ThingId.New), KernelHost.Ct));

        Assert.Contains("2 handlers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_query_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentNullException>(() => _host.Queries.ProcessAsync<int>(null!, KernelHost.Ct));

    private sealed class SecondTotalHandler : IQueryHandler<GetThingTotal, int>
    {
        public Task<int> ExecuteQueryAsync(GetThingTotal query, CancellationToken cancellationToken) => Task.FromResult(-1);
    }
}

public sealed record UnansweredQuery : IQuery<string>;

public sealed record BrokenQuery : IQuery<string>;

public sealed class BrokenQueryHandler : IQueryHandler<BrokenQuery, string>
{
    public Task<string> ExecuteQueryAsync(BrokenQuery query, CancellationToken cancellationToken) =>
        throw new TimeoutException("read model unavailable");
}
