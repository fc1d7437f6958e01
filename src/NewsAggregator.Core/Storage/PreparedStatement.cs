using System.Data.Common;

namespace NewsAggregator.Core.Storage;

/// <summary>
/// One SQL text prepared once and run many times in a transaction, with positional parameters @p0, @p1, … (or the
/// names given, bound in that order) re-bound per call: the per-article statements of a batch would otherwise be
/// compiled again for every row.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly DbCommand _command;

    public PreparedStatement(DbConnection connection, DbTransaction tx, string sql, params string[] names)
    {
        _command = connection.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        if (names.Length == 0)
        {
            var count = 0;
            while (sql.Contains($"@p{count}", StringComparison.Ordinal))
                count++;
            names = Enumerable.Range(0, count).Select(i => $"p{i}").ToArray();
        }
        foreach (var name in names)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = "@" + name;
            _command.Parameters.Add(parameter);
        }
    }

    public Task<int> RunAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The rows of a query, each mapped by <paramref name="map"/> while the reader is on it.</summary>
    public async Task<List<T>> QueryAsync<T>(Func<DbDataReader, T> map, CancellationToken ct, params object?[] values)
    {
        Bind(values);
        var rows = new List<T>();
        await using var reader = await _command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader));
        return rows;
    }

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            _command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }

    public void Dispose() => _command.Dispose();
}
