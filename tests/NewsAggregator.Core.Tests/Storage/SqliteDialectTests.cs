using Microsoft.Data.Sqlite;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Storage;

/// <summary>Where the database may live, and what a storage failure is called when an operator reads it.</summary>
public sealed class SqliteDialectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-dialect-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task PrepareAsync_ConfiguredPathInMissingFolder_RefusesNamingTheFolder()
    {
        var missing = Path.Combine(_folder, "no", "such");
        var dialect = new SqliteDialect(new StorageOptions { Path = Path.Combine(missing, "news.db") });

        var e = await Assert.ThrowsAsync<ConfigurationException>(() => dialect.PrepareAsync(default));

        Assert.Contains($"the folder {missing} does not exist", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public async Task PrepareAsync_PathIsAFolder_RefusesSuggestingAFile()
    {
        var e = await Assert.ThrowsAsync<ConfigurationException>(() => new SqliteDialect(new StorageOptions { Path = _folder }).PrepareAsync(default));

        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_folder, "newsagg.db"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_FileThatIsNotADatabase_SaysSo()
    {
        var path = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(path, string.Concat(Enumerable.Repeat("not a database\n", 100)));
        var dialect = new SqliteDialect(new StorageOptions { Path = path });

        var e = await Assert.ThrowsAnyAsync<Exception>(() => dialect.PrepareAsync(default));

        Assert.StartsWith("not a SQLite database (SQLite Error 26", dialect.Explain(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_DatabaseAtItsPageLimit_SaysDiskFull()
    {
        // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk does, without filling one.
        var path = Path.Combine(_folder, "full.db");
        var dialect = new SqliteDialect(new StorageOptions { Path = path });
        await dialect.PrepareAsync(default);
        await using var connection = (SqliteConnection)dialect.CreateConnection();
        await connection.OpenAsync();
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "CREATE TABLE t (x TEXT); PRAGMA max_page_count = 8;";
            await setup.ExecuteNonQueryAsync();
        }
        await using var fill = connection.CreateCommand();
        fill.CommandText = "INSERT INTO t VALUES (randomblob(100000))";

        var e = await Assert.ThrowsAsync<SqliteException>(() => fill.ExecuteNonQueryAsync());

        Assert.StartsWith("disk full (SQLite Error 13", dialect.Explain(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ExceptionThatIsNotAStorageFailure_IsNull()
    {
        var dialect = new SqliteDialect(new StorageOptions { Path = Path.Combine(_folder, "x.db") });

        Assert.Null(dialect.Explain(new InvalidOperationException("a bug")));
    }
}
