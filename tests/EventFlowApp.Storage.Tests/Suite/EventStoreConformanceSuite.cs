using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Snapshots;
using EventFlowApp.Storage.Tests.Domain;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventFlowApp.Storage.Tests.Suite;

/// <summary>
/// What every event store must do, whatever the database. A provider subclasses this in a few lines
/// (see <c>Providers/</c>); each test gets its own empty database.
/// </summary>
public abstract partial class EventStoreConformanceSuite : IAsyncLifetime
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    private StorageHost? _host;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected IServiceProvider Services => (_host ?? throw new InvalidOperationException("Not initialised.")).Services;

    protected IStorageTarget Target => (_host ?? throw new InvalidOperationException("Not initialised.")).Target;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IEventPersistence Persistence => Services.GetRequiredService<IEventPersistence>();

    protected ISnapshotPersistence Snapshots => Services.GetRequiredService<ISnapshotPersistence>();

    protected IAggregateStore Aggregates => Services.GetRequiredService<IAggregateStore>();

    protected IEventStore Events => Services.GetRequiredService<IEventStore>();

    protected ICommandBus Bus => Services.GetRequiredService<ICommandBus>();

    protected abstract IStorageTarget CreateTarget();

    public async ValueTask InitializeAsync() =>
        _host = await StorageHost.StartAsync(
            CreateTarget(),
            o => o.AddEvents(typeof(NoteWritten), typeof(NoteArchived), typeof(NoteWithPayload))
                .AddCommandHandler<WriteNoteHandler>()
                .AddCommandHandler<ArchiveNoteHandler>()
                .AddUpgrader<NoteAddedUpgrader>()
                .AddSnapshots<Note>(10)
                .Configure(x => x.ConcurrencyRetries = 3),
            s => s.AddSingleton<TimeProvider>(Clock));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected Task<WriteNoteResult> WriteAsync(NoteId id, string text, string? sourceId = null) =>
        Bus.PublishAsync(sourceId is null ? new WriteNote(id, text) : new WriteNote(id, text) { SourceId = sourceId }, Ct);

    protected async Task<IReadOnlyList<CommittedEvent>> AllEventsAsync()
    {
        var page = await Persistence.LoadAllAsync(0, int.MaxValue, Ct);
        return page.Events;
    }

    protected Task<Note> LoadAsync(NoteId id) => Aggregates.LoadAsync<Note, NoteId>(id, Ct);
}
