using EventFlowApp.Bench.Infrastructure;

namespace EventFlowApp.Bench.Scenarios;

/// <summary>Row counts and checks: every scenario proves it did the work it reports.</summary>
public sealed partial class BenchRunner
{
    private static async Task ExpectRowsAsync(BenchDatabase database, long expected) => Expect(await CountRowsAsync(database), expected);

    private static async Task<int> CountRowsAsync(BenchDatabase database, string? eventName = null)
    {
        var where = eventName is null ? "" : $" WHERE event_name = '{eventName}'";
        return await ScalarAsync(database, $"SELECT COUNT(*) FROM events{where}");
    }

    private static async Task<int> ScalarAsync(BenchDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>To check that the raw baseline writes rows of about the size the kernel writes.</summary>
    private static async Task<double> AverageRowCharsAsync(BenchDatabase database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT AVG(LENGTH(data) + LENGTH(metadata)) FROM events WHERE event_name IN ('JournalEntryPosted', 'JournalEntryRecorded')";
        return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Expect(long actual, long expected)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"Expected {expected} events but found {actual}.");
        }
    }

    private static async Task ExecuteAsync(BenchDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
