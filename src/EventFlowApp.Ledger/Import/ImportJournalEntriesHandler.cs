using EventFlowApp.Kernel.Aggregates;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;

namespace EventFlowApp.Ledger.Import;

/// <summary>
/// Reads the file, then posts every entry to the ONE loaded ledger exactly as <see cref="PostJournalEntryHandler"/>
/// would (<see cref="GeneralLedger.GeneralLedger.PriceLines"/>, <see cref="GeneralLedger.GeneralLedger.RecordEntry"/>,
/// <see cref="JournalEntry.Post"/>), collecting every error with its line instead of stopping. Any error
/// refuses the whole file, and the kernel then stores nothing; otherwise the ledger's events, every new
/// entry's events and the command record commit in one transaction.
/// </summary>
public sealed class ImportJournalEntriesHandler(IUnitOfWork unitOfWork, IExchangeRateProvider exchangeRates)
    : ICommandHandler<GeneralLedger.GeneralLedger, GeneralLedgerId, ImportResult, ImportJournalEntries>
{
    public async Task<ImportResult> ExecuteAsync(GeneralLedger.GeneralLedger ledger, ImportJournalEntries command, CancellationToken cancellationToken)
    {
        var errors = new ImportErrorList();
        // A file with bad lines is refused, but its good entries are still checked against the ledger:
        // the report then names every problem at once, not one kind per attempt.
        var entries = JournalCsvReader.Read(command.Content.Span, errors);

        var ids = entries.Select(e => JournalEntryId.For(ledger.Id, e.EntryId)).ToList();
        var existing = await unitOfWork.GetVersionsAsync(ids, cancellationToken);
        var rates = new ImportRates(exchangeRates);
        var (imported, lines, skipped, skippedLines) = (0, 0, 0, 0);
        long first = 0, last = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (existing.ContainsKey(ids[i].Value))
            {
                (skipped, skippedLines) = (skipped + 1, skippedLines + entry.Lines.Count);
                continue;
            }

            var number = await PostAsync(ledger, ids[i], entry, rates, errors, cancellationToken);
            if (number > 0)
            {
                (imported, lines) = (imported + 1, lines + entry.Lines.Count);
                first = first == 0 ? number : first;
                last = number;
            }
        }

        return errors.Any
            ? ImportResult.Refused(command.FileName, errors)
            : new ImportResult(command.FileName, imported, lines, skipped, skippedLines) { FirstNumber = first, LastNumber = last };
    }

    /// <summary>Posts one entry; returns its number, or 0 after reporting why it cannot be posted.</summary>
    private async Task<long> PostAsync(
        GeneralLedger.GeneralLedger ledger, JournalEntryId id, ImportedEntry entry, ImportRates rates, ImportErrorList errors, CancellationToken cancellationToken)
    {
        var inputs = new List<JournalLineInput>(entry.Lines.Count);
        var needed = new Dictionary<(Currency From, Currency To), ExchangeRate>();
        var before = errors.Count;
        foreach (var line in entry.Lines)
        {
            if (!ledger.State.Codes.TryGetValue(line.AccountCode, out var accountId))
            {
                errors.Add(line.Line, $"no account has code '{line.AccountCode}' in this ledger");
                continue;
            }

            var account = ledger.State.Accounts[accountId.Value];
            if (account.IsClosed)
            {
                errors.Add(line.Line, $"account {account.Code} is closed");
            }

            if (account.Currency != line.Currency && !needed.ContainsKey((line.Currency, account.Currency)))
            {
                var (rate, error) = await rates.GetAsync(line.Currency, account.Currency, entry.First.Date, cancellationToken);
                if (rate is null)
                {
                    errors.Add(line.Line, $"account {account.Code} is in {account.Currency}, the line in {line.Currency}: {error}");
                    continue;
                }

                needed[(line.Currency, account.Currency)] = rate;
            }

            inputs.Add(new JournalLineInput(accountId, line.Side, line.Amount, line.Currency));
        }

        if (errors.Count > before)
        {
            return 0;
        }

        try
        {
            var what = $"Entry '{entry.EntryId}' ({entry.LinesText})";
            var posted = ledger.PriceLines(inputs, needed);
            var number = ledger.RecordEntry(id, entry.First.Date, posted, what);
            if (!errors.Any)
            {
                // Once the file is refused nothing is stored: creating more entries would only cost time.
                unitOfWork.AddNew<JournalEntry, JournalEntryId>(id)
                    .Post(ledger.Id, number, entry.First.Date, entry.First.Description, entry.First.Reference, posted, reportingCurrency: ledger.State.ReportingCurrency);
            }

            return number;
        }
        catch (DomainError e)
        {
            errors.Add(entry.First.Line, e.Message);
            return 0;
        }
    }
}
