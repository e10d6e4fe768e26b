using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Tests.Domain;
using EventFlowApp.Kernel.Tests.Support;

namespace EventFlowApp.Kernel.Tests.Aggregates;

/// <summary>Loading as of a version or a time gives the earlier state; later events are left out.</summary>
public sealed class AsOfLoadTests : IDisposable
{
    private readonly KernelHost _host = KernelHost.Create();
    private readonly ThingId _id = ThingId.New;

    public void Dispose() => _host.Dispose();

    /// <summary>v1 created at Start, v2 +1 at Start+1h, v3 +10 at Start+2h, v4 renamed at Start+3h.</summary>
    private async Task GivenFourEventsAnHourApartAsync()
    {
        await _host.CreateAsync(_id, "lamp");
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.CountAsync(_id, 1);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.CountAsync(_id, 10);
        _host.Clock.Advance(TimeSpan.FromHours(1));
        await _host.Bus.PublishAsync(new RenameThing(_id, "desk lamp"), KernelHost.Ct);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(1, 0, "lamp")]
    [InlineData(2, 1, "lamp")]
    [InlineData(3, 11, "lamp")]
    [InlineData(4, 11, "desk lamp")]
    [InlineData(99, 11, "desk lamp")]
    public async Task At_a_version_gives_the_state_after_that_event(long version, int total, string? name)
    {
        await GivenFourEventsAnHourApartAsync();

        var thing = await _host.LoadAsync(_id, AsOf.AtVersion(version));

        Assert.Equal(Math.Min(version, 4), thing.Version);
        Assert.Equal(total, thing.State.Total);
        Assert.Equal(name, thing.State.Name);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, 1, 0)]
    [InlineData(30, 1, 0)]
    [InlineData(60, 2, 1)]
    [InlineData(119, 2, 1)]
    [InlineData(120, 3, 11)]
    [InlineData(600, 4, 11)]
    public async Task At_a_time_gives_the_state_as_it_was_then(int minutesAfterStart, long version, int total)
    {
        await GivenFourEventsAnHourApartAsync();

        var thing = await _host.LoadAsync(_id, AsOf.AtTime(KernelHost.Start.AddMinutes(minutesAfterStart)));

        Assert.Equal(version, thing.Version);
        Assert.Equal(total, thing.State.Total);
    }

    [Fact]
    public async Task At_a_time_in_another_offset_means_the_same_instant()
    {
        await GivenFourEventsAnHourApartAsync();
        var oneHourIn = KernelHost.Start.AddHours(1).ToOffset(TimeSpan.FromHours(-5));

        var thing = await _host.LoadAsync(_id, AsOf.AtTime(oneHourIn));

        Assert.Equal(2, thing.Version);
        Assert.Equal(KernelHost.Start.AddHours(1), thing.LastEventTimestamp);
    }

    [Fact]
    public async Task An_as_of_load_does_not_change_what_a_normal_load_sees()
    {
        await GivenFourEventsAnHourApartAsync();
        await _host.LoadAsync(_id, AsOf.AtVersion(1));

        var current = await _host.LoadAsync(_id);

        Assert.Equal(4, current.Version);
        Assert.Equal(KernelHost.Start.AddHours(3), current.LastEventTimestamp);
    }

    [Fact]
    public void A_negative_version_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AsOf.AtVersion(-1));

    [Fact]
    public async Task A_missing_aggregate_loads_as_new_at_any_point()
    {
        var thing = await _host.LoadAsync(_id, AsOf.AtTime(KernelHost.Start));

        Assert.True(thing.IsNew);
        Assert.Equal(_id, thing.Id);
    }
}
