using System.Net.Http.Json;
using System.Text.Json;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Web.Tests.Processes;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests.Jobs;

/// <summary>The real host with its Hangfire server, on SQLite or on a PostgreSQL database of its own, and ways to look at its jobs.</summary>
public sealed class JobHost : IAsyncDisposable
{
    private readonly ProcessDatabase? _database;

    private JobHost(WebHostFactory factory, ProcessDatabase? database)
    {
        Factory = factory;
        _database = database;
        Client = factory.CreateClient();
    }

    public WebHostFactory Factory { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JobHost> StartAsync(string provider, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(extra ?? new Dictionary<string, string>());
        ProcessDatabase? database = null;
        if (provider == "PostgreSql")
        {
            database = await ProcessDatabase.PostgreSqlAsync(Ct)
                ?? throw new InvalidOperationException("EVENTFLOWAPP_TEST_POSTGRES is not set; run the tests with ./scripts/test.sh, which starts PostgreSQL.");
            settings["Database:Provider"] = "PostgreSql";
            settings["ConnectionStrings:EventFlowApp"] = database.ConnectionString;
        }

        return new JobHost(new WebHostFactory(settings), database);
    }

    public string HangfireId(string jobId) =>
        Services.GetRequiredService<HangfireJobScheduler>().FindHangfireId(jobId) ?? throw new InvalidOperationException($"No Hangfire job for {jobId}.");

    public JobDetailsDto Details(string jobId) => Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(HangfireId(jobId));

    public string? State(string jobId)
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(HangfireId(jobId))?.Name;
    }

    public string? Progress(string jobId)
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetJobParameter(HangfireId(jobId), "Progress");
    }

    public Task<string?> WaitForJobStateAsync(string jobId, string state, int seconds = 60) =>
        Eventually.Async(() => Task.FromResult(State(jobId)), s => s == state, seconds);

    public async Task<ReadModelGeneration?> GenerationAsync(string readModel, int generation) =>
        await Services.GetRequiredService<IReadModelGenerationStore>().GetAsync(readModel, generation, Ct);

    public Task<ReadModelGeneration?> WaitForGenerationAsync(string readModel, int generation, GenerationState state, int seconds = 120) =>
        Eventually.Async(() => GenerationAsync(readModel, generation), g => g?.State == state, seconds);

    /// <summary>Waits until every processor is at the head and active.</summary>
    public Task CaughtUpAsync() =>
        Eventually.Async(
            async () => (await Client.GetFromJsonAsync<JsonElement>(new Uri("/api/processors", UriKind.Relative), Ct)).EnumerateArray().ToList(),
            all => all.Count > 0 && all.All(p => p.GetProperty("lag").GetInt64() == 0 && p.GetProperty("state").GetString() == "Active"),
            seconds: 120);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
