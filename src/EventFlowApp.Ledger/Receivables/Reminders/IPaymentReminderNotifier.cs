using EventFlowApp.Ledger.Money;
using Microsoft.Extensions.Logging;

namespace EventFlowApp.Ledger.Receivables.Reminders;

/// <summary>
/// Tells a customer that an invoice is overdue (mail, letter, a dunning service). A host registers its
/// own; the default only logs. Called at least once per overdue invoice: use <see cref="PaymentReminder.ReminderId"/>
/// to drop a repeat after a crash.
/// </summary>
public interface IPaymentReminderNotifier
{
    Task SendReminderAsync(PaymentReminder reminder, CancellationToken cancellationToken);
}

/// <param name="ReminderId">The id of the event that caused the reminder: the same for a repeat.</param>
public sealed record PaymentReminder(
    Guid ReminderId, CustomerId Customer, string CustomerName, string InvoiceId, string Number, decimal Outstanding, Currency Currency, DateOnly DueDate);

/// <summary>The default: writes the reminder to the log and sends nothing.</summary>
public sealed partial class LoggingPaymentReminderNotifier(ILogger<LoggingPaymentReminderNotifier> logger) : IPaymentReminderNotifier
{
    public Task SendReminderAsync(PaymentReminder reminder, CancellationToken cancellationToken)
    {
        LogReminder(logger, reminder.Number, reminder.CustomerName, reminder.Outstanding, reminder.Currency, reminder.DueDate);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment reminder: invoice {Number} to {Customer}, {Outstanding} {Currency} due on {DueDate} (no notifier registered, nothing sent)")]
    private static partial void LogReminder(ILogger logger, string number, string customer, decimal outstanding, Currency currency, DateOnly dueDate);
}
