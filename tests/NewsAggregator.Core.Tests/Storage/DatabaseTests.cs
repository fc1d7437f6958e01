using Dapper;
using Xunit;

namespace NewsAggregator.Core.Tests.Storage;

/// <summary>The process' write gate: write transactions of one process take turns instead of polling SQLite's lock.</summary>
public sealed class DatabaseTests
{
    [Fact]
    public async Task BeginWriteAsync_WhileAnotherWriteIsOpen_WaitsUntilItEnds()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var first = await db.Database.OpenAsync();
        await using var second = await db.Database.OpenAsync();

        var holding = await db.Database.BeginWriteAsync(first);
        var waiting = db.Database.BeginWriteAsync(second);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted, "a second write began while the first was open");

        await first.ExecuteAsync("INSERT INTO outlets (id, name, kind, external) VALUES ('gate-a', 'Gate A', 'newspaper', 0)", transaction: holding.Transaction);
        await holding.Transaction.CommitAsync();
        await holding.DisposeAsync();

        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        // The second write sees what the first committed.
        Assert.Equal(1, await second.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outlets WHERE id = 'gate-a'", transaction: next.Transaction));
    }

    [Fact]
    public async Task BeginWriteAsync_CancelledWhileWaiting_DoesNotKeepTheGate()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var first = await db.Database.OpenAsync();
        await using var second = await db.Database.OpenAsync();

        var holding = await db.Database.BeginWriteAsync(first);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Database.BeginWriteAsync(second, cancel.Token));
        await holding.DisposeAsync();

        await using var after = await db.Database.BeginWriteAsync(second).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(after.Transaction);
    }

    [Fact]
    public async Task WriteScope_DisposedWithoutCommit_RollsBackAndOpensTheGate()
    {
        await using var db = await TempDatabase.CreateAsync();
        await using var connection = await db.Database.OpenAsync();

        await using (var write = await db.Database.BeginWriteAsync(connection))
            await connection.ExecuteAsync("INSERT INTO outlets (id, name, kind, external) VALUES ('gate-b', 'Gate B', 'newspaper', 0)", transaction: write.Transaction);

        await using var again = await db.Database.BeginWriteAsync(connection).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outlets WHERE id = 'gate-b'", transaction: again.Transaction));
    }
}
