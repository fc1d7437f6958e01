using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public void Shipped_SqliteMigrations_AreNumberedFromOneWithoutGaps()
    {
        var shipped = Migrator.Load("sqlite");
        Assert.NotEmpty(shipped);
        Assert.Equal(Enumerable.Range(1, shipped.Count), shipped.Select(m => m.Version));
    }

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesAllAndJournalsThem()
    {
        await using var db = await TempDatabase.CreateAsync(migrate: false);
        var migrator = new Migrator(db.Database);

        var before = await migrator.StatusAsync();
        var applied = await migrator.MigrateAsync(TimeProvider.System);
        var after = await migrator.StatusAsync();

        Assert.Equal(migrator.Shipped.Count, before.Pending.Count);
        Assert.Equal(migrator.Shipped.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.True(after.UpToDate);
        await using var connection = await db.Database.OpenAsync();
        var tables = (await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")).ToHashSet();
        Assert.Superset(new HashSet<string> { "feeds", "outlets", "articles", "article_versions", "sightings", "cluster_queue", "schema_migrations" }, tables);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothing()
    {
        await using var db = await TempDatabase.CreateAsync();
        Assert.Empty(await new Migrator(db.Database).MigrateAsync(TimeProvider.System));
    }

    [Fact]
    public async Task StatusAsync_JournalHasUnknownVersion_ReportsIncompatibility()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using (var connection = await db.Database.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (9999, 'future', 'x', 0)");

        var status = await new Migrator(db.Database).StatusAsync();

        Assert.Equal([9999], status.Unknown);
        Assert.Contains("newer version", status.Incompatibility);
        await Assert.ThrowsAsync<InvalidOperationException>(() => new Migrator(db.Database).MigrateAsync(TimeProvider.System));
    }

    [Fact]
    public async Task StatusAsync_AppliedMigrationEdited_ReportsModified()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using (var connection = await db.Database.OpenAsync())
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var status = await new Migrator(db.Database).StatusAsync();

        Assert.Single(status.Modified);
        Assert.Contains("must never be edited", status.Incompatibility);
    }

    [Fact]
    public async Task OpenAsync_EveryConnection_HasForeignKeysAndConfiguredSynchronous()
    {
        await using var db = await TempDatabase.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            // Pooled connections come back reset; the settings must be there on each open.
            await using var connection = await db.Database.OpenAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
            Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")); // 2 = FULL
            Assert.Equal(db.Options.BusyTimeoutMs, await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"));
        }
    }
}
