using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.Commands;
using EventFlowApp.Kernel.EventStores;
using EventFlowApp.Kernel.Jobs;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.Jobs.ScheduledCommands;
using EventFlowApp.Ledger.Accounts;
using EventFlowApp.Ledger.GeneralLedger;
using EventFlowApp.Ledger.Journal;
using EventFlowApp.Ledger.Money;
using EventFlowApp.Ledger.Receivables;
using EventFlowApp.Web.Tests.Processes;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests.Jobs;

/// <summary>
/// The overdue-invoice chase's deadlines and scheduled commands as Hangfire jobs in the real host: a
/// deadline is a scheduled job that delivers the timeout, paying the invoice deletes it, and a command
/// scheduled two seconds ahead runs no earlier.
/// </summary>
public abstract class SagaDeadlineSuite
{
    protected abstract string Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_passed_due_date_is_delivered_by_a_hangfire_job_and_the_invoice_goes_overdue()
    {
        await using var host = await JobHost.StartAsync(Provider);
        var (customer, ledger) = await GivenCustomerAsync(host);

        await SendAsync(host, new IssueInvoice(customer, "i1", "INV-1", 500m, new(2026, 1, 5), new(2026, 2, 4), AccountId.For(ledger, "4000")));

        var deadline = await Eventually.Async(() => Task.FromResult(SagaTimeoutJobs(host).FirstOrDefault()), j => j is not null);
        await host.WaitForJobStateAsync(deadline!, SucceededState.StateName);
        await Eventually.Async(() => EventNamesAsync(host, customer), names => names.Contains("InvoiceWentOverdue"));
    }

    [Fact]
    public async Task Paying_the_invoice_before_its_due_date_deletes_the_deadline_job()
    {
        await using var host = await JobHost.StartAsync(Provider);
        var (customer, ledger) = await GivenCustomerAsync(host);
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        await SendAsync(host, new IssueInvoice(customer, "i1", "INV-1", 500m, due.AddDays(-30), due, AccountId.For(ledger, "4000")));
        var deadline = await Eventually.Async(() => Task.FromResult(SagaTimeoutJobs(host).FirstOrDefault()), j => j is not null);
        Assert.Equal(ScheduledState.StateName, host.State(deadline!));

        await SendAsync(host, new ReceivePayment(customer, "p1", 500m, due.AddDays(-29), AccountId.For(ledger, "1000")));

        await host.WaitForJobStateAsync(deadline!, DeletedState.StateName);
        Assert.DoesNotContain("InvoiceWentOverdue", await EventNamesAsync(host, customer));
    }

    [Fact]
    public async Task A_command_scheduled_two_seconds_ahead_runs_no_earlier_and_once()
    {
        await using var host = await JobHost.StartAsync(Provider);
        var (customer, ledger) = await GivenCustomerAsync(host);
        var command = new IssueInvoice(customer, "later", "INV-9", 90m, new(2026, 3, 1), new(2026, 3, 31), AccountId.For(ledger, "4000")) { SourceId = "invoice-run-2026-03" };
        var scheduler = host.Services.GetRequiredService<CommandScheduler>();

        var asked = DateTimeOffset.UtcNow;
        var jobId = await scheduler.ScheduleAsync(command, TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(jobId, await scheduler.ScheduleAsync(command, TimeSpan.FromSeconds(2), Ct));
        // Hangfire may already have queued it (it rounds due times down to the second); it must not have run.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        Assert.NotEqual(SucceededState.StateName, host.State(jobId));
        Assert.DoesNotContain("InvoiceIssued", await EventNamesAsync(host, customer));

        await host.WaitForJobStateAsync(jobId, SucceededState.StateName);
        var issued = (await EventsAsync(host, customer)).Where(e => e.EventName == "InvoiceIssued").ToList();
        var single = Assert.Single(issued);
        Assert.True(single.Timestamp >= asked.AddSeconds(2), $"Issued at {single.Timestamp:O}, asked at {asked:O}.");

        // Hangfire may run a job twice (a node dying after the command, before the job is marked done): the source id makes it one invoice.
        host.Services.GetRequiredService<IBackgroundJobClient>().Requeue(host.HangfireId(jobId));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        await host.WaitForJobStateAsync(jobId, SucceededState.StateName);
        Assert.Single(await EventsAsync(host, customer), e => e.EventName == "InvoiceIssued");
    }

    /// <summary>Our ids of the saga-timeout jobs Hangfire knows, waiting or done (and mapped: the map is written just after the job).</summary>
    private static List<string> SagaTimeoutJobs(JobHost host)
    {
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.ScheduledJobs(0, 100).Select(j => j.Value.Job)
            .Concat(monitoring.SucceededJobs(0, 100).Select(j => j.Value.Job))
            .Concat(monitoring.EnqueuedJobs("default", 0, 100).Select(j => j.Value.Job))
            .Concat(monitoring.ProcessingJobs(0, 100).Select(j => j.Value.Job));
        return jobs.Select(j => j is { Args.Count: > 0 } ? j.Args[0] : null).OfType<JobRequest>().Where(r => r.Name == "saga-timeout").Select(r => r.JobId).Distinct()
            .Where(id => host.Services.GetRequiredService<HangfireJobScheduler>().FindHangfireId(id) is not null).ToList();
    }

    private static async Task<(CustomerId Customer, GeneralLedgerId Ledger)> GivenCustomerAsync(JobHost host)
    {
        var opened = await host.Client.PostAsJsonAsync("/api/ledgers", new { name = "Deadline Ltd", reportingCurrency = "EUR" }, Ct);
        opened.EnsureSuccessStatusCode();
        var ledger = GeneralLedgerId.With((await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ledgerId").GetString()!);
        foreach (var (code, type) in new[] { ("1000", "Asset"), ("1100", "Asset"), ("4000", "Revenue") })
        {
            (await host.Client.PostAsJsonAsync($"/api/ledgers/{ledger.Value}/accounts", new { code, name = code, type, currency = "EUR" }, Ct)).EnsureSuccessStatusCode();
        }

        var customer = CustomerId.New;
        await SendAsync(host, new RegisterCustomer(customer, ledger, "Late Payer plc", Currency.EUR, AccountId.For(ledger, "1100")));
        return (customer, ledger);
    }

    private static async Task SendAsync(JobHost host, ICommand command)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ICommandBus>().PublishAsync(command, Ct);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
    }

    private static async Task<List<(string EventName, DateTimeOffset Timestamp)>> EventsAsync(JobHost host, CustomerId customer)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IEventStore>().LoadEventsAsync<Customer, CustomerId>(customer, Ct);
        return events.Select(e => (e.EventType.Name, e.Timestamp)).ToList();
    }

    private static async Task<List<string>> EventNamesAsync(JobHost host, CustomerId customer) =>
        (await EventsAsync(host, customer)).Select(e => e.EventName).ToList();
}

public sealed class SqliteSagaDeadlineTests : SagaDeadlineSuite
{
    protected override string Provider => "Sqlite";
}

public sealed class PostgreSqlSagaDeadlineTests : SagaDeadlineSuite
{
    protected override string Provider => "PostgreSql";
}
