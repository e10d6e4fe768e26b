using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.Hangfire;
using EventFlowApp.Kernel.Processors.Jobs;
using EventFlowApp.Kernel.ReadModels.Jobs;
using Microsoft.Data.Sqlite;

namespace EventFlowApp.Web.Hosting;

/// <summary>
/// Hangfire's settings from the <c>Jobs</c> section. Its storage follows <c>Database:Provider</c>: the
/// same PostgreSQL or SQL Server database (schema <c>hangfire</c>), or for SQLite a file of its own
/// beside the application's (<c>ConnectionStrings:Hangfire</c> names another). Recurring jobs come from
/// <c>Jobs:Recurring:&lt;Name&gt;:Cron</c>; an empty cron or "never" leaves a job to be triggered by hand
/// from the dashboard (the rebuild of every read model is such a job by default).
/// </summary>
public static class JobsConfiguration
{
    public const string ProcessorHealth = "processor-health";
    public const string ResumeRebuilds = "read-models:resume-rebuilds";
    public const string GenerationCleanup = "read-models:cleanup";
    public const string RebuildAll = "read-models:rebuild-all";

    // A cron that never fires (31 February): the job is listed and can be triggered by hand.
    private const string Never = "0 0 31 2 *";

    public static HangfireOptions From(IConfiguration configuration, DatabaseOptions database)
    {
        var section = configuration.GetSection("Jobs");
        var options = new HangfireOptions
        {
            Provider = database.Provider switch
            {
                DatabaseProvider.Sqlite => HangfireStorageProvider.Sqlite,
                DatabaseProvider.PostgreSql => HangfireStorageProvider.PostgreSql,
                DatabaseProvider.SqlServer => HangfireStorageProvider.SqlServer,
                _ => throw new ArgumentException($"No Hangfire storage for database provider {database.Provider}."),
            },
            ConnectionString = configuration.GetConnectionString("Hangfire") is { Length: > 0 } own ? own : StorageFor(database),
            RunServer = section.GetValue("RunServer", true),
            ServerName = configuration["Processors:NodeId"] is { Length: > 0 } node ? node : null,
        };
        options.WorkerCount = Positive(section, "WorkerCount", options.WorkerCount);
        options.LongRunningWorkerCount = Positive(section, "LongRunningWorkerCount", options.LongRunningWorkerCount);
        options.RetryAttempts = section.GetValue("RetryAttempts", options.RetryAttempts);
        options.SchedulePollingInterval = Seconds(section, "SchedulePollingSeconds", options.SchedulePollingInterval);
        options.QueuePollInterval = Seconds(section, "QueuePollSeconds", options.QueuePollInterval);
        options.CancellationCheckInterval = Seconds(section, "CancellationCheckSeconds", options.CancellationCheckInterval);
        options.InvisibilityTimeout = Seconds(section, "InvisibilityTimeoutSeconds", options.InvisibilityTimeout);
        if (section.GetSection("RetryDelaysInSeconds").Get<int[]>() is { Length: > 0 } delays)
        {
            options.RetryDelaysInSeconds = delays;
        }

        if (options.RetryAttempts < 0)
        {
            throw new ArgumentException("Jobs:RetryAttempts cannot be negative.");
        }

        var recurring = section.GetSection("Recurring");
        Add(options, recurring, "ProcessorHealth", ProcessorHealth, "*/5 * * * *",
            s => new CheckProcessorHealthJob(TimeSpan.FromMinutes(s.GetValue("StuckAfterMinutes", 10.0))));
        Add(options, recurring, "ResumeRebuilds", ResumeRebuilds, "*/5 * * * *", _ => new ResumeRebuildsJob());
        Add(options, recurring, "GenerationCleanup", GenerationCleanup, "30 3 * * *",
            s => new DropEndedGenerationsJob(TimeSpan.FromDays(s.GetValue("OlderThanDays", 7.0))));
        Add(options, recurring, "RebuildAll", RebuildAll, Never, _ => new RebuildReadModelsJob(null));
        return options;
    }

    private static void Add(HangfireOptions options, IConfigurationSection recurring, string key, string id, string defaultCron, Func<IConfigurationSection, object> job)
    {
        var section = recurring.GetSection(key);
        var cron = section["Cron"] ?? defaultCron;
        if (string.IsNullOrWhiteSpace(cron) || cron.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            cron = Never;
        }

        options.RecurringJobs.Add(new RecurringJob(id, cron, job(section)));
    }

    /// <summary>For SQLite: "data/eventflowapp.db" gives "data/eventflowapp.hangfire.db", so the two never contend for one file's lock.</summary>
    private static string StorageFor(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return database.ConnectionString;
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(file) || file == ":memory:")
        {
            throw new ArgumentException("Hangfire on SQLite needs a database file; set ConnectionStrings:Hangfire to one.");
        }

        return Path.Combine(Path.GetDirectoryName(file) ?? "", Path.GetFileNameWithoutExtension(file) + ".hangfire.db");
    }

    private static int Positive(IConfigurationSection section, string key, int fallback)
    {
        var value = section.GetValue(key, fallback);
        return value > 0 ? value : throw new ArgumentException($"Jobs:{key} must be positive.");
    }

    private static TimeSpan Seconds(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var value = section.GetValue(key, fallback.TotalSeconds);
        return value > 0 ? TimeSpan.FromSeconds(value) : throw new ArgumentException($"Jobs:{key} must be positive.");
    }
}
