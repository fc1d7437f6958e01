using System.Collections;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Durability;

/// <summary>
/// The promise of the single writer: an article the worker has acknowledged ("Stored article ...", logged after the
/// commit) survives a kill -9 at any moment. The real service runs as a child process against a loopback server whose
/// feeds never repeat an item, is killed at random moments while it ingests, and after every kill the database file
/// is checked against every acknowledgment printed so far. The second test runs the same loop on a writer that
/// acknowledges before committing and shows that the checker catches it.
/// </summary>
public sealed class KillTests(ITestOutputHelper output)
{
    private const int FeedCount = 40;
    private const int ItemsPerResponse = 50;
    private const int Kills = 20;
    private const int MinimumAcknowledged = 500;
    // A warm poll parses, writes and acknowledges 50 items in ~2-10 ms after the server rendered them.
    private const int AimWindowMs = 8;
    private const string FaultVariable = "NEWSAGG_FAULT_ACK_BEFORE_COMMIT";
    private static readonly string[] Outlets = ["meridian", "northgate-herald", "eastwind", "valley-courier", "newspulse"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Kill9_DuringIngest_EveryAcknowledgedArticleSurvives()
    {
        var run = await RunKillLoopAsync(acknowledgeBeforeCommit: false, stopAtFirstLoss: false);

        Assert.Equal(Kills, run.Rounds.Count);
        foreach (var round in run.Rounds)
        {
            Assert.True(round.State.IntegrityOk, $"Kill {round.Number}: PRAGMA integrity_check returned {string.Join("; ", round.State.IntegrityCheck)}");
            Assert.True(round.State.MissingAcknowledged.Count == 0,
                $"Kill {round.Number}: {round.State.MissingAcknowledged.Count} acknowledged articles are not in the database, e.g. " +
                string.Join(", ", round.State.MissingAcknowledged.Take(10)));
            Assert.Equal(0, round.State.DuplicateUrls);
            Assert.Equal(0, round.State.ArticlesWithoutVersion);
            Assert.Equal(0, round.State.ArticlesWithoutSighting);
        }
        // Not vacuous: the kills must have hit a worker that was acknowledging articles.
        Assert.True(run.Acknowledged >= MinimumAcknowledged, $"Only {run.Acknowledged} articles were acknowledged over {Kills} kills; expected at least {MinimumAcknowledged}.");
        Assert.True(run.Rounds.Count(r => r.AcknowledgedInRound > 0) >= Kills / 2,
            $"Only {run.Rounds.Count(r => r.AcknowledgedInRound > 0)} of {Kills} runs acknowledged anything before the kill.");
        Assert.True(run.Rounds.Any(r => r.InterruptedIngest),
            $"None of {Kills} kills landed while a poll was being stored, so no crash in the middle of a write was tested; fit AimWindowMs ({AimWindowMs}) to how long a poll takes on this machine.");
    }

    [Fact]
    public async Task Kill9_WhenWriterAcknowledgesBeforeCommit_CheckerFindsLostArticles()
    {
        var run = await RunKillLoopAsync(acknowledgeBeforeCommit: true, stopAtFirstLoss: true);

        Assert.All(run.Rounds, round => Assert.True(round.State.IntegrityOk, $"Kill {round.Number}: integrity_check {string.Join("; ", round.State.IntegrityCheck)}"));
        Assert.True(run.Acknowledged > 0, "The broken worker acknowledged nothing, so the checker had nothing to find.");
        Assert.Contains(run.Rounds, round => round.State.MissingAcknowledged.Count > 0);
    }

    private async Task<KillRun> RunKillLoopAsync(bool acknowledgeBeforeCommit, bool stopAtFirstLoss)
    {
        var seed = Environment.GetEnvironmentVariable("NEWSAGG_KILL_TEST_SEED") is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"Seed {seed} (set NEWSAGG_KILL_TEST_SEED={seed} to repeat the kill moments)");
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
                "--urls=http://127.0.0.1:0",
                "--Logging:LogLevel:NewsAggregator.Core.Polling.FeedPoller=Debug",
            ];
            var environment = WorkerEnvironment(acknowledgeBeforeCommit);

            var acknowledged = new HashSet<string>(StringComparer.Ordinal);
            var rounds = new List<KillRound>();
            long fetchedNotStoredBefore = 0, storedNotAcknowledgedBefore = 0;
            for (var number = 1; number <= Kills; number++)
            {
                var delay = TimeSpan.FromSeconds(1.5 + 3.5 * random.NextDouble());
                var aim = TimeSpan.FromMilliseconds(random.Next(0, AimWindowMs));
                int inRound;
                using (var worker = WorkerProcess.Start(workerDll, args, environment))
                {
                    await worker.WaitUntilStartedAsync(StartTimeout);
                    await Task.Delay(delay);
                    // Polls of a few milliseconds every ~250 ms leave the worker idle most of the time, so a kill at a
                    // purely random moment would almost never land inside a transaction. Aim it: wait for the next feed
                    // body the server hands out, then kill within the time its parsing, writing and acknowledging take.
                    await WhenNextResponseOrAfter(server, TimeSpan.FromSeconds(5));
                    await Task.Delay(aim);
                    await worker.KillAsync();
                    inRound = worker.Acknowledged.Count;
                    acknowledged.UnionWith(worker.Acknowledged);
                }
                var state = await DatabaseCheck.InspectAsync(databasePath, acknowledged);
                // Items served but never stored, and stored but never acknowledged: what this kill cut short.
                var fetchedNotStored = server.ItemsServed - state.Articles;
                var storedNotAcknowledged = state.Articles - (acknowledged.Count - state.MissingAcknowledged.Count);
                var round = new KillRound(number, delay, aim, inRound,
                    fetchedNotStored - fetchedNotStoredBefore, storedNotAcknowledged - storedNotAcknowledgedBefore, state);
                (fetchedNotStoredBefore, storedNotAcknowledgedBefore) = (fetchedNotStored, storedNotAcknowledged);
                rounds.Add(round);
                output.WriteLine(FormattableString.Invariant(
                    $"Kill {number,2} at {delay.TotalSeconds:F2} s + next response + {aim.TotalMilliseconds,2:F0} ms: {inRound} acknowledged ({acknowledged.Count} in all), cut short {round.FetchedNotStored} fetched and {round.StoredNotAcknowledged} stored items; {state}"));
                if (stopAtFirstLoss && state.MissingAcknowledged.Count > 0)
                {
                    output.WriteLine($"Lost, e.g.: {string.Join(", ", state.MissingAcknowledged.Take(5))}");
                    break;
                }
            }
            output.WriteLine(FormattableString.Invariant(
                $"{rounds.Count} kills in {clock.Elapsed.TotalSeconds:F1} s; {rounds.Count(r => r.InterruptedIngest)} cut ingest short; {acknowledged.Count} acknowledged; {rounds[^1].State.Articles} articles stored; server answered {server.Responses} polls with {server.ItemsServed} items"));
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
    private static Dictionary<string, string?> WorkerEnvironment(bool acknowledgeBeforeCommit)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("NEWSAGG_", StringComparison.OrdinalIgnoreCase))
                environment[name] = null;
        }
        environment["DOTNET_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment[FaultVariable] = acknowledgeBeforeCommit ? "1" : null;
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

    private static async Task WhenNextResponseOrAfter(ChurningFeedServer server, TimeSpan timeout)
    {
        try
        {
            await server.NextResponse.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // No poll due right now: the kill falls at the random moment alone.
        }
    }

    private sealed record KillRound(
        int Number, TimeSpan Delay, TimeSpan Aim, int AcknowledgedInRound, long FetchedNotStored, long StoredNotAcknowledged, DatabaseState State)
    {
        public bool InterruptedIngest => FetchedNotStored > 0 || StoredNotAcknowledged > 0;
    }

    private sealed record KillRun(IReadOnlyList<KillRound> Rounds, int Acknowledged);
}
