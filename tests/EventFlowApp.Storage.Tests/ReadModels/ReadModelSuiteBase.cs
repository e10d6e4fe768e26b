using EventFlowApp.Kernel.Processors;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Storage.Tests.Domain;
using EventFlowApp.Storage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventFlowApp.Storage.Tests.ReadModels;

/// <summary>A kernel with the test read models on a fresh store of one provider, and helpers to fill it.</summary>
public abstract class ReadModelSuiteBase : IAsyncLifetime
{
    protected const string NodeA = "node-a";
    protected const string NodeB = "node-b";
    protected static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    protected static readonly ReadModelDefinition Postings = ReadModelDefinition.For(typeof(Posting));
    private StorageHost? _host;

    protected FakeTimeProvider Clock { get; } = new(Start);

    protected IServiceProvider Services => (_host ?? throw new InvalidOperationException("Not initialised.")).Services;

    protected IStorageTarget Target => (_host ?? throw new InvalidOperationException("Not initialised.")).Target;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IReadModelStore Store => Services.GetRequiredService<IReadModelStore>();

    protected IReadModelGenerationStore Generations => Services.GetRequiredService<IReadModelGenerationStore>();

    protected IProcessorStore Processors => Services.GetRequiredService<IProcessorStore>();

    protected abstract IStorageTarget CreateTarget();

    public async ValueTask InitializeAsync() =>
        _host = await StorageHost.StartAsync(
            CreateTarget(),
            o => o.AddEvents(typeof(NoteWritten), typeof(NoteArchived))
                .AddCommandHandler<WriteNoteHandler>()
                .AddCommandHandler<ArchiveNoteHandler>(),
            s =>
            {
                s.AddSingleton<TimeProvider>(Clock);
                s.AddSingleton(Postings);
                s.AddSingleton(ReadModelDefinition.For(typeof(NoteSummary)));
            },
            readModels: true);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The first (live) generation of postings, its processor leased to <see cref="NodeA"/>.</summary>
    protected async Task<ReadModelGeneration> LiveAsync()
    {
        var generation = await Generations.CreateAsync(new GenerationRequest(Postings.Name, GenerationState.Live), Ct);
        Assert.True(await Processors.TryAcquireLeaseAsync(generation.ProcessorName, NodeA, Lease, Ct));
        return generation;
    }

    protected async Task<ReadModelGeneration> BuildingAsync(string? name = null, long? upTo = null)
    {
        var generation = await Generations.CreateAsync(new GenerationRequest(Postings.Name, GenerationState.Building, name, upTo), Ct);
        Assert.True(await Processors.TryAcquireLeaseAsync(generation.ProcessorName, NodeA, Lease, Ct));
        return generation;
    }

    /// <summary>Stores rows and moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>.</summary>
    protected Task CommitAsync(
        ReadModelGeneration generation, long from, long to, IReadOnlyDictionary<string, Posting>? upserts = null, IReadOnlyCollection<string>? deletes = null, string owner = NodeA) =>
        Store.CommitAsync(
            new ReadModelChanges(
                Postings,
                generation.Generation,
                (upserts ?? new Dictionary<string, Posting>()).ToDictionary(x => x.Key, x => (IReadModel)x.Value),
                deletes ?? [],
                new CheckpointAdvance(generation.ProcessorName, owner, from, to)),
            Ct);

    protected static Posting Row(string account, decimal amount, DateOnly? day = null, string? memo = null) => new()
    {
        Account = account,
        Amount = amount,
        Rate = 1m,
        Day = day ?? new DateOnly(2026, 1, 15),
        RecordedAt = Start,
        BookedAt = Start.UtcDateTime,
        Memo = memo,
    };

    protected Task<Posting?> GetAsync(string id, ReadModelView? view = null) => Store.GetAsync<Posting>(id, view ?? ReadModelView.Live, Ct);

    protected async Task<long> PositionAsync(ReadModelGeneration generation) =>
        (await Processors.GetAsync(generation.ProcessorName, Ct))!.Position;
}
