using EventFlowApp.Ledger.Accounts;

namespace EventFlowApp.Web.Api;

public sealed record OpenLedgerRequest(string Name, string ReportingCurrency);

public sealed record OpenAccountRequest(string Code, string Name, AccountType Type, string Currency);

public sealed record RenameAccountRequest(string Name);

/// <summary>A line names its account by code and has a debit or a credit; the currency defaults to the account's.</summary>
public sealed record EntryLineRequest(string Account, decimal? Debit, decimal? Credit, string? Currency);

/// <summary><see cref="ExternalId"/>, when given, makes the entry's id deterministic: posting it twice is refused, not doubled.</summary>
public sealed record PostEntryRequest(string? ExternalId, DateOnly EffectiveDate, string? Description, string? Reference, IReadOnlyList<EntryLineRequest> Lines);

public sealed record ReverseEntryRequest(DateOnly? EffectiveDate, string? Description);
