using System.Data.Common;
using Dapper;

namespace NewsAggregator.Core.Storage;

/// <summary>Opens configured connections of one dialect. Stores take this, never a connection string.</summary>
public sealed class Database
{
    static Database()
    {
        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Database(IDatabaseDialect dialect) => Dialect = dialect;

    public IDatabaseDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = Dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await Dialect.ConfigureConnectionAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
