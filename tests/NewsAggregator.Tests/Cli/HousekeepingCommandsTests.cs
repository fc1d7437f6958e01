using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.Cli;

/// <summary>The operator's verbs for retention and feed problems, run as the built executable on real databases.</summary>
public sealed partial class HousekeepingCommandsTests : IDisposable
{
    private const long Hour = 3_600_000, Day = 24 * Hour;
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-housekeeping-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static async Task ExecuteAsync(string db, string sql, object? args = null)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    private static async Task<long> ScalarAsync(string db, string sql, object? args = null)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    [Fact]
    public async Task FeedsList_StatusAndProblems_ShowTroubledFeedsWithSinceAndReason()
    {
        var db = Path.Combine(_folder, "feeds.db");
        Assert.Equal(0, (await NewsaggProcess.RunAsync("migrate", "--db", db)).ExitCode);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        // Feeds in every state, as the poller leaves them (times relative to now; the report period is 24 h).
        await ExecuteAsync(db, """
            INSERT INTO outlets (id, name, kind) VALUES ('herald', 'The Herald', 'newspaper');
            INSERT INTO feeds (key, outlet_id, url, configured_url, status, enabled, consecutive_failures, not_found_since_ms, last_error, last_success_ms, created_ms) VALUES
                ('healthy', 'herald', 'https://h.example/1', 'https://h.example/1', 'active', 1, 0, NULL, NULL, @now, @created),
                ('gone', 'herald', 'https://h.example/2', 'https://h.example/2', 'dead', 1, 14, @deadSince, 'Dead: HTTP 410 for 5 days (14 polls)', @longAgo, @created),
                ('broken', 'herald', 'https://h.example/3', 'https://h.example/3', 'failing', 1, 9, NULL, 'Parse MalformedXml: unexpected end of file', @longAgo, @created),
                ('hiccup', 'herald', 'https://h.example/4', 'https://h.example/4', 'failing', 1, 1, NULL, 'Timeout: no answer in 30 s', @recently, @created),
                ('retired', 'herald', 'https://h.example/5', 'https://h.example/5', 'dead', 0, 3, @deadSince, 'Dead: HTTP 404 for 4 days (3 polls)', @longAgo, @created);
            """, new { now, created = now - 30 * Day, deadSince = now - 5 * Day, longAgo = now - 3 * Day, recently = now - Hour });

        var dead = await NewsaggProcess.RunAsync("feeds", "list", "--db", db, "--status", "dead");
        var problems = await NewsaggProcess.RunAsync("feeds", "list", "--db", db, "--problems");
        var all = await NewsaggProcess.RunAsync("feeds", "list", "--db", db);
        var wrong = await NewsaggProcess.RunAsync("feeds", "list", "--db", db, "--status", "sleeping");

        Assert.Equal(0, dead.ExitCode);
        var deadLines = FeedLines(dead.Out);
        Assert.Equal(["gone"], deadLines.Select(l => l.Key));
        Assert.Equal(Since(now - 5 * Day), deadLines[0].Since);
        Assert.EndsWith("Dead: HTTP 410 for 5 days (14 polls)", deadLines[0].Line);
        // Problems: dead first, then failing for a day or more; a feed failing for an hour is not one yet, nor a disabled feed.
        Assert.Equal(["gone", "broken"], FeedLines(problems.Out).Select(l => l.Key));
        Assert.Equal(Since(now - 3 * Day), FeedLines(problems.Out)[1].Since);
        Assert.Contains("none is ever removed automatically", problems.Out);
        Assert.Equal(["broken", "gone", "healthy", "hiccup", "retired"], FeedLines(all.Out).Select(l => l.Key));
        Assert.Equal("-", FeedLines(all.Out).Single(l => l.Key == "healthy").Since);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--status must be one of active, failing, dead, disabled", wrong.Error);
    }

    [Fact]
    public async Task Retention_DryRunThenRun_RemovesWhatTheDryRunSaid_AndTheDatabaseStaysSound()
    {
        var corpus = Path.Combine(_folder, "corpus.jsonl");
        var db = Path.Combine(_folder, "retention.db");
        // Six days of articles, stored and clustered by the real pipeline (first seen = published, as a replay stores it).
        Assert.Equal(0, (await NewsaggProcess.RunAsync("generate", "--articles", "600", "--per-day", "100", "--seed", "3", "--out", corpus, "--start", "2026-03-01")).ExitCode);
        var bench = await NewsaggProcess.RunAsync("bench", "--corpus", corpus, "--db", db, "--baseline-samples", "0");
        Assert.True(bench.ExitCode == 0, bench.Error);
        // Every article is older than 30 days by the wall clock; the clustering window of the newest article stays.
        var windowStart = await ScalarAsync(db, "SELECT MAX(first_seen_ms) FROM articles") - 96 * Hour;
        var expected = await ScalarAsync(db, "SELECT COUNT(*) FROM articles WHERE first_seen_ms < @windowStart", new { windowStart });
        var before = await ScalarAsync(db, "SELECT COUNT(*) FROM articles");
        Assert.True(expected > 100 && expected < before, $"{expected} of {before}");

        var off = await NewsaggProcess.RunAsync("retention", "--dry-run", "--db", db);
        var dry = await NewsaggProcess.RunAsync("retention", "--dry-run", "--db", db, "--Retention:Days=30");
        Assert.Equal(before, await ScalarAsync(db, "SELECT COUNT(*) FROM articles"));
        var run = await NewsaggProcess.RunAsync("retention", "--db", db, "--Retention:Days=30");
        var again = await NewsaggProcess.RunAsync("retention", "--dry-run", "--db", db, "--Retention:Days=30");

        Assert.Contains("Retention is off", off.Out);
        Assert.Equal(0, dry.ExitCode);
        Assert.StartsWith($"Would remove articles first seen before {DateTimeOffset.FromUnixTimeMilliseconds(windowStart):yyyy-MM-dd HH:mm:ss} UTC (the clustering window", dry.Out);
        Assert.Equal(expected, Figure(dry.Out, "articles"));
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith("Removed articles first seen before", run.Out);
        foreach (var line in new[] { "articles", "stories removed", "stories updated", "edges removed", "edges retargeted", "origins unlinked", "tombstones" })
            Assert.Equal(Figure(dry.Out, line), Figure(run.Out, line));
        Assert.Equal(before - expected, await ScalarAsync(db, "SELECT COUNT(*) FROM articles"));
        Assert.Equal(expected, await ScalarAsync(db, "SELECT COUNT(*) FROM article_tombstones"));
        Assert.Equal(0, Figure(again.Out, "articles"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    private static string Since(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // Rows of the `feeds list` table: key, status and the SINCE column ("-" or "yyyy-MM-dd HH:mm").
    private static List<(string Key, string Status, string Since, string Line)> FeedLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => FeedLine().Match(l.TrimEnd('\r')))
            .Where(m => m.Success)
            .Select(m => (m.Groups["key"].Value, m.Groups["status"].Value, m.Groups["since"].Value, m.Value))
            .ToList();

    private static long Figure(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s+{Regex.Escape(label)}\s+([\d,]+)", RegexOptions.Multiline);
        Assert.True(match.Success, $"no \"{label}\" line in:{Environment.NewLine}{output}");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<key>[a-z]+)\s+(?<status>active|failing|dead|disabled)\s+(?<since>-|\d{4}-\d\d-\d\d \d\d:\d\d)\s+\d+\s+\d+\s+\d+\s+.*$")]
    private static partial Regex FeedLine();
}
