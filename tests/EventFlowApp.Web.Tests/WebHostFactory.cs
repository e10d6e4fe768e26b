using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Web.Tests;

/// <summary>The real host on its own SQLite file, migrated at start-up exactly as in production.</summary>
public sealed class WebHostFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "eventflowapp-web-tests", $"{Guid.NewGuid():N}.db");

    public WebHostFactory()
        : this(null)
    {
    }

    /// <summary>Hangfire's own SQLite file, beside the application's (see JobsConfiguration).</summary>
    public string HangfireFile => Path.ChangeExtension(_file, ".hangfire.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EventFlowApp", $"Data Source={_file}");

        // Hangfire polls fast here, so jobs start and scheduled jobs come due within a fraction of a second.
        builder.UseSetting("Jobs:SchedulePollingSeconds", "0.2");
        builder.UseSetting("Jobs:QueuePollSeconds", "0.2");
        builder.UseSetting("Jobs:CancellationCheckSeconds", "0.3");
        builder.UseSetting("Jobs:RetryAttempts", "1");
        builder.UseSetting("Jobs:RetryDelaysInSeconds:0", "1");

        // A test's own settings win (another database provider, a smaller batch).
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, HangfireFile })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
