using System.Globalization;
using EventFlowApp.Bench.Baselines;
using EventFlowApp.Bench.Infrastructure;
using EventFlowApp.Bench.Reporting;
using EventFlowApp.Bench.Scenarios;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EventFlowApp.Bench;

/// <summary>
/// Usage: <c>dotnet run -c Release --project bench/EventFlowApp.Bench -- [--postgres CONNSTR] [--only sqlite|postgres]
/// [--scale F] [--scenarios appends,load,import,rebuild,trial] [--output docs/benchmarks.md]</c>. Without <c>--postgres</c> the connection string comes from
/// <c>EVENTFLOWAPP_BENCH_POSTGRES</c>; without either, PostgreSQL is skipped. Its role needs CREATEDB.
/// </summary>
public static class BenchProgram
{
    public const string PostgresVariable = "EVENTFLOWAPP_BENCH_POSTGRES";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        var postgres = options.GetValueOrDefault("--postgres") ?? Environment.GetEnvironmentVariable(PostgresVariable);
        var only = options.GetValueOrDefault("--only");
        var sizes = new BenchSizes();
        if (options.GetValueOrDefault("--scale") is { } scale)
        {
            sizes = sizes.Scaled(double.Parse(scale, CultureInfo.InvariantCulture));
        }

        var scenarios = options.GetValueOrDefault("--scenarios") is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        if (scenarios?.Except(BenchRunner.ScenarioKeys).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown scenario '{unknown}'; known: {string.Join(", ", BenchRunner.ScenarioKeys)}.");
        }

        var providers = new List<BenchProvider>();
        var versions = new Dictionary<string, string>();
        if (only is null or "sqlite")
        {
            providers.Add(new BenchProvider("SQLite", SqliteBenchDatabase.CreateAsync, new SqliteBaselines()));
            versions["SQLite"] = await SqliteVersionAsync() + " (temp file, WAL, synchronous=FULL)";
        }

        if (only is null or "postgres")
        {
            if (string.IsNullOrWhiteSpace(postgres))
            {
                Console.Error.WriteLine($"PostgreSQL skipped: pass --postgres or set {PostgresVariable}.");
            }
            else
            {
                providers.Add(new BenchProvider("PostgreSQL", label => PostgreSqlBenchDatabase.CreateAsync(postgres, label), new PostgreSqlBaselines()));
                versions["PostgreSQL"] = await PostgresVersionAsync(postgres);
            }
        }

        var started = DateTime.UtcNow;
        var results = new List<Measurement>();
        foreach (var provider in providers)
        {
            results.AddRange(await new BenchRunner(provider, sizes, Console.Out, scenarios).RunAsync());
        }

        var table = ResultTable.Render(results);
        var targets = Targets.Check(results);
        IReadOnlyList<(string Title, IReadOnlyList<string> Items)> sections =
        [
            ("Import (mean of the kernel's and the baseline's imports, alternating order):", ImportSummary.Describe(results)),
            ("Repeated measurements (the table shows the median):", Spreads.Describe(results)),
            ("Targets:", targets),
        ];
        Console.WriteLine();
        Console.WriteLine(table);
        sections.SelectMany(s => s.Items).ToList().ForEach(Console.WriteLine);
        Console.WriteLine($"Total run time: {(DateTime.UtcNow - started).TotalSeconds:0} s");
        if (options.GetValueOrDefault("--output") is { } output)
        {
            MarkdownReport.Write(output, Command(args, postgres), MachineInfo.Describe(versions), table, sections);
            Console.WriteLine($"Written to {output}");
        }

        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--option value' pairs, got '{args[i]}'.");
            }

            options[args[i]] = args[i + 1];
        }

        return options;
    }

    /// <summary>The command line that produced the report, with the password blanked out.</summary>
    private static string Command(string[] args, string? postgres)
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var shown = args.Select(a => a == postgres ? $"'{Mask(a)}'" : a);
        var variable = postgres is not null && !args.Contains(postgres) ? $"{PostgresVariable}='{Mask(postgres)}' " : "";
        return $"{variable}dotnet run -c {configuration} --project bench/EventFlowApp.Bench -- {string.Join(' ', shown)}".TrimEnd();
    }

    private static string Mask(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = "..." }.ConnectionString;

    private static async Task<string> SqliteVersionAsync()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = new SqliteCommand("SELECT sqlite_version()", connection);
        return $"SQLite {await command.ExecuteScalarAsync()}";
    }

    private static async Task<string> PostgresVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT 'PostgreSQL ' || current_setting('server_version') || ' (local, fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' || current_setting('shared_buffers') || ')'",
            connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
