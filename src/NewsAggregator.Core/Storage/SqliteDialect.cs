using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Storage;

public sealed class SqliteDialect : IDatabaseDialect
{
    private readonly string _path;
    private readonly string _connectionString;
    private readonly string _pragmas;
    // Only the default location is created: a configured path in a folder that does not exist is a typo to report.
    private readonly bool _createFolder;

    public SqliteDialect(StorageOptions options)
    {
        _path = options.ResolvedPath();
        _createFolder = string.IsNullOrWhiteSpace(options.Path)
            || string.Equals(System.IO.Path.GetDirectoryName(_path), StorageOptions.DefaultFolder, StringComparison.Ordinal);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var synchronous = options.Synchronous.ToUpperInvariant() == "NORMAL" ? "NORMAL" : "FULL";
        // Pooled connections are reset between uses, and these settings are per connection, so every open sets them.
        _pragmas = $"""
            PRAGMA synchronous = {synchronous};
            PRAGMA foreign_keys = ON;
            PRAGMA busy_timeout = {options.BusyTimeoutMs};
            PRAGMA temp_store = MEMORY;
            """;
    }

    public string Name => "sqlite";

    public string Path => _path;

    public string Describe() => $"sqlite:{_path}";

    public DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public Task ConfigureConnectionAsync(DbConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(_pragmas, cancellationToken: ct));

    public async Task PrepareAsync(CancellationToken ct)
    {
        var folder = System.IO.Path.GetDirectoryName(_path);
        if (Directory.Exists(_path))
            throw new ConfigurationException($"Storage:Path {_path} is a folder; name a file in it, e.g. {System.IO.Path.Combine(_path, "newsagg.db")}");
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            if (!_createFolder)
                throw new ConfigurationException($"Storage:Path {_path}: the folder {folder} does not exist; create it or correct the path");
            Directory.CreateDirectory(folder);
        }
        await using var connection = CreateConnection();
        await connection.OpenAsync(ct);
        // WAL is a property of the database file and persists: readers (the web page) never block the writer.
        var mode = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: ct));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite refused WAL mode for {_path} (journal_mode is {mode}); is the file on a network share?");
    }

    // Microsoft.Data.Sqlite's non-deferred transaction is BEGIN IMMEDIATE: the write lock is taken up front.
    public DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    public async Task CheckWritableAsync(CancellationToken ct)
    {
        // SQLite opens a file it may not write read-only without a word; BEGIN IMMEDIATE asks for the write lock,
        // which a read-only database refuses (SQLITE_READONLY) without anything being written.
        await using var connection = CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = BeginWrite(connection);
        await transaction.RollbackAsync(ct);
    }

    /// <summary>
    /// Which of the database's files (or its folder) the file system refuses to open for writing, and why; null when
    /// all can be. Root ignores permission bits, but not a read-only mount or an immutable file (chattr +i).
    /// </summary>
    private string? WhyNotWritable()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (!File.Exists(file))
                continue;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return $"{file} cannot be written: {e.Message}";
            }
        }
        var folder = System.IO.Path.GetDirectoryName(_path);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            return null;
        var probe = System.IO.Path.Combine(folder, $".newsagg-write-probe-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"no file can be created in {folder}: {e.Message}";
        }
    }

    public string? Explain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                // Primary result codes (the low byte of an extended code): https://sqlite.org/rescode.html
                var code = sqlite.SqliteErrorCode & 0xFF;
                // SQLite says "disk I/O error" or "unable to open database file" for a write the file system refused;
                // asking the file system directly tells a read-only or immutable file apart from a failing disk.
                if (code is 8 or 10 or 14 && WhyNotWritable() is { } readOnly)
                    return $"read-only: {readOnly} ({sqlite.Message})";
                return code switch
                {
                    5 or 6 => $"locked by another process for longer than Storage:BusyTimeoutMs ({sqlite.Message})",
                    8 => $"read-only: the file, its folder or its file system cannot be written ({sqlite.Message})",
                    10 => $"input/output error from the file system ({sqlite.Message})",
                    11 => $"the file is damaged ({sqlite.Message})",
                    13 => $"disk full ({sqlite.Message})",
                    14 => $"the file cannot be opened: check the path and its permissions ({sqlite.Message})",
                    26 => $"not a SQLite database ({sqlite.Message})",
                    _ => null,
                };
            }
            if (e is UnauthorizedAccessException or IOException)
                return e.Message;
        }
        return null;
    }
}
