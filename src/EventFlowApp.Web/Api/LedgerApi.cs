using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Web.Api;

/// <summary>
/// The ledger's commands over JSON. An <c>Idempotency-Key</c> header becomes the command's source id, so
/// a client may retry any request safely.
/// </summary>
public static class LedgerApi
{
    private static readonly Guid KeyNamespace = new("7d2e9c41-0b6a-4f85-a3d1-6c8e2f4b9a07");

    public static void MapLedgerApi(this IEndpointRouteBuilder endpoints)
    {
        var ledgers = endpoints.MapGroup("/api/ledgers");
        ledgers.MapPost("/", OpenLedgerAsync);
        ledgers.MapGet("/{ledgerId}", GetLedgerAsync);
        ledgers.MapPost("/{ledgerId}/accounts", OpenAccountAsync);
        ledgers.MapPost("/{ledgerId}/accounts/{code}/rename", (string ledgerId, string code, RenameAccountRequest body, HttpRequest http, ICommandBus bus, IAggregateStore store, CancellationToken ct) =>
            OnAccountAsync(ledgerId, code, http, bus, store, (l, a) => new RenameAccount(l, a, body.Name), ct));
        ledgers.MapPost("/{ledgerId}/accounts/{code}/close", (string ledgerId, string code, HttpRequest http, ICommandBus bus, IAggregateStore store, CancellationToken ct) =>
            OnAccountAsync(ledgerId, code, http, bus, store, (l, a) => new CloseAccount(l, a), ct));
        ledgers.MapPost("/{ledgerId}/accounts/{code}/reopen", (string ledgerId, string code, HttpRequest http, ICommandBus bus, IAggregateStore store, CancellationToken ct) =>
            OnAccountAsync(ledgerId, code, http, bus, store, (l, a) => new ReopenAccount(l, a), ct));
        ledgers.MapPost("/{ledgerId}/periods/{period}/close", (string ledgerId, string period, HttpRequest http, ICommandBus bus, CancellationToken ct) =>
            SendAsync(bus, Keyed(new ClosePeriod(GeneralLedgerId.With(ledgerId), Period.Parse(period)), http), ct));
        ledgers.MapPost("/{ledgerId}/periods/{period}/reopen", (string ledgerId, string period, HttpRequest http, ICommandBus bus, CancellationToken ct) =>
            SendAsync(bus, Keyed(new ReopenPeriod(GeneralLedgerId.With(ledgerId), Period.Parse(period)), http), ct));
        ledgers.MapPost("/{ledgerId}/entries", PostEntryAsync);
        endpoints.MapPost("/api/entries/{entryId}/reversal", ReverseEntryAsync);
    }

    private static async Task<IResult> OpenLedgerAsync(OpenLedgerRequest body, HttpRequest http, ICommandBus bus, CancellationToken ct)
    {
        var id = IdempotencyKey(http) is { } key ? GeneralLedgerId.NewDeterministic(KeyNamespace, $"ledger/{key}") : GeneralLedgerId.New;
        var result = await bus.PublishAsync(Keyed(new OpenLedger(id, body.Name, Currency.Of(body.ReportingCurrency)), http), ct);
        return Results.Created($"/api/ledgers/{id}", new { ledgerId = id.Value, result.WasDuplicate });
    }

    private static async Task<IResult> GetLedgerAsync(string ledgerId, IAggregateStore store, CancellationToken ct)
    {
        var ledger = await store.LoadAsync<GeneralLedger, GeneralLedgerId>(GeneralLedgerId.With(ledgerId), ct);
        if (ledger.IsNew)
        {
            return Results.Problem($"Ledger {ledgerId} does not exist.", statusCode: StatusCodes.Status404NotFound);
        }

        var s = ledger.State;
        return Results.Ok(new
        {
            ledgerId,
            s.Name,
            reportingCurrency = s.ReportingCurrency?.Code,
            s.LastEntryNumber,
            closedPeriods = s.ClosedPeriods.Select(p => p.ToString()),
            accounts = s.Accounts.Values.OrderBy(a => a.Code, StringComparer.Ordinal).Select(a => new
            {
                accountId = a.Id.Value, a.Code, a.Name, type = a.Type.ToString(), currency = a.Currency.Code, a.IsClosed, a.Balance,
            }),
        });
    }

    private static async Task<IResult> OpenAccountAsync(string ledgerId, OpenAccountRequest body, HttpRequest http, ICommandBus bus, CancellationToken ct)
    {
        var command = Keyed(new OpenAccount(GeneralLedgerId.With(ledgerId), body.Code, body.Name, body.Type, Currency.Of(body.Currency)), http);
        var result = await bus.PublishAsync(command, ct);
        return Results.Created($"/api/ledgers/{ledgerId}", new { accountId = result.AccountId.Value, result.WasDuplicate });
    }

    private static async Task<IResult> PostEntryAsync(string ledgerId, PostEntryRequest body, HttpRequest http, ICommandBus bus, IAggregateStore store, CancellationToken ct)
    {
        var ledgerIdentity = GeneralLedgerId.With(ledgerId);
        var ledger = await store.LoadAsync<GeneralLedger, GeneralLedgerId>(ledgerIdentity, ct);
        var lines = (body.Lines ?? []).Select((line, i) => ToInput(ledger, line, i + 1)).ToList();
        var entryId = (body.ExternalId, IdempotencyKey(http)) switch
        {
            ({ Length: > 0 } external, _) => JournalEntryId.For(ledgerIdentity, external),
            (_, { } key) => JournalEntryId.For(ledgerIdentity, $"http/{key}"),
            _ => JournalEntryId.New,
        };
        var result = await bus.PublishAsync(Keyed(new PostJournalEntry(entryId, ledgerIdentity, body.EffectiveDate, body.Description, body.Reference, lines), http), ct);
        return Results.Created($"/api/entries/{entryId}", new { entryId = entryId.Value, result.Number, result.WasDuplicate });
    }

    private static async Task<IResult> ReverseEntryAsync(string entryId, ReverseEntryRequest? body, HttpRequest http, ICommandBus bus, CancellationToken ct)
    {
        var reversalId = IdempotencyKey(http) is { } key ? JournalEntryId.NewDeterministic(KeyNamespace, $"reversal/{entryId}/{key}") : JournalEntryId.New;
        var result = await bus.PublishAsync(Keyed(new ReverseJournalEntry(JournalEntryId.With(entryId), reversalId, body?.EffectiveDate, body?.Description), http), ct);
        return Results.Created($"/api/entries/{reversalId}", new { entryId = reversalId.Value, result.Number, result.WasDuplicate });
    }

    private static async Task<IResult> OnAccountAsync(
        string ledgerId, string code, HttpRequest http, ICommandBus bus, IAggregateStore store, Func<GeneralLedgerId, AccountId, ICommand<GeneralLedger, GeneralLedgerId, ExecutionResult>> command, CancellationToken ct)
    {
        var id = GeneralLedgerId.With(ledgerId);
        var ledger = await store.LoadAsync<GeneralLedger, GeneralLedgerId>(id, ct);
        return await SendAsync(bus, Keyed(command(id, ledger.RequireAccount(code).Id), http), ct);
    }

    private static async Task<IResult> SendAsync(ICommandBus bus, ICommand<GeneralLedger, GeneralLedgerId, ExecutionResult> command, CancellationToken ct)
    {
        var result = await bus.PublishAsync(command, ct);
        return Results.Ok(new { result.WasDuplicate });
    }

    private static JournalLineInput ToInput(GeneralLedger ledger, EntryLineRequest line, int number)
    {
        var account = ledger.RequireAccount(line.Account ?? "");
        var (side, amount) = (line.Debit, line.Credit) switch
        {
            ({ } debit, null) => (Side.Debit, debit),
            (null, { } credit) => (Side.Credit, credit),
            _ => throw new ArgumentException($"Line {number}: give either a debit or a credit."),
        };
        return new JournalLineInput(account.Id, side, amount, line.Currency is null ? account.Currency : Currency.Of(line.Currency));
    }

    /// <summary>
    /// The request's Idempotency-Key, if any, scoped by the request path, becomes the command's source id;
    /// ids the request creates are derived from it too, so a retry addresses the same aggregate and is
    /// answered as a duplicate, while the same key on another ledger is another request.
    /// </summary>
    private static T Keyed<T>(T command, HttpRequest http)
        where T : class, ICommand =>
        IdempotencyKey(http) is { } key ? (T)command.WithSourceId($"http:{http.Path}:{key}") : command;

    private static string? IdempotencyKey(HttpRequest http) =>
        http.Headers.TryGetValue("Idempotency-Key", out var key) && !string.IsNullOrWhiteSpace(key) ? key.ToString() : null;
}
