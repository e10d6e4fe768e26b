using System.Data.Common;
using EventFlowApp.Kernel.EventStores;

namespace EventFlowApp.Bench.Baselines;

/// <summary>
/// Plain data readers over the events table, materialising the same <see cref="CommittedEvent"/> rows the
/// kernel's persistence returns, with the same keyset paging.
/// </summary>
public static class RawReader
{
    private const string Columns =
        "global_sequence_number, event_id, aggregate_name, aggregate_id, aggregate_sequence_number, event_name, event_version, data, metadata, timestamp";

    public static async Task<int> ReadAllAsync(DbConnection connection, int pageSize)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE global_sequence_number > @after ORDER BY global_sequence_number LIMIT @take";
        var after = AddParameter(command, "@after", 0L);
        AddParameter(command, "@take", pageSize);
        var total = 0;
        while (true)
        {
            var page = await ReadAsync(command);
            if (page.Count == 0)
            {
                return total;
            }

            total += page.Count;
            after.Value = page[^1].GlobalSequenceNumber;
        }
    }

    public static async Task<int> ReadStreamAsync(DbConnection connection, string aggregateId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM events WHERE aggregate_id = @id ORDER BY aggregate_sequence_number";
        AddParameter(command, "@id", aggregateId);
        return (await ReadAsync(command)).Count;
    }

    private static async Task<List<CommittedEvent>> ReadAsync(DbCommand command)
    {
        var rows = new List<CommittedEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CommittedEvent(
                reader.GetInt64(0),
                new SerializedEvent(
                    reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5),
                    reader.GetInt32(6), reader.GetString(7), reader.GetString(8), DateTime.SpecifyKind(reader.GetDateTime(9), DateTimeKind.Utc))));
        }

        return rows;
    }

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
