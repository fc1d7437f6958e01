using System.Data.Common;
using Dapper;

namespace NewsAggregator.Core.Storage;

/// <summary>Opens configured connections of one dialect. Stores take this, never a connection string.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The write gate's wait handle is never created (only WaitAsync and Release are used), so there is nothing to dispose; a database lives as long as the process.")]
public sealed class Database
{
    static Database()
    {
        // Columns are snake_case, properties PascalCase.
        DefaultTypeMap.MatchNamesWithUnderscores = true;
    }

    public Database(IDatabaseDialect dialect) => Dialect = dialect;

    public IDatabaseDialect Dialect { get; }

    // One write transaction at a time within the process, handed over in arrival order. SQLite allows one writer
    // anyway; without this gate the waiting side learns the lock is free only when its busy handler wakes from a
    // growing sleep (up to 100 ms), so the single writer and the clustering consumer idled waiting for each other
    // (3.2 s of 12.5 s in a 30k replay). Other processes still meet SQLite's own lock and busy timeout.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Starts a write transaction on <paramref name="connection"/> once no other write of this process is open.</summary>
    public async Task<WriteScope> BeginWriteAsync(DbConnection connection, CancellationToken ct = default)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            return new WriteScope(Dialect.BeginWrite(connection), _writeGate);
        }
        catch
        {
            _writeGate.Release();
            throw;
        }
    }

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

/// <summary>A write transaction holding the process' write gate: disposing it ends the transaction (rolled back unless committed) and opens the gate.</summary>
public sealed class WriteScope(DbTransaction transaction, SemaphoreSlim gate) : IAsyncDisposable
{
    private int _disposed;

    public DbTransaction Transaction { get; } = transaction;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            await Transaction.DisposeAsync();
        }
        finally
        {
            gate.Release();
        }
    }
}
