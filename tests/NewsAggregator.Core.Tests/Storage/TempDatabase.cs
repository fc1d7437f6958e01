using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Storage;

/// <summary>A real SQLite file in a temporary folder with the real migrations applied.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(StorageOptions options)
    {
        Options = options;
        Database = new Database(new SqliteDialect(options));
    }

    public StorageOptions Options { get; }

    public Database Database { get; }

    public string Path => Options.Path;

    public static async Task<TempDatabase> CreateAsync(bool migrate = true)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-test-").FullName;
        var db = new TempDatabase(new StorageOptions { Path = System.IO.Path.Combine(folder, "test.db") });
        if (migrate)
            await new Migrator(db.Database).MigrateAsync(TimeProvider.System);
        return db;
    }

    public IngestWriter NewWriter() => new(Database, Options, NullLogger<IngestWriter>.Instance);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(System.IO.Path.GetDirectoryName(Path)!, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
        return ValueTask.CompletedTask;
    }
}
