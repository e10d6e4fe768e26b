using System.Data.Common;
using EventFlowApp.Kernel.EntityFramework.Configuration;

namespace EventFlowApp.Kernel.EntityFramework.ReadModels;

/// <summary>The two hand-written reads of the consistent-on-write update, on the append transaction.</summary>
public sealed class ConsistentReadModelSql(DatabaseProvider provider, DbConnection connection, DbTransaction transaction)
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>
    /// Reads a processor's position and locks its row until the append commits: PostgreSQL <c>FOR UPDATE</c>,
    /// SQL Server <c>UPDLOCK</c>; SQLite has one writer, which this transaction already is.
    /// </summary>
    public static string LockProcessorSql(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => "SELECT position, state FROM processors WHERE name = @p0 FOR UPDATE",
        DatabaseProvider.SqlServer => "SELECT position, state FROM processors WITH (UPDLOCK, ROWLOCK) WHERE name = @p0",
        _ => "SELECT position, state FROM processors WHERE name = @p0",
    };

    /// <summary>The last position committed before this commit's first event (positions may have gaps).</summary>
    public const string HighestPositionBeforeSql = "SELECT MAX(global_sequence_number) FROM events WHERE global_sequence_number < @p0";

    public async Task<long> HighestPositionBeforeAsync(long first, CancellationToken cancellationToken)
    {
        await using var command = Command(HighestPositionBeforeSql, first);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public async Task<(long Position, bool Active)?> LockProcessorAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = Command(LockProcessorSql(provider), name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return (reader.GetInt64(0), reader.GetString(1) == nameof(Kernel.Processors.ProcessorRunState.Active));
    }

    private DbCommand Command(string sql, object value)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p0";
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
