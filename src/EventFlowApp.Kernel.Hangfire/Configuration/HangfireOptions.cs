namespace EventFlowApp.Kernel.Hangfire;

/// <summary>Which database Hangfire keeps its jobs in; it follows the application's provider.</summary>
public enum HangfireStorageProvider
{
    /// <summary>Hangfire.Storage.SQLite: a file of its own next to the application's database.</summary>
    Sqlite,

    /// <summary>Hangfire.PostgreSql: a schema in the application's database.</summary>
    PostgreSql,

    /// <summary>Hangfire.SqlServer: a schema in the application's database.</summary>
    SqlServer,
}

/// <summary>A job that runs on a schedule: its id (its name in the dashboard), a cron expression and the job.</summary>
public sealed record RecurringJob(string Id, string Cron, object Job);

/// <summary>Hangfire for EventFlowApp: storage, server, retries and recurring jobs.</summary>
public sealed class HangfireOptions
{
    public HangfireStorageProvider Provider { get; set; } = HangfireStorageProvider.Sqlite;

    /// <summary>For SQLite, the database file's path; otherwise an ADO.NET connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema for PostgreSQL and SQL Server (created on start-up with its tables).</summary>
    public string SchemaName { get; set; } = "hangfire";

    /// <summary>Run a Hangfire server in this process; false makes a client only (queues jobs, serves the dashboard).</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>The server's name in the dashboard (the node id); Hangfire adds a unique suffix.</summary>
    public string? ServerName { get; set; }

    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    public string Queue { get; set; } = "default";

    /// <summary>The queue of [LongRunningJob] types (rebuilds, drops), served by workers of their own.</summary>
    public string LongRunningQueue { get; set; } = "long-running";

    /// <summary>Workers for long-running jobs: at most this many rebuilds run at once on a node, and they never hold up the others.</summary>
    public int LongRunningWorkerCount { get; set; } = 2;

    /// <summary>Retries of a failing job before it is listed as failed (a job type's [JobRetries] overrides it).</summary>
    public int RetryAttempts { get; set; } = 5;

    /// <summary>Waits before each retry; the last repeats. Hangfire's own default grows to hours, too long for bookkeeping jobs.</summary>
    public int[] RetryDelaysInSeconds { get; set; } = [30, 120, 600, 1800, 3600];

    /// <summary>How often due scheduled jobs are moved to the queue: a scheduled job runs at most this late.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often an idle worker looks at the queue (PostgreSQL also listens for new jobs).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How soon a job deleted in the dashboard has its token cancelled.</summary>
    public TimeSpan CancellationCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A job fetched by a node that died is fetched again after this long.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Jobs registered as recurring at start-up (added or updated; ones no longer listed are removed).</summary>
    public IList<RecurringJob> RecurringJobs { get; } = [];

    /// <summary>Queue the resume-rebuilds job once when the server starts (a node that died mid-rebuild is picked up at once).</summary>
    public bool ResumeRebuildsOnStart { get; set; } = true;
}
