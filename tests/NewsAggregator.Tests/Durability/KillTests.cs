using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Durability;

/// <summary>
/// Two promises, tested by killing the real service (a child process) with SIGKILL at chosen moments:
/// - the single writer's: an article the worker has acknowledged ("Stored article ...", logged after the commit)
///   survives a kill -9 at any moment;
/// - the clustering consumer's: every stored version is clustered exactly once, however often the consumer dies
///   (a batch's decisions, story rows and its removal from the queue commit together).
/// A loopback server whose feeds never repeat an item keeps both busy. Kills alternate between aiming at a poll's
/// ingest (right after the server hands out a feed body) and at a clustering save (right after the consumer
/// announces one); after every kill the database file is checked against every acknowledgment printed so far and
/// for versions skipped or queued again. Two negative controls run the same loop on a deliberately broken build
/// (acknowledging before the commit; taking a batch off the queue before saving it) and show the checker catches
/// each. NEWSAGG_KILL_RUNS raises the number of kills for a longer run.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int FeedCount = 24;
    private const int ItemsPerResponse = 25;
    private const int DefaultKills = 50;
    private const int MinimumAcknowledged = 1000;
    private const int MinimumClustered = 1000;
    // A warm poll parses, writes and acknowledges 25 items in ~2-8 ms after the server rendered them.
    private const int IngestAimWindowMs = 8;
    // A clustering save of up to 500 versions (with provenance) takes tens of milliseconds once announced.
    private const int ClusteringAimWindowMs = 40;
    private const string AcknowledgeFault = "NEWSAGG_FAULT_ACK_BEFORE_COMMIT";
    private const string DequeueFault = "NEWSAGG_FAULT_DEQUEUE_BEFORE_SAVE";
    private static readonly string[] Outlets = ["meridian", "northgate-herald", "eastwind", "valley-courier", "newspulse"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static int Kills => Environment.GetEnvironmentVariable("NEWSAGG_KILL_RUNS") is { Length: > 0 } runs
        ? Math.Max(DefaultKills, int.Parse(runs, CultureInfo.InvariantCulture))
        : DefaultKills;

    [Fact]
    public async Task Kill9_DuringIngestAndClustering_NothingAcknowledgedIsLostAndEveryVersionIsClusteredOnce()
    {
        var kills = Kills;
        var run = await RunKillLoopAsync(kills, fault: null, Aim.Alternate, stop: _ => false);

        Assert.Equal(kills, run.Rounds.Count);
        foreach (var round in run.Rounds)
        {
            var state = round.State;
            Assert.True(state.IntegrityOk, $"Kill {round.Number}: PRAGMA integrity_check returned {string.Join("; ", state.IntegrityCheck)}");
            Assert.True(state.MissingAcknowledged.Count == 0,
                $"Kill {round.Number}: {state.MissingAcknowledged.Count} acknowledged articles are not in the database, e.g. " +
                string.Join(", ", state.MissingAcknowledged.Take(10)));
            Assert.Equal(0, state.DuplicateUrls);
            Assert.Equal(0, state.ArticlesWithoutVersion);
            Assert.Equal(0, state.ArticlesWithoutSighting);
            Assert.True(state.ClusteringConsistent, $"Kill {round.Number}: {state}");
        }
        // Not vacuous: the kills must have hit a worker that was acknowledging and clustering articles, and some of
        // them must have landed inside a write of each kind.
        Assert.True(run.Acknowledged >= MinimumAcknowledged, $"Only {run.Acknowledged} articles were acknowledged over {kills} kills; expected at least {MinimumAcknowledged}.");
        Assert.True(run.Rounds.Count(r => r.AcknowledgedInRound > 0) >= kills / 2,
            $"Only {run.Rounds.Count(r => r.AcknowledgedInRound > 0)} of {kills} runs acknowledged anything before the kill.");
        Assert.True(run.Rounds.Any(r => r.InterruptedIngest),
            $"None of {kills} kills landed while a poll was being stored; fit IngestAimWindowMs ({IngestAimWindowMs}) to how long a poll takes on this machine.");
        Assert.True(run.Rounds.Any(r => r.InterruptedClustering),
            $"None of {kills} kills landed inside an announced clustering save; fit ClusteringAimWindowMs ({ClusteringAimWindowMs}) to how long a save takes.");
        Assert.True(run.Rounds[^1].State.Clustered >= MinimumClustered,
            $"Only {run.Rounds[^1].State.Clustered} versions were clustered over {kills} kills; expected at least {MinimumClustered}.");
    }

    [Fact]
    public async Task Kill9_WhenWriterAcknowledgesBeforeCommit_CheckerFindsLostArticles()
    {
        var run = await RunKillLoopAsync(Kills, AcknowledgeFault, Aim.Ingest, stop: state => state.MissingAcknowledged.Count > 0);

        Assert.All(run.Rounds, round => Assert.True(round.State.IntegrityOk, $"Kill {round.Number}: integrity_check {string.Join("; ", round.State.IntegrityCheck)}"));
        Assert.True(run.Acknowledged > 0, "The broken worker acknowledged nothing, so the checker had nothing to find.");
        Assert.Contains(run.Rounds, round => round.State.MissingAcknowledged.Count > 0);
    }

    [Fact]
    public async Task Kill9_WhenConsumerDequeuesBeforeSaving_CheckerFindsSkippedVersions()
    {
        var run = await RunKillLoopAsync(Kills, DequeueFault, Aim.Clustering, stop: state => state.SkippedVersions > 0);

        Assert.All(run.Rounds, round => Assert.True(round.State.IntegrityOk, $"Kill {round.Number}: integrity_check {string.Join("; ", round.State.IntegrityCheck)}"));
        Assert.Contains(run.Rounds, round => round.State.SkippedVersions > 0);
    }

    private enum Aim
    {
        Ingest,
        Clustering,
        Alternate,
    }

    private async Task<KillRun> RunKillLoopAsync(int kills, string? fault, Aim aim, Func<DatabaseState, bool> stop)
    {
        var seed = Environment.GetEnvironmentVariable("NEWSAGG_KILL_TEST_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"Seed {seed} (set NEWSAGG_KILL_TEST_SEED={seed} to repeat the kill moments); fault: {fault ?? "none"}");
        var random = new Random(seed);
        var workerDll = WorkerDll();
        var folder = Directory.CreateTempSubdirectory("newsagg-kill-");
        var clock = Stopwatch.StartNew();
        try
        {
            await using var server = await ChurningFeedServer.StartAsync(ItemsPerResponse);
            var feedsFile = Path.Combine(folder.FullName, "feeds.json");
            var databasePath = Path.Combine(folder.FullName, "kill.db");
            await File.WriteAllTextAsync(feedsFile, FeedsJson(server));
            string[] args =
            [
                $"--Storage:Path={databasePath}",
                $"--Feeds:File={feedsFile}",
                $"--Fetch:AllowedPrivateEndpoints:0={server.Endpoint}",
                "--Scheduling:DefaultIntervalSeconds=10",
                "--Scheduling:MinIntervalSeconds=10",
                "--Scheduling:MaxIntervalSeconds=10",
                "--Scheduling:JitterFraction=0",
                "--Clustering:IntervalSeconds=1",
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:NewsAggregator.Core.Polling.FeedPoller=Debug",
                "--Logging:LogLevel:NewsAggregator.Core.Clustering.ClusterConsumer=Debug",
            ];
            var environment = WorkerEnvironment(fault);

            var acknowledged = new HashSet<string>(StringComparer.Ordinal);
            var rounds = new List<KillRound>();
            long fetchedNotStoredBefore = 0, storedNotAcknowledgedBefore = 0;
            for (var number = 1; number <= kills; number++)
            {
                var delay = TimeSpan.FromSeconds(0.5 + 1.5 * random.NextDouble());
                var target = aim switch
                {
                    Aim.Alternate => number % 2 == 1 ? Aim.Ingest : Aim.Clustering,
                    _ => aim,
                };
                var offset = TimeSpan.FromMilliseconds(random.Next(0, target == Aim.Ingest ? IngestAimWindowMs : ClusteringAimWindowMs));
                int inRound;
                long? announcedSave;
                using (var worker = WorkerProcess.Start(workerDll, args, environment))
                {
                    await worker.WaitUntilStartedAsync(StartTimeout);
                    await Task.Delay(delay);
                    // Polls of a few milliseconds and saves of a few tens leave the worker idle much of the time, so a
                    // kill at a purely random moment would seldom land inside a transaction. Aim it: wait for the next
                    // feed body the server hands out (or the next save the consumer announces), then kill within the
                    // time that ingest (or save) takes.
                    await WhenOrAfter(target == Aim.Ingest ? server.NextResponse : worker.NextClusteringSave, TimeSpan.FromSeconds(5));
                    await Task.Delay(offset);
                    await worker.KillAsync();
                    inRound = worker.Acknowledged.Count;
                    announcedSave = worker.LastAnnouncedSave;
                    acknowledged.UnionWith(worker.Acknowledged);
                }
                var state = await DatabaseCheck.InspectAsync(databasePath, acknowledged, announcedSave);
                // Items served but never stored, and stored but never acknowledged: what this kill cut short.
                var fetchedNotStored = server.ItemsServed - state.Articles;
                var storedNotAcknowledged = state.Articles - (acknowledged.Count - state.MissingAcknowledged.Count);
                var round = new KillRound(number, target, delay, offset, inRound,
                    fetchedNotStored - fetchedNotStoredBefore, storedNotAcknowledged - storedNotAcknowledgedBefore, state);
                (fetchedNotStoredBefore, storedNotAcknowledgedBefore) = (fetchedNotStored, storedNotAcknowledged);
                rounds.Add(round);
                output.WriteLine(FormattableString.Invariant(
                    $"Kill {number,2} ({target}) at {delay.TotalSeconds:F2} s + next event + {offset.TotalMilliseconds,2:F0} ms: {inRound} acknowledged ({acknowledged.Count} in all), cut short {round.FetchedNotStored} fetched and {round.StoredNotAcknowledged} stored items{(round.InterruptedClustering ? ", a clustering save" : "")}; {state}"));
                if (stop(state))
                {
                    output.WriteLine($"The checker found the fault's damage at kill {number}.");
                    break;
                }
            }
            var last = rounds[^1].State;
            output.WriteLine(FormattableString.Invariant(
                $"{rounds.Count} kills in {clock.Elapsed.TotalSeconds:F1} s: {rounds.Count(r => r.InterruptedIngest)} cut ingest short, {rounds.Count(r => r.InterruptedClustering)} a clustering save; {acknowledged.Count} acknowledged, {last.MissingAcknowledged.Count} lost; {last.Articles} articles stored, {last.Clustered} versions clustered, {last.Queued} queued, {last.SkippedVersions} skipped, {last.ClusteredTwice} clustered twice; server answered {server.Responses} polls with {server.ItemsServed} items"));
            return new KillRun(rounds, acknowledged.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string FeedsJson(ChurningFeedServer server) =>
        JsonSerializer.Serialize(new
        {
            feeds = Enumerable.Range(1, FeedCount).Select(n => new
            {
                id = $"kill-{n:D2}",
                outlet = Outlets[n % Outlets.Length],
                url = server.FeedUrl(n),
                title = $"Churning feed {n}",
            }),
        });

    /// <summary>Only what this test sets: no inherited NEWSAGG_ overrides, the production environment, and the fault switch.</summary>
    private static Dictionary<string, string?> WorkerEnvironment(string? fault)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("NEWSAGG_", StringComparison.OrdinalIgnoreCase))
                environment[name] = null;
        }
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment[AcknowledgeFault] = fault == AcknowledgeFault ? "1" : null;
        environment[DequeueFault] = fault == DequeueFault ? "1" : null;
        return environment;
    }

    /// <summary>src/NewsAggregator/bin/{Configuration}/net10.0/newsagg.dll, in the configuration this test was built with.</summary>
    private static string WorkerDll()
    {
        var baseDirectory = AppContext.BaseDirectory;
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "NewsAggregator.sln")))
            root = root.Parent;
        Assert.True(root is not null, $"No NewsAggregator.sln above {baseDirectory}");
        var segments = baseDirectory.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(segments, "bin");
        Assert.True(bin >= 0 && bin + 2 < segments.Length, $"Cannot tell the build configuration from {baseDirectory}");
        var configuration = segments[bin + 1];
        var framework = segments[bin + 2];
        var dll = Path.Combine(root!.FullName, "src", "NewsAggregator", "bin", configuration, framework, "newsagg.dll");
        Assert.True(File.Exists(dll), $"{dll} does not exist; build the solution in {configuration} first.");
        return dll;
    }

    private static async Task WhenOrAfter(Task next, TimeSpan timeout)
    {
        try
        {
            await next.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // Nothing due right now: the kill falls at the random moment alone.
        }
    }

    private sealed record KillRound(
        int Number, Aim Target, TimeSpan Delay, TimeSpan Offset, int AcknowledgedInRound, long FetchedNotStored, long StoredNotAcknowledged, DatabaseState State)
    {
        public bool InterruptedIngest => FetchedNotStored > 0 || StoredNotAcknowledged > 0;

        public bool InterruptedClustering => State.AnnouncedSaveUncommitted;
    }

    private sealed record KillRun(IReadOnlyList<KillRound> Rounds, int Acknowledged);
}
