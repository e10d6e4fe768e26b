using System.Globalization;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Ledger.Reports.Ageing;

namespace EventFlowApp.Web.Api;

/// <summary>
/// The query string of a report request, taken as text and parsed here, so that every bad value is a 400
/// naming the parameter and the expected form (minimal APIs' own binding failures say neither, and outside
/// Development answer an empty 400). An <see cref="ArgumentException"/> becomes that 400 in <see cref="ApiErrors"/>.
/// </summary>
public sealed record ReportParameters(
    string LedgerId,
    string? AsOf,
    string? From,
    string? To,
    string? Account,
    string? Kind,
    string? KnownAtPosition,
    string? KnownAtTime,
    string? View)
{
    public GeneralLedgerId Ledger => GeneralLedgerId.With(LedgerId);

    /// <summary>"As known at" a position or a time (an ISO 8601 instant; without an offset it is UTC), and the named point-in-time view.</summary>
    public ReportOptions Options()
    {
        var knownAt = (KnownAtPosition, KnownAtTime) switch
        {
            (null, null) => null,
            ({ } position, null) => AsKnownAt.AtPosition(
                long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                    ? p
                    : throw Bad($"knownAtPosition must be a global position (a whole number, 0 or more), not '{position}'.")),
            (null, { } time) => AsKnownAt.AtTime(
                DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t
                    : throw Bad($"knownAtTime must be an ISO 8601 time such as 2026-03-31T17:00:00Z, not '{time}'.")),
            _ => throw Bad("Give knownAtPosition or knownAtTime, not both."),
        };
        var view = View switch
        {
            null => null,
            { Length: 0 } => throw Bad("view must name a point-in-time generation."),
            { } name => ReadModelView.Named(name),
        };
        return new ReportOptions(knownAt, view);
    }

    public DateOnly RequiredAsOf() => Date(nameof(AsOf), AsOf);

    public (DateOnly From, DateOnly To) RequiredPeriod()
    {
        var (from, to) = (Date(nameof(From), From), Date(nameof(To), To));
        return to < from ? throw Bad($"The period from {From} to {To} ends before it starts.") : (from, to);
    }

    public string RequiredAccount() =>
        string.IsNullOrWhiteSpace(Account) ? throw Bad("account is required: the code of the account, such as 1000.") : Account;

    public CounterpartyKind RequiredKind() => Kind switch
    {
        "customers" => CounterpartyKind.Customer,
        "suppliers" => CounterpartyKind.Supplier,
        null => throw Bad("kind is required: customers or suppliers."),
        _ => throw Bad($"kind must be customers or suppliers, not '{Kind}'."),
    };

    private static DateOnly Date(string name, string? value)
    {
        var parameter = char.ToLowerInvariant(name[0]) + name[1..];
        return value is null
            ? throw Bad($"{parameter} is required: a date such as 2026-03-31.")
            : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Bad($"{parameter} must be a date such as 2026-03-31, not '{value}'.");
    }

    private static ArgumentException Bad(string message) => new(message);
}
