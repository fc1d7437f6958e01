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

    public SqliteDialect(StorageOptions options)
    {
        _path = options.ResolvedPath();
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
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        await using var connection = CreateConnection();
        await connection.OpenAsync(ct);
        // WAL is a property of the database file and persists: readers (the web page) never block the writer.
        var mode = await connection.ExecuteScalarAsync<string>(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: ct));
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"SQLite refused WAL mode for {_path} (journal_mode is {mode}); is the file on a network share?");
    }

    // Microsoft.Data.Sqlite's non-deferred transaction is BEGIN IMMEDIATE: the write lock is taken up front.
    public DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);
}
