using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Benchmark.Bench;

/// <summary>Counts the SQL the application's DbContext sends (round trips and statements), with each command's duration.</summary>
internal sealed class SqlCounter : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private readonly List<ExecutedCommand> _commands = [];

    public IReadOnlyList<ExecutedCommand> Commands
    {
        get
        {
            lock (_lock)
            {
                return [.. _commands];
            }
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _commands.Clear();
        }
    }

    /// <summary>Statements in one command: EF batches an INSERT per row into one round trip, each ended by a semicolon.</summary>
    public static int Statements(string sql) => Math.Max(1, sql.Split(';').Count(part => !string.IsNullOrWhiteSpace(part)));

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Record(command, eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Record(command, eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    private T Record<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        lock (_lock)
        {
            _commands.Add(new ExecutedCommand(command.CommandText, command.Parameters.Count, eventData.Duration));
        }

        return result;
    }
}

/// <summary>One round trip: its SQL, how many parameters, how long until the first result (reader) or completion.</summary>
internal sealed record ExecutedCommand(string Sql, int Parameters, TimeSpan Duration)
{
    public int Statements => SqlCounter.Statements(Sql);
}
