using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Housekeeping;

/// <summary>A backup or restore the operator must hear about: what was refused and why. Nothing was changed.</summary>
public sealed class BackupException(string message) : Exception(message);

/// <summary>A finished backup: a checked, self-contained copy at <paramref name="Path"/>.</summary>
public sealed record BackupReport(string Source, string Path, long Bytes, long Articles, int SchemaVersion, TimeSpan Elapsed);

/// <summary>A finished restore: the backup is the database now; the one it replaced was moved to <paramref name="MovedAside"/>.</summary>
public sealed record RestoreReport(string Backup, string Database, IReadOnlyList<string> MovedAside, long Articles, int SchemaVersion, int PendingMigrations);

/// <summary>
/// Online backup and restore of the SQLite database (issue 6). The backup copies the database through SQLite's backup
/// API in one step: it reads one snapshot, as any reader does in WAL mode, so the service goes on writing meanwhile
/// and the copy holds exactly the transactions committed before the snapshot, none half. A plain copy of the file is
/// not a backup: the last commits live in the -wal file beside it until a checkpoint moves them in.
/// </summary>
public sealed class SqliteBackup(Database database)
{
    private SqliteDialect Dialect => database.Dialect as SqliteDialect
        ?? throw new BackupException($"`newsagg backup` copies SQLite databases; {database.Dialect.Describe()} is backed up with its own tools.");

    /// <summary>
    /// Copies the live database to <paramref name="file"/>: into a temporary file beside it, checked with
    /// integrity_check, then renamed, so that <paramref name="file"/> is either the old file or a complete checked copy.
    /// </summary>
    public async Task<BackupReport> BackupAsync(string file, bool force, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var source = Dialect.Path;
        var target = Path.GetFullPath(file);
        // Opening a missing database would create an empty one, and back that up.
        if (!File.Exists(source))
            throw new BackupException($"There is no database at {source} (set Storage:Path or --db).");
        if (string.Equals(Path.GetFullPath(source), target, StringComparison.Ordinal))
            throw new BackupException($"{target} is the live database itself; name another file.");
        if (Directory.Exists(target))
            throw new BackupException($"{target} is a folder; name a file.");
        if (File.Exists(target) && !force)
            throw new BackupException($"{target} exists; add --force to replace it.");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
            throw new BackupException($"The folder {folder} does not exist.");

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var from = (SqliteConnection)await database.OpenAsync(ct))
            await using (var to = new SqliteConnection(FileConnection(temporary, SqliteOpenMode.ReadWriteCreate)))
            {
                await to.OpenAsync(ct);
                // One step (all pages at once) is one read transaction: one consistent snapshot of the source.
                await Task.Run(() => from.BackupDatabase(to), ct);
                // The copy carries the source's WAL flag; a backup is one self-contained file.
                await to.ExecuteAsync("PRAGMA journal_mode = DELETE");
            }
            var (articles, version) = await CheckAsync(temporary, ct);
            File.Move(temporary, target, overwrite: force);
            return new BackupReport(source, target, new FileInfo(target).Length, articles, version, watch.Elapsed);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// Makes <paramref name="backup"/> the database at Storage:Path. Refuses a backup that fails integrity_check or was
    /// written by a newer version, and refuses while another process has the database open (stop the service first).
    /// The database it replaces is moved aside with its -wal and -shm files, never deleted.
    /// </summary>
    public async Task<RestoreReport> RestoreAsync(string backup, DateTimeOffset now, CancellationToken ct = default)
    {
        var target = Dialect.Path;
        var source = Path.GetFullPath(backup);
        if (!File.Exists(source))
            throw new BackupException($"There is no backup at {source}.");
        if (string.Equals(source, target, StringComparison.Ordinal))
            throw new BackupException($"{source} is the database itself; name the backup file.");
        var (articles, version) = await CheckAsync(source, ct);
        var shipped = Migrator.Load(database.Dialect.Name);
        var journal = await JournalAsync(source, ct);
        var unknown = journal.Keys.Where(v => shipped.All(m => m.Version != v)).Order().ToList();
        if (unknown.Count > 0)
            throw new BackupException($"{source} has migrations this build does not know ({string.Join(", ", unknown)}): it was written by a newer version.");
        var modified = shipped.Where(m => journal.TryGetValue(m.Version, out var checksum) && checksum != m.Checksum).ToList();
        if (modified.Count > 0)
            throw new BackupException($"{source} has migrations that differ from the shipped ones ({string.Join(", ", modified.Select(m => m.Version))}).");

        var moved = new List<string>();
        if (File.Exists(target))
        {
            EnsureNotInUse(target);
            var aside = $"{target}.before-restore-{now.UtcDateTime:yyyyMMdd-HHmmss}";
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                if (File.Exists(target + suffix))
                {
                    File.Move(target + suffix, aside + suffix);
                    moved.Add(aside + suffix);
                }
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = $"{target}.restoring";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target);
        return new RestoreReport(source, target, moved, articles, version, shipped.Count(m => !journal.ContainsKey(m.Version)));
    }

    /// <summary>
    /// Another process with the database open holds SQLite's shared lock (in WAL mode for as long as its connection
    /// stays open, pooled ones included): exclusive locking then fails, and nothing has been touched.
    /// </summary>
    private static void EnsureNotInUse(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 1,
            }.ToString());
            connection.Open();
            // One statement per command: Microsoft.Data.Sqlite does not report the error of a statement that follows
            // one returning rows (as these PRAGMAs do) in the same command, and the BUSY below is the whole point.
            connection.ExecuteScalar("PRAGMA busy_timeout = 0");
            connection.ExecuteScalar("PRAGMA locking_mode = EXCLUSIVE");
            connection.Execute("BEGIN EXCLUSIVE");
            connection.Execute("COMMIT");
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            throw new BackupException($"{path} is in use by another process (the service?); stop it first. Nothing was changed.");
        }
    }

    /// <summary>integrity_check, the article count and the schema version of a database file, opened read-only.</summary>
    private static async Task<(long Articles, int Version)> CheckAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(FileConnection(path, SqliteOpenMode.ReadOnly));
            await connection.OpenAsync(ct);
            var integrity = (await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: ct))).AsList();
            if (integrity is not ["ok"])
                throw new BackupException($"{path} fails integrity_check: {string.Join("; ", integrity.Take(5))}");
            var tables = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('articles', 'schema_migrations')", cancellationToken: ct))).ToHashSet();
            if (tables.Count < 2)
                throw new BackupException($"{path} is not a NewsAggregator database (no articles or schema_migrations table).");
            var articles = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM articles", cancellationToken: ct));
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition("SELECT MAX(version) FROM schema_migrations", cancellationToken: ct)) ?? 0;
            return (articles, version);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"{path} cannot be read as an SQLite database: {e.Message}");
        }
    }

    private static async Task<Dictionary<int, string>> JournalAsync(string path, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(ct);
        return (await connection.QueryAsync<(long Version, string Checksum)>(new CommandDefinition(
            "SELECT version, checksum FROM schema_migrations", cancellationToken: ct))).ToDictionary(r => (int)r.Version, r => r.Checksum);
    }

    // Not pooled: the file must really be closed before it is renamed or checked again.
    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString();
}
