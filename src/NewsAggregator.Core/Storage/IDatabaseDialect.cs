using System.Data.Common;

namespace NewsAggregator.Core.Storage;

/// <summary>
/// The seam between the stores and a database engine. Store SQL is written once in the common subset of SQLite and
/// PostgreSQL (ON CONFLICT, RETURNING, integer milliseconds for time); what differs lives behind this interface and
/// in the per-dialect migrations under db/&lt;Name&gt;/.
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>"sqlite" or "postgresql": also the folder of its migrations.</summary>
    string Name { get; }

    /// <summary>Where the data is, for logs and the status page (never a password).</summary>
    string Describe();

    DbConnection CreateConnection();

    /// <summary>Settings that belong to a connection, not to the database: run on every open.</summary>
    Task ConfigureConnectionAsync(DbConnection connection, CancellationToken ct);

    /// <summary>One-time preparation before first use: check (or, for the default location, create) the folder, switch the journal mode.</summary>
    Task PrepareAsync(CancellationToken ct);

    /// <summary>Starts the write transaction; SQLite takes the write lock at once so that two writers never deadlock.</summary>
    DbTransaction BeginWrite(DbConnection connection);

    /// <summary>Throws when the database can be read but not written (a read-only file or file system).</summary>
    Task CheckWritableAsync(CancellationToken ct);

    /// <summary>
    /// What a storage failure means for an operator ("disk full (…)", "read-only (…)", "not a SQLite database (…)"),
    /// or null when the exception is not one the dialect knows: that is a bug and must surface as one.
    /// </summary>
    string? Explain(Exception exception);
}
