using Microsoft.Data.Sqlite;
using NewsAggregator.Tests.Cli;

namespace NewsAggregator.Tests.Service;

/// <summary>
/// `newsagg migrate` runs the migrations alone, and neither it nor the service touches a database that a newer build
/// migrated: one message naming the unknown version, exit code 2 (which the systemd unit does not restart on).
/// </summary>
public sealed class SchemaGuardTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsagg-schema-");

    private string DatabasePath => Path.Combine(_folder.FullName, "guard.db");

    [Fact]
    public async Task Migrate_FreshFile_AppliesEveryShippedMigrationThenIsUpToDate()
    {
        var first = await NewsaggProcess.RunAsync("migrate", "--db", DatabasePath);
        Assert.True(first.ExitCode == 0, first.Error);
        var shipped = Directory.GetFiles(Path.Combine(RepoPaths.Root, "db", "sqlite"), "*.sql").Length;
        Assert.Equal(shipped, await ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));

        var second = await NewsaggProcess.RunAsync("migrate", "--db", DatabasePath);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceAndMigrate_DatabaseFromNewerBuild_RefuseWithOneMessageAndExitCode2()
    {
        Assert.Equal(0, (await NewsaggProcess.RunAsync("migrate", "--db", DatabasePath)).ExitCode);
        await ExecuteAsync("INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (9999, 'from_the_future', 'x', 0)");

        var migrate = await NewsaggProcess.RunAsync("migrate", "--db", DatabasePath);
        var service = await NewsaggProcess.RunAsync($"--Storage:Path={DatabasePath}", "--urls=http://127.0.0.1:0");

        foreach (var (name, run) in new[] { ("migrate", migrate), ("service", service) })
        {
            Assert.True(run.ExitCode == 2, $"{name}: exit {run.ExitCode}{Environment.NewLine}{run.Out}{run.Error}");
            Assert.Contains("9999", run.Error, StringComparison.Ordinal);
            Assert.Contains("newer version", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        }
        // Nothing was changed: the unknown version is still the newest and no shipped migration was re-run.
        Assert.Equal(9999, await ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
