using EventFlowApp.Kernel.Core;
using EventFlowApp.Ledger.Periods;

namespace EventFlowApp.Ledger.GeneralLedger;

public sealed partial class GeneralLedger
{
    public void ClosePeriod(Period period)
    {
        EnsureOpen();
        if (State.IsClosed(period))
        {
            throw new DomainError("period.already_closed", $"Period {period} is already closed.");
        }

        Emit(new PeriodClosed(period));
    }

    public void ReopenPeriod(Period period)
    {
        EnsureOpen();
        if (!State.IsClosed(period))
        {
            throw new DomainError("period.not_closed", $"Period {period} is not closed.");
        }

        Emit(new PeriodReopened(period));
    }

    /// <summary><paramref name="date"/> itself if its period is open, else the first day of the next open period.</summary>
    public DateOnly FirstOpenDayOnOrAfter(DateOnly date)
    {
        var period = Period.Of(date);
        if (!State.IsClosed(period))
        {
            return date;
        }

        do
        {
            period = period.Next;
        }
        while (State.IsClosed(period));

        return period.FirstDay;
    }

    private void EnsurePeriodOpen(DateOnly date, string what)
    {
        var period = Period.Of(date);
        if (State.IsClosed(period))
        {
            throw new DomainError("period.closed", $"{what} cannot be effective on {date:yyyy-MM-dd}: period {period} is closed.");
        }
    }
}
