using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Ledger.Reports;
using EventFlowApp.Storage.Tests.Support;

namespace EventFlowApp.Storage.Tests.Ledger.Reports;

/// <summary>
/// The ledger's reports on one provider: a mixed history sent through the real command bus, the read
/// models caught up by their tracked processors, then every report checked against hand-worked figures
/// and, serialised, against the same report from the in-memory reference store fed the same commands.
/// </summary>
public abstract partial class ReportSuite : IAsyncLifetime
{
    private const string CutView = "cut";
    private readonly MixedLedgerHistory _history = new();
    private LedgerReportHost? _provider;
    private LedgerReportHost? _reference;

    private LedgerReportHost Provider => _provider ?? throw new InvalidOperationException("Not initialised.");

    private LedgerReportHost Reference => _reference ?? throw new InvalidOperationException("Not initialised.");

    private ReportOptions KnownAtCut => new(AsKnownAt.AtPosition(_history.Cut.Position));

    protected abstract IStorageTarget CreateTarget();

    public async ValueTask InitializeAsync()
    {
        _reference = await LedgerReportHost.StartAsync(new InMemoryTarget());
        _provider = await LedgerReportHost.StartAsync(CreateTarget());
        foreach (var host in new[] { _reference, _provider })
        {
            await _history.RunAsync(host);
            await host.BuildPointInTimeAsync(CutView, _history.Cut.Position);
            await host.CatchUpAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _provider, _reference })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public Task Every_report_is_byte_identical_to_the_in_memory_store() => SameAsReferenceAsync(ReportOptions.Now);

    [Fact]
    public Task Every_report_as_known_at_a_position_is_byte_identical_to_the_in_memory_store() => SameAsReferenceAsync(KnownAtCut);

    [Fact]
    public Task Every_report_as_known_at_a_time_is_byte_identical_to_the_in_memory_store() =>
        SameAsReferenceAsync(new ReportOptions(AsKnownAt.AtTime(_history.Cut.Time)));

    [Fact]
    public Task Every_report_from_a_point_in_time_generation_is_byte_identical_to_the_in_memory_store() =>
        SameAsReferenceAsync(new ReportOptions(View: ReadModelView.Named(CutView)));

    [Fact]
    public async Task A_point_in_time_generation_reports_what_as_known_at_its_position_reports()
    {
        var pointInTime = await AllReports.ProduceAsync(Provider, _history.LedgerId, new ReportOptions(View: ReadModelView.Named(CutView)), forgetKnownAt: true);
        var knownAt = await AllReports.ProduceAsync(Provider, _history.LedgerId, KnownAtCut, forgetKnownAt: true);

        AssertSame(knownAt, pointInTime);
    }

    private async Task SameAsReferenceAsync(ReportOptions options)
    {
        var expected = await AllReports.ProduceAsync(Reference, _history.LedgerId, options);
        var actual = await AllReports.ProduceAsync(Provider, _history.LedgerId, options);

        AssertSame(expected, actual);
    }

    /// <summary>Compares the serialised reports one by one (UTF-16 strings equal iff their UTF-8 bytes are), naming the first that differs.</summary>
    private static void AssertSame(List<KeyValuePair<string, string>> expected, List<KeyValuePair<string, string>> actual)
    {
        Assert.Equal(expected.Select(r => r.Key), actual.Select(r => r.Key));
        var differing = expected.Zip(actual).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Key).ToList();
        if (differing.Count > 0)
        {
            var first = differing[0];
            Assert.Fail(
                $"{differing.Count} report(s) differ: {string.Join(", ", differing)}.\nExpected {first}:\n{expected.Single(r => r.Key == first).Value}\n" +
                $"Actual:\n{actual.Single(r => r.Key == first).Value}");
        }
    }
}
