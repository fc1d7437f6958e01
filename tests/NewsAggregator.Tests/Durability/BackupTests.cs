using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using NewsAggregator.Tests.Cli;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Durability;

/// <summary>
/// `newsagg backup` against the real service while it ingests: the service runs as a child process on a loopback feed
/// server whose every response brings new items, `newsagg backup` (the real executable) copies its database, and the
/// copy, restored with `newsagg restore` into a fresh place, must pass integrity_check, hold every article acknowledged
/// before the backup began, be at the current schema, and run the service again.
/// </summary>
public sealed class BackupTests(ITestOutputHelper output) : IDisposable
{
    private const int FeedCount = 40;
    private const int ItemsPerResponse = 20;
    private const int AcknowledgedBeforeBackup = 400;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-backup-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Backup_DuringIngest_RestoresToACheckedDatabaseWithEveryArticleAcknowledgedBeforeIt()
    {
        var clock = Stopwatch.StartNew();
        await using var server = await ChurningFeedServer.StartAsync(ItemsPerResponse);
        var live = Path.Combine(_folder, "live", "newsagg.db");
        var backup = Path.Combine(_folder, "backups", "newsagg-backup.db");
        var restored = Path.Combine(_folder, "restored", "newsagg.db");
        // A configured Storage:Path must be in an existing folder (only the default folder is created), as an operator's is.
        foreach (var path in new[] { live, backup, restored })
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var feedsFile = Path.Combine(_folder, "feeds.json");
        await File.WriteAllTextAsync(feedsFile, FeedsJson(server));

        IReadOnlyList<string> acknowledgedBefore;
        int acknowledgedAfter;
        using (var worker = WorkerProcess.Start(RepoPaths.Executable, WorkerArgs(server, live, feedsFile), WorkerEnvironment()))
        {
            await worker.WaitUntilStartedAsync(StartTimeout);
            await WaitForAsync(() => worker.Acknowledged.Count >= AcknowledgedBeforeBackup, TimeSpan.FromSeconds(90),
                () => $"The service acknowledged only {worker.Acknowledged.Count} articles.{Environment.NewLine}{worker.Tail}");

            // `newsagg backup` starts and finishes in well under a second, while polls come about four a second: a
            // backup is repeated (with --force) until one ran while feeds were being polled and stored, so that the
            // test is never about a quiet moment. Everything acknowledged before a backup began committed before it.
            var attempts = new List<string>();
            NewsaggProcess.Result result;
            long pollsDuring;
            do
            {
                acknowledgedBefore = worker.Acknowledged.ToList();
                var pollsBefore = server.Responses;
                result = await NewsaggProcess.RunAsync(attempts.Count == 0 ? ["backup", backup, "--db", live] : ["backup", backup, "--db", live, "--force"]);
                pollsDuring = server.Responses - pollsBefore;
                acknowledgedAfter = worker.Acknowledged.Count;
                attempts.Add($"{pollsDuring} polls served and {acknowledgedAfter - acknowledgedBefore.Count} articles acknowledged while it ran");
                Assert.True(result.ExitCode == 0, $"backup: exit {result.ExitCode}; {result.Out} {result.Error}");
            }
            while (pollsDuring == 0 && attempts.Count < 10);

            output.WriteLine($"backup: {result.Out.Trim()}");
            output.WriteLine($"acknowledged before the backup: {acknowledgedBefore.Count}; backups taken: {attempts.Count} ({string.Join("; ", attempts)})");
            Assert.Matches(@"^Backed up \S+newsagg\.db to \S+newsagg-backup\.db: \d+\.\d MiB, [\d,]+ articles, schema \d{4}, integrity ok, \d+\.\d\d s\s*$", result.Out);
            Assert.True(pollsDuring > 0, $"no backup of {attempts.Count} ran while feeds were polled");
            // The service goes on storing after it.
            await WaitForAsync(() => worker.Acknowledged.Count > acknowledgedAfter, TimeSpan.FromSeconds(30), () => "the service stored nothing after the backup");

            // An existing backup is not replaced by accident, and the live database cannot be restored over while in use.
            var again = await NewsaggProcess.RunAsync("backup", backup, "--db", live);
            Assert.Equal(2, again.ExitCode);
            Assert.Contains("exists; add --force", again.Error);
            var over = await NewsaggProcess.RunAsync("restore", backup, "--db", live);
            Assert.Equal(2, over.ExitCode);
            Assert.Contains("in use", over.Error);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(live)!, "*before-restore*"));

            // The negative control: a plain copy of the live file, without its -wal, is no backup.
            await PlainCopyMissesAcknowledgedArticlesAsync(worker, live);
        }

        // Restore into a fresh place, as on a new machine, and check the copy.
        var restore = await NewsaggProcess.RunAsync("restore", backup, "--db", restored);
        output.WriteLine($"restore: exit {restore.ExitCode}; {restore.Out.Trim()} {restore.Error.Trim()}");
        Assert.Equal(0, restore.ExitCode);
        var state = await DatabaseCheck.InspectAsync(restored, acknowledgedBefore);
        output.WriteLine($"restored: {state}");
        Assert.True(state.IntegrityOk, $"integrity_check: {string.Join("; ", state.IntegrityCheck)}");
        Assert.True(state.MissingAcknowledged.Count == 0,
            $"{state.MissingAcknowledged.Count} articles acknowledged before the backup are missing, e.g. {string.Join(", ", state.MissingAcknowledged.Take(5))}");
        Assert.Equal((0, 0, 0), (state.DuplicateUrls, state.ArticlesWithoutVersion, state.ArticlesWithoutSighting));
        Assert.True(state.Articles >= acknowledgedBefore.Count);
        var migrate = await NewsaggProcess.RunAsync("migrate", "--db", restored);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("up to date", migrate.Out);

        // The service runs on the restored database and goes on ingesting.
        using (var worker = WorkerProcess.Start(RepoPaths.Executable, WorkerArgs(server, restored, feedsFile), WorkerEnvironment()))
        {
            await worker.WaitUntilStartedAsync(StartTimeout);
            await WaitForAsync(() => worker.Acknowledged.Count >= ItemsPerResponse, TimeSpan.FromSeconds(60),
                () => $"The service on the restored database acknowledged only {worker.Acknowledged.Count} articles.{Environment.NewLine}{worker.Tail}");
            await worker.KillAsync();
            var after = await DatabaseCheck.InspectAsync(restored, acknowledgedBefore.Concat(worker.Acknowledged));
            Assert.True(after.IntegrityOk && after.MissingAcknowledged.Count == 0, after.ToString());
            Assert.True(after.Articles > state.Articles);
            output.WriteLine($"service on the restored database: {worker.Acknowledged.Count} more acknowledged; {after}");
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// A copy of the database file alone, taken while the service writes, loses what is still in the -wal file beside it
    /// (or is torn by a checkpoint writing into it). A few tries, since a copy taken right after a checkpoint may hold all.
    /// </summary>
    private async Task PlainCopyMissesAcknowledgedArticlesAsync(WorkerProcess worker, string live)
    {
        var results = new List<string>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var acknowledged = worker.Acknowledged.ToList();
            var copy = Path.Combine(_folder, $"plain-copy-{attempt}.db");
            File.Copy(live, copy);
            var state = await DatabaseCheck.InspectAsync(copy, acknowledged);
            results.Add($"attempt {attempt}: {state}");
            if (!state.IntegrityOk || state.MissingAcknowledged.Count > 0)
            {
                output.WriteLine($"plain copy of the live file: {string.Join(" | ", results)}");
                return;
            }
            await Task.Delay(700);
        }
        Assert.Fail($"Every plain copy held every acknowledged article, so the control shows nothing: {string.Join(" | ", results)}");
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Func<string> failure)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > timeout)
                Assert.Fail(failure());
            await Task.Delay(100);
        }
    }

    private static string[] WorkerArgs(ChurningFeedServer server, string database, string feedsFile) =>
    [
        $"--Storage:Path={database}",
        $"--Feeds:File={feedsFile}",
        $"--Fetch:AllowedPrivateEndpoints:0={server.Endpoint}",
        "--Scheduling:DefaultIntervalSeconds=10",
        "--Scheduling:MinIntervalSeconds=10",
        "--Scheduling:MaxIntervalSeconds=10",
        "--Scheduling:JitterFraction=0",
        "--urls=http://127.0.0.1:0",
        "--Logging:LogLevel:NewsAggregator.Core.Polling.FeedPoller=Debug",
    ];

    private static string FeedsJson(ChurningFeedServer server) =>
        JsonSerializer.Serialize(new
        {
            feeds = Enumerable.Range(1, FeedCount).Select(n => new
            {
                id = $"backup-{n:D2}", outlet = "meridian", url = server.FeedUrl(n), title = $"Churning feed {n}",
            }),
        });

    /// <summary>No inherited NEWSAGG_ overrides; the production environment.</summary>
    private static Dictionary<string, string?> WorkerEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("NEWSAGG_", StringComparison.OrdinalIgnoreCase))
                environment[name] = null;
        }
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return environment;
    }
}
