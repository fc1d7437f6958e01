using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// The real executable started with one bad input at a time: each must stop it quickly with exit code 2 and exactly
/// one line on standard error that names the key or file and what is allowed, never a stack trace.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed partial class BadConfigurationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(20);

    /// <summary>One bad input: what to add to an otherwise valid start, and what its one message must say.</summary>
    private sealed record Case(string Name, string[] Args, string[] Expect)
    {
        public Dictionary<string, string> Environment { get; init; } = [];
        /// <summary>File name in the case's folder and its content; "{dir}" in Args stands for that folder.</summary>
        public Dictionary<string, string> Files { get; init; } = [];
        /// <summary>Replaces the verb-less service start, e.g. ["servce"].</summary>
        public bool Verb { get; init; }
    }

    // `newsagg editor hash-key --key correct-horse-battery` (100,000 iterations, the minimum, so that start-up stays quick).
    private static readonly string ValidKeyHash = Core.Editorial.EditorKeyHash.Create("correct-horse-battery", 100_000).ToString();

    private const string GoodFeed = """{ "id": "one", "outlet": "meridian", "url": "https://example.org/feed.xml" }""";

    private static string FeedsWith(string entry) => $$"""{ "feeds": [ {{entry}} ] }""";

    private static IEnumerable<Case> Cases()
    {
        // Options: unknown sections and keys, from the command line and from the environment.
        yield return new("unknown section (command line)", ["--Schedulng:MinIntervalSeconds=60"], ["Schedulng", "not a known section", "Scheduling"]);
        yield return new("unknown section (environment)", [], ["Fech", "not a known section", "Fetch"]) { Environment = { ["NEWSAGG_Fech__TimeoutSeconds"] = "10" } };
        yield return new("misspelt key", ["--Fetch:TimeoutSecs=10"], ["Fetch:TimeoutSecs is not a known key", "TimeoutSeconds"]);
        yield return new("misspelt key (environment)", [], ["Storage:Pth is not a known key", "Path"]) { Environment = { ["NEWSAGG_Storage__Pth"] = "/tmp/x.db" } };
        yield return new("misspelt key in a list entry", ["--Editor:Accounts:0:Nam=alice", $"--Editor:Accounts:0:KeyHash={ValidKeyHash}"], ["Editor:Accounts:0:Nam is not a known key", "Name"]);
        yield return new("option the service does not have", ["--verbose"], ["verbose (command line) is not a known section"]);
        // Wrong types.
        yield return new("whole number expected", ["--Fetch:TimeoutSeconds=ten"], ["Fetch:TimeoutSeconds must be a whole number", "ten"]);
        yield return new("true or false expected", ["--Storage:MigrateOnStart=sometimes"], ["Storage:MigrateOnStart must be true or false"]);
        yield return new("number expected", ["--Scheduling:JitterFraction=lots"], ["Scheduling:JitterFraction must be a number"]);
        // Out of range.
        yield return new("zero timeout", ["--Fetch:TimeoutSeconds=0"], ["Fetch:TimeoutSeconds must be between 1 and 600"]);
        yield return new("per-host limit too high", ["--Fetch:MaxConcurrentPerHost=1000"], ["Fetch:MaxConcurrentPerHost must be between 1 and 64"]);
        yield return new("jitter too large", ["--Scheduling:JitterFraction=2"], ["Scheduling:JitterFraction must be between 0 and 0.5"]);
        yield return new("negative interval", ["--Scheduling:DefaultIntervalSeconds=-60"], ["Scheduling:DefaultIntervalSeconds must be between 10 and 86400", "-60"]);
        yield return new("min interval above max", ["--Scheduling:MinIntervalSeconds=3600", "--Scheduling:MaxIntervalSeconds=600"], ["Scheduling:MinIntervalSeconds must not exceed MaxIntervalSeconds"]);
        yield return new("unknown synchronous mode", ["--Storage:Synchronous=OFF"], ["Storage:Synchronous must be one of FULL, NORMAL"]);
        yield return new("unknown provider", ["--Storage:Provider=postgres"], ["Storage:Provider must be one of sqlite"]);
        yield return new("endpoint without port", ["--Fetch:AllowedPrivateEndpoints:0=localhost"], ["Fetch:AllowedPrivateEndpoints:0 must be \"host:port\""]);
        yield return new("empty user agent", ["--Fetch:UserAgent="], ["Fetch:UserAgent must not be empty"]);
        yield return new("join threshold out of range", ["--Clustering:JoinThreshold=2"], ["Clustering:JoinThreshold must be above 0 and at most 1"]);
        yield return new("bands not dividing 64", ["--Clustering:MinHashBands=5"], ["Clustering:MinHashBands must divide 64"]);
        yield return new("malformed editor key hash", ["--Editor:Accounts:0:Name=alice", "--Editor:Accounts:0:KeyHash=plaintext"], ["Editor:Accounts:0:KeyHash must be", "newsagg editor hash-key"]);
        // The feed list.
        yield return new("missing feeds file", ["--Feeds:File={dir}/nowhere.json"], ["Feeds:File", "nowhere.json", "does not exist"]);
        yield return new("malformed feeds.json", ["--Feeds:File={dir}/bad.json"], ["bad.json", "not valid JSON"]) { Files = { ["bad.json"] = """{ "feeds": [ { "id": "a", """ } };
        yield return new("feeds.json without a feeds array", ["--Feeds:File={dir}/bad.json"], ["bad.json", "\"feeds\" array"]) { Files = { ["bad.json"] = """{ "items": [] }""" } };
        yield return new("feed with a file: URL", ["--Feeds:File={dir}/bad.json"], ["feeds[0] (passwd)", "absolute http or https URL", "file:///etc/passwd"])
        {
            Files = { ["bad.json"] = FeedsWith("""{ "id": "passwd", "outlet": "meridian", "url": "file:///etc/passwd" }""") },
        };
        yield return new("feed at the cloud metadata address", ["--Feeds:File={dir}/bad.json"], ["feeds[0] (metadata)", "169.254.169.254", "Fetch:AllowedPrivateEndpoints"])
        {
            Files = { ["bad.json"] = FeedsWith("""{ "id": "metadata", "outlet": "meridian", "url": "http://169.254.169.254/latest/meta-data/" }""") },
        };
        yield return new("feed at a metadata host name", ["--Feeds:File={dir}/bad.json"], ["feeds[0] (gce)", "metadata.google.internal", "Fetch:AllowedPrivateEndpoints"])
        {
            Files = { ["bad.json"] = FeedsWith("""{ "id": "gce", "outlet": "meridian", "url": "http://metadata.google.internal/computeMetadata/v1/" }""") },
        };
        yield return new("feed on loopback", ["--Feeds:File={dir}/bad.json"], ["feeds[0] (local)", "127.0.0.1", "Fetch:AllowedPrivateEndpoints \"127.0.0.1:8080\""])
        {
            Files = { ["bad.json"] = FeedsWith("""{ "id": "local", "outlet": "meridian", "url": "http://127.0.0.1:8080/feed" }""") },
        };
        yield return new("feed of an unknown outlet", ["--Feeds:File={dir}/bad.json"], ["feeds[0] (x)", "\"outlet\" must be an id from the outlet directory", "nobody"])
        {
            Files = { ["bad.json"] = FeedsWith("""{ "id": "x", "outlet": "nobody", "url": "https://example.org/x.xml" }""") },
        };
        yield return new("duplicate feed id", ["--Feeds:File={dir}/bad.json"], ["feeds[1] (one)", "duplicate id"])
        {
            Files = { ["bad.json"] = FeedsWith(GoodFeed + ", " + GoodFeed.Replace("feed.xml", "other.xml", StringComparison.Ordinal)) },
        };
        // The outlet directory.
        yield return new("missing outlets file", ["--Feeds:OutletsFile={dir}/nowhere.json"], ["Feeds:OutletsFile", "nowhere.json", "does not exist"]);
        yield return new("malformed outlets.json", ["--Feeds:OutletsFile={dir}/outlets.json"], ["outlets.json", "not valid JSON"]) { Files = { ["outlets.json"] = """{ "outlets": [ {"id": """ } };
        yield return new("outlet of an unknown kind", ["--Feeds:OutletsFile={dir}/outlets.json"], ["outlets[0] (meridian)", "\"kind\" must be one of", "tabloid"])
        {
            Files = { ["outlets.json"] = """{ "outlets": [ { "id": "meridian", "name": "Meridian", "kind": "tabloid" } ] }""" },
        };
        // The database.
        yield return new("database in a missing folder", ["--Storage:Path={dir}/no/such/folder/news.db"], ["Storage:Path", "no/such/folder", "does not exist"]);
        yield return new("database path is a folder", ["--Storage:Path={dir}"], ["Storage:Path", "is a folder"]);
        yield return new("database file is not SQLite", ["--Storage:Path={dir}/notes.txt"], ["Storage:Path", "notes.txt", "not a SQLite database"])
        {
            Files = { ["notes.txt"] = string.Concat(Enumerable.Repeat("These are my notes, not a database.\n", 200)) },
        };
        yield return new("migrations not allowed on a new database", ["--Storage:MigrateOnStart=false"], ["newsagg migrate", "Storage:MigrateOnStart"]);
        // The web page's address.
        yield return new("invalid --urls", ["--urls=not a url"], ["Urls", "not a url"]);
        yield return new("--urls port out of range", ["--urls=http://127.0.0.1:99999"], ["Urls", "99999"]);
        yield return new("--urls port in use", ["--urls=http://127.0.0.1:{busyport}"], ["Urls", "127.0.0.1:{busyport}", "in use"]);
        // A mistyped verb must not start the service.
        yield return new("mistyped verb", ["servce"], ["Unknown command \"servce\""]) { Verb = true };
    }

    [Fact]
    public async Task Start_WithEachBadInput_ExitsWithOneClearMessage()
    {
        var cases = Cases().ToList();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var busyPort = ((IPEndPoint)busy.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var results = new (Case Case, string? Problem, string Message, TimeSpan Took)[cases.Count];
        // Two at a time: each start is a separate process on a 2-core machine.
        using var gate = new SemaphoreSlim(2);
        await Task.WhenAll(cases.Select(async (c, i) =>
        {
            await gate.WaitAsync();
            try
            {
                results[i] = await RunAsync(c, busyPort);
            }
            finally
            {
                gate.Release();
            }
        }));

        var rejected = 0;
        foreach (var (c, problem, message, took) in results)
        {
            output.WriteLine($"{(problem is null ? "ok  " : "FAIL")} {c.Name,-42} {took.TotalSeconds,5:F1} s  {message}");
            if (problem is null)
                rejected++;
            else
                output.WriteLine($"     {problem}");
        }
        output.WriteLine($"{cases.Count} bad inputs tried, {rejected} rejected with one message (exit code 2, no stack trace, within {ExitWithin.TotalSeconds:F0} s)");
        Assert.True(cases.Count >= 25, $"Only {cases.Count} cases");
        Assert.True(rejected == cases.Count, string.Join(Environment.NewLine,
            results.Where(r => r.Problem is not null).Select(r => $"{r.Case.Name}: {r.Problem}")));
    }

    private static async Task<(Case, string?, string, TimeSpan)> RunAsync(Case c, string busyPort)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-badconfig-");
        try
        {
            string Expand(string s) => s.Replace("{dir}", folder.FullName, StringComparison.Ordinal).Replace("{busyport}", busyPort, StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "feeds.json"), FeedsWith(GoodFeed));
            foreach (var (name, content) in c.Files)
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), content);
            // A valid start apart from the case's input; the case's own options come last and win.
            var args = c.Verb ? new List<string>() : [
                $"--Storage:Path={Path.Combine(folder.FullName, "news.db")}",
                $"--Feeds:File={Path.Combine(folder.FullName, "feeds.json")}",
            ];
            if (!c.Verb && !c.Args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
                args.Add("--urls=http://127.0.0.1:0");
            args.AddRange(c.Args.Select(Expand));
            var watch = Stopwatch.StartNew();
            using var process = ServiceProcess.Start(args, c.Environment.ToDictionary(e => e.Key, e => (string?)e.Value));
            var exit = await process.WaitForExitAsync(ExitWithin);
            var took = watch.Elapsed;
            var errors = process.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var message = string.Join(" | ", errors);
            if (exit is null)
                return (c, $"still running after {ExitWithin.TotalSeconds:F0} s (the bad input was accepted){Environment.NewLine}{process.Describe(10)}", message, took);
            if (exit != 2)
                return (c, $"exit code {exit}, expected 2{Environment.NewLine}{process.Describe(10)}", message, took);
            if (errors.Length != 1)
                return (c, $"{errors.Length} lines on standard error, expected one message", message, took);
            if (StackTrace().IsMatch(process.Errors + process.Output))
                return (c, "a stack trace was printed", message, took);
            var missing = c.Expect.Select(Expand).Where(e => !errors[0].Contains(e, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0)
                return (c, $"the message does not say {string.Join(", ", missing.Select(m => $"\"{m}\""))}", message, took);
            return (c, null, message, took);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [GeneratedRegex(@"^\s+at \S+\(|Unhandled exception|Exception:", RegexOptions.Multiline)]
    private static partial Regex StackTrace();
}
