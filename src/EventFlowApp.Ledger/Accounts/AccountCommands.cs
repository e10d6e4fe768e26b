using EventFlowApp.Kernel.Commands;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Accounts;

public sealed record OpenAccountResult(AccountId AccountId) : ExecutionResult;

public sealed record OpenAccount(GeneralLedgerId AggregateId, string Code, string Name, AccountType Type, Currency Currency)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, OpenAccountResult>(AggregateId);

public sealed record RenameAccount(GeneralLedgerId AggregateId, AccountId AccountId, string Name)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId);

public sealed record CloseAccount(GeneralLedgerId AggregateId, AccountId AccountId)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId);

public sealed record ReopenAccount(GeneralLedgerId AggregateId, AccountId AccountId)
    : Command<GeneralLedger.GeneralLedger, GeneralLedgerId, ExecutionResult>(AggregateId);
