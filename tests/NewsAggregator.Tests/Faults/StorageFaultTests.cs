using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsAggregator.Tests.Durability;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// The real service with its database on a small file system of its own: the disk fills up while it ingests, the
/// database becomes read-only under it, and it starts on a read-only database. Each time: a clear error naming the
/// feed and the reason, the process keeps running without spinning, nothing is acknowledged that is not stored, the
/// file passes integrity_check, and once there is room (or write access) again ingest resumes and every article the
/// feeds served is stored. Needs root to mount; without it the tests print why and test nothing.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed partial class StorageFaultTests(ITestOutputHelper output)
{
    private const int Feeds = 20;
    private const int AddedPerRequest = 25;
    // Items a feed keeps: more than it adds over the longest outage here (~40 s at one poll per 10 s), so nothing
    // served during the outage drops off the feed before a poll can store it.
    private const int Window = 300;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);
    // While the disk is full or read-only every poll and every clustering run fails at once: they must not spin.
    private const double MaxCpuShareWhileFailing = 0.5;

    [Fact]
    public async Task DiskFull_WhileIngesting_ClearErrorKeepsRunningLosesNothingAndResumesWhenSpaceReturns()
    {
        var (fileSystem, whyNot) = SmallFileSystem.TryMountTmpfs(megabytes: 3);
        if (fileSystem is null)
        {
            output.WriteLine($"NOT TESTED: the disk-full test needs a small file system of its own and root to mount it: {whyNot}");
            return;
        }
        using var mounted = fileSystem;
        var run = await RunOutageAsync(
            fileSystem,
            awaitFault: worker => worker.WaitForLineAsync(l => PollNotStored().IsMatch(l) && l.Contains("not stored: disk full", StringComparison.Ordinal), TimeSpan.FromSeconds(120), "a disk-full error for a poll"),
            cause: null,
            repair: () => fileSystem.Remount("size=64m"));

        Assert.Contains("database or disk is full", run.FirstError, StringComparison.Ordinal);
        Assert.Matches(@"Poll of disk-\d+ not stored: disk full .*its \d+ articles \(first http://\S+\) .*not committed; retrying in 10 s", run.FirstError);
        output.WriteLine(FormattableString.Invariant(
            $"Disk full: tmpfs of 3 MB full after {run.FaultAfter.TotalSeconds:F0} s of ingest ({run.StoredBeforeFault:N0} articles stored); ") +
            FormattableString.Invariant($"for {Outage.TotalSeconds:F0} s {run.FailedPolls} polls refused with \"{Short(run.FirstError)}\", the service kept running at {run.CpuShare:P0} of a core, integrity_check {run.IntegrityWhileFaulty}; ") +
            FormattableString.Invariant($"remounted at 64 MB: ingest resumed in {run.ResumedAfter.TotalSeconds:F1} s, all {run.ServedBeforeRepair:N0} articles served before then stored, {run.Final.MissingAcknowledged.Count} of {run.Acknowledged:N0} acknowledged missing, integrity_check {run.Final.IntegrityCheck[0]}"));
        AssertOutcome(run);
    }

    [Fact]
    public async Task ReadOnlyDatabase_UnderRunningService_ClearErrorKeepsRunningLosesNothingAndResumesWhenWritable()
    {
        // chattr +i makes the files refuse writes even through the descriptors the service opened before; tmpfs
        // ignores it and a read-only remount is refused while files are open for writing, hence ext4 on a loop device.
        var (fileSystem, whyNot) = SmallFileSystem.TryMountExt4(megabytes: 64);
        if (fileSystem is null)
        {
            output.WriteLine($"NOT TESTED: the read-only test needs a loop-mounted ext4 and root: {whyNot}");
            return;
        }
        using var mounted = fileSystem;
        var database = Path.Combine(fileSystem.Path, "news.db");
        string[] files = [database, database + "-wal", fileSystem.Path];
        var run = await RunOutageAsync(
            fileSystem,
            awaitFault: worker => worker.WaitForLineAsync(l => PollNotStored().IsMatch(l), TimeSpan.FromSeconds(60), "an error for a poll not stored"),
            cause: () =>
            {
                foreach (var file in files)
                    SmallFileSystem.Immutable(file, on: true);
            },
            repair: () =>
            {
                foreach (var file in files)
                    SmallFileSystem.Immutable(file, on: false);
            });

        Assert.Matches(@"Poll of disk-\d+ not stored: (read-only|the file system refused the write)", run.FirstError);
        output.WriteLine(FormattableString.Invariant(
            $"Read-only: after {run.StoredBeforeFault:N0} articles the database files were made immutable (chattr +i on ext4); ") +
            FormattableString.Invariant($"for {Outage.TotalSeconds:F0} s {run.FailedPolls} polls refused with \"{Short(run.FirstError)}\", the service kept running at {run.CpuShare:P0} of a core, integrity_check {run.IntegrityWhileFaulty}; ") +
            FormattableString.Invariant($"writable again: ingest resumed in {run.ResumedAfter.TotalSeconds:F1} s, all {run.ServedBeforeRepair:N0} articles served before then stored, {run.Final.MissingAcknowledged.Count} of {run.Acknowledged:N0} acknowledged missing, integrity_check {run.Final.IntegrityCheck[0]}"));
        AssertOutcome(run);
    }

    [Fact]
    public async Task ReadOnlyDatabase_AtStart_OneClearMessageAndExitCode2()
    {
        var (tmpfs, whyNot) = SmallFileSystem.TryMountTmpfs(megabytes: 16);
        var (ext4, whyNotExt4) = SmallFileSystem.TryMountExt4(megabytes: 16);
        if (tmpfs is null || ext4 is null)
        {
            output.WriteLine($"NOT TESTED: starting on a read-only database needs root to mount: {whyNot ?? whyNotExt4}");
            tmpfs?.Dispose();
            ext4?.Dispose();
            return;
        }
        using var mountedTmpfs = tmpfs;
        using var mountedExt4 = ext4;
        var folder = Directory.CreateTempSubdirectory("newsagg-readonly-");
        try
        {
            var feedsFile = Path.Combine(folder.FullName, "feeds.json");
            await File.WriteAllTextAsync(feedsFile, """{ "feeds": [ { "id": "one", "outlet": "meridian", "url": "https://example.org/feed.xml" } ] }""");
            var cases = new List<(string Name, string Database, Action Protect)>
            {
                // A migrated database on a file system remounted read-only.
                ("file system mounted read-only", Path.Combine(tmpfs.Path, "news.db"), () => tmpfs.Remount("ro")),
                // A migrated database whose file is immutable.
                ("immutable database file", Path.Combine(ext4.Path, "news.db"), () => SmallFileSystem.Immutable(Path.Combine(ext4.Path, "news.db"), on: true)),
            };
            var rejected = 0;
            foreach (var (name, database, protect) in cases)
            {
                var migrate = await NewsaggMigrateAsync(database);
                Assert.True(migrate == 0, $"{name}: newsagg migrate exited {migrate}");
                protect();
                using var worker = ServiceProcess.Start([$"--Storage:Path={database}", $"--Feeds:File={feedsFile}", "--urls=http://127.0.0.1:0"]);
                var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
                var errors = worker.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                output.WriteLine($"{name}: exit {exit?.ToString(CultureInfo.InvariantCulture) ?? "none (still running)"}: {string.Join(" | ", errors)}");
                Assert.True(exit == 2, $"{name}: exit code {exit}, expected 2{Environment.NewLine}{worker.Describe(20)}");
                var message = Assert.Single(errors);
                Assert.Contains("(Storage:Path)", message, StringComparison.Ordinal);
                Assert.Contains("read-only", message, StringComparison.Ordinal);
                Assert.DoesNotMatch(@"^\s+at \S+\(|Unhandled exception", worker.Output);
                rejected++;
            }
            output.WriteLine($"Read-only at start: {rejected} of {cases.Count} starts refused with one message and exit code 2");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed record OutageRun(
        TimeSpan FaultAfter, long StoredBeforeFault, string FirstError, int FailedPolls, double CpuShare, string IntegrityWhileFaulty,
        bool ExitedDuringOutage, TimeSpan ResumedAfter, int ServedBeforeRepair, IReadOnlyList<string> NotStored, int Acknowledged, DatabaseState Final);

    /// <summary>
    /// Ingests from growing feeds until the fault shows (or is caused), keeps the fault for <see cref="Outage"/>, repairs
    /// it and waits until every article served before the repair is stored.
    /// </summary>
    private async Task<OutageRun> RunOutageAsync(SmallFileSystem fileSystem, Func<ServiceProcess, Task<string>> awaitFault, Action? cause, Action repair)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-storage-");
        try
        {
            await using var server = await GrowingFeedServer.StartAsync(AddedPerRequest, Window);
            var database = Path.Combine(fileSystem.Path, "news.db");
            var feedsFile = Path.Combine(folder.FullName, "feeds.json");
            await File.WriteAllTextAsync(feedsFile, JsonSerializer.Serialize(new
            {
                feeds = Enumerable.Range(1, Feeds).Select(n => new { id = $"disk-{n:D2}", outlet = "meridian", url = server.FeedUrl(n) }),
            }));
            using var worker = ServiceProcess.Start(
            [
                $"--Storage:Path={database}",
                $"--Feeds:File={feedsFile}",
                $"--Fetch:AllowedPrivateEndpoints:0={server.Endpoint}",
                $"--Scheduling:DefaultIntervalSeconds={Interval.TotalSeconds}",
                $"--Scheduling:MinIntervalSeconds={Interval.TotalSeconds}",
                $"--Scheduling:MaxIntervalSeconds={Interval.TotalSeconds}",
                "--Scheduling:JitterFraction=0",
                "--urls=http://127.0.0.1:0",
                // "Stored article {Url} from {FeedKey}" is logged after the commit: the acknowledgments.
                "--Logging:LogLevel:NewsAggregator.Core.Polling.FeedPoller=Debug",
            ]);
            await worker.WaitUntilStartedAsync(TimeSpan.FromSeconds(60));
            var started = DateTimeOffset.UtcNow;
            if (cause is not null)
            {
                await worker.WaitUntilAsync(() => Acknowledged(worker).Count >= 200, TimeSpan.FromSeconds(60), "200 stored articles");
                cause();
            }
            var firstError = await awaitFault(worker);
            var faultAt = DateTimeOffset.UtcNow;
            var storedBefore = Acknowledged(worker).Count;

            // The outage: the service keeps running and retrying, without spinning.
            var cpuBefore = CpuTime(worker.Id);
            await Task.Delay(Outage);
            var cpuShare = (CpuTime(worker.Id) - cpuBefore).TotalSeconds / Outage.TotalSeconds;
            var exited = worker.HasExited;
            var failedPolls = worker.LinesSince(faultAt).Count(l => PollNotStored().IsMatch(l)) + 1;
            var whileFaulty = await DatabaseCheck.InspectAsync(database, []);

            var servedBeforeRepair = server.Served.Keys.ToList();
            repair();
            var repaired = DateTimeOffset.UtcNow;
            var ackAtRepair = Acknowledged(worker).Count;
            await worker.WaitUntilAsync(() => Acknowledged(worker).Count > ackAtRepair, TimeSpan.FromSeconds(60), "an article stored after the repair");
            var resumedAfter = DateTimeOffset.UtcNow - repaired;
            // Every article served before the repair must be stored within the next polls of its feed.
            var notStored = servedBeforeRepair;
            for (var wait = 0; wait < 60 && notStored.Count > 0; wait++)
            {
                await Task.Delay(1000);
                var stored = Acknowledged(worker);
                notStored = servedBeforeRepair.Where(url => !stored.Contains(url)).ToList();
            }
            var acknowledged = Acknowledged(worker);
            await worker.KillAsync();
            var final = await DatabaseCheck.InspectAsync(database, acknowledged);
            var storedUrls = await StoredUrlsAsync(database);
            return new OutageRun(faultAt - started, storedBefore, firstError, failedPolls, cpuShare, string.Join("; ", whileFaulty.IntegrityCheck), exited,
                resumedAfter, servedBeforeRepair.Count, servedBeforeRepair.Where(url => !storedUrls.Contains(url)).ToList(), acknowledged.Count, final);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void AssertOutcome(OutageRun run)
    {
        Assert.False(run.ExitedDuringOutage, "The service exited while the database could not be written");
        Assert.True(run.FailedPolls >= 2, $"Only {run.FailedPolls} failed poll was logged during the outage: were polls retried?");
        Assert.True(run.CpuShare < MaxCpuShareWhileFailing, FormattableString.Invariant($"The service used {run.CpuShare:P0} of a core while failing: it spins"));
        Assert.Equal("ok", run.IntegrityWhileFaulty);
        Assert.True(run.Final.IntegrityOk, $"integrity_check after recovery: {string.Join("; ", run.Final.IntegrityCheck)}");
        Assert.True(run.Final.MissingAcknowledged.Count == 0, $"{run.Final.MissingAcknowledged.Count} acknowledged articles are not stored, e.g. {string.Join(", ", run.Final.MissingAcknowledged.Take(5))}");
        Assert.Equal(0, run.Final.DuplicateUrls);
        Assert.Equal(0, run.Final.ArticlesWithoutVersion);
        Assert.True(run.NotStored.Count == 0, $"{run.NotStored.Count} of {run.ServedBeforeRepair} articles served before the repair were never stored, e.g. {string.Join(", ", run.NotStored.Take(5))}");
    }

    private static HashSet<string> Acknowledged(ServiceProcess worker) =>
        worker.Lines.Select(l => AcknowledgmentLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["url"].Value).ToHashSet(StringComparer.Ordinal);

    private static async Task<HashSet<string>> StoredUrlsAsync(string database)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT canonical_url FROM articles")).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<int?> NewsaggMigrateAsync(string database)
    {
        using var migrate = ServiceProcess.Start(["migrate", "--db", database]);
        return await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>User plus system CPU time of a process, from /proc/PID/stat (clock ticks of 10 ms).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat, counted after the command name (which ends with ")"): utime and stime.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static string Short(string line) => line.Trim() is var trimmed && trimmed.Length > 160 ? trimmed[..160] + "…" : trimmed;

    [GeneratedRegex(@"Poll of disk-\d+ not stored: ")]
    private static partial Regex PollNotStored();

    [GeneratedRegex(@"Stored article (?<url>\S+) from \S+")]
    private static partial Regex AcknowledgmentLine();
}
