namespace EventFlowApp.Ledger.Reports.Ageing;

/// <summary>Which bucket an item falls in, and the sums of a bucket list.</summary>
public static class AgeingBucketRules
{
    public const string Current = "current";
    public const string Days1To30 = "1-30";
    public const string Days31To60 = "31-60";
    public const string Days61To90 = "61-90";
    public const string Over90 = "over-90";

    /// <summary>Due on the report's date is not yet overdue; one day later it is 1 day overdue.</summary>
    public static string For(int daysOverdue) => daysOverdue switch
    {
        <= 0 => Current,
        <= 30 => Days1To30,
        <= 60 => Days31To60,
        <= 90 => Days61To90,
        _ => Over90,
    };

    public static AgeingBuckets Sum(IEnumerable<AgedItem> items, string currency)
    {
        var list = items.ToList();
        decimal In(string bucket) => ReportMoney.Normalize(list.Where(i => i.Bucket == bucket).Sum(i => i.Outstanding), currency);
        return new AgeingBuckets(
            In(Current), In(Days1To30), In(Days31To60), In(Days61To90), In(Over90), ReportMoney.Normalize(list.Sum(i => i.Outstanding), currency));
    }

    public static AgeingBuckets Add(AgeingBuckets a, AgeingBuckets b) => new(
        a.Current + b.Current, a.Days1To30 + b.Days1To30, a.Days31To60 + b.Days31To60, a.Days61To90 + b.Days61To90, a.Over90 + b.Over90, a.Total + b.Total);
}
