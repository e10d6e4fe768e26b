using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Commands;

/// <summary>
/// Regression: the duplicate check compared only the aggregate id, so another command sent with a
/// source id already used on the same aggregate was silently answered "duplicate" with the first
/// command's result (cast to the wrong result type) and never applied.
/// </summary>
public sealed class Bug_SourceIdReusedByAnotherCommandTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Bug_SourceIdReusedByAnotherCommandOnTheSameAggregate_IsAClearError()
    {
        await _host.Bus.PublishAsync(new CreateThing(_id, "lamp") { SourceId = "shared" }, KernelHost.Ct);

        var error = await Assert.ThrowsAsync<SourceIdReusedException>(
            () => _host.Bus.PublishAsync(new RenameThing(_id, "desk lamp") { SourceId = "shared" }, KernelHost.Ct));

        Assert.Contains("shared", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(CreateThing), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RenameThing), error.Message, StringComparison.Ordinal);
        Assert.Single(await _host.StreamAsync(_id));
    }

    [Fact]
    public async Task Bug_SourceIdReusedByACommandWithAnotherResultType_IsAClearError()
    {
        await _host.Bus.PublishAsync(new CreateThing(_id, "lamp") { SourceId = "shared" }, KernelHost.Ct);

        await Assert.ThrowsAsync<SourceIdReusedException>(
            () => _host.Bus.PublishAsync(new CountThing(_id, 3) { SourceId = "shared" }, KernelHost.Ct));

        Assert.Equal(0, (await _host.LoadAsync(_id)).State.Total);
    }
}
