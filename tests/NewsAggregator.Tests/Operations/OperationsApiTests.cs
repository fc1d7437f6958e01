using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Operations;

/// <summary>
/// /healthz, /readyz and /metrics of the real `newsagg demo` process, as a probe and a Prometheus server read them.
/// </summary>
public sealed class OperationsApiTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Demo_MetricsMoveAsFeedsArePolled_ReadyAndOpenWithoutSignIn()
    {
        var feedKeys = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "samples", "feeds.json")))
            .RootElement.GetProperty("feeds").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        // Readers must sign in here; probes and Prometheus must not have to.
        await using var demo = await DemoProcess.StartAsync(["--Editor:AnonymousRead=false"]);
        using var http = demo.Client();

        var first = await ScrapeAsync(http);
        var firstPolls = first.Sum("newsagg_polls_total");
        var started = DateTime.UtcNow;
        var second = first;
        // Demo feeds are polled every 10–30 s: wait for as many more polls as there are feeds, every article, and a
        // second poll of some feed (answered 304 by the sample server).
        while (DateTime.UtcNow - started < Patience
               && (second.Sum("newsagg_polls_total") < firstPolls + feedKeys.Count || second.Value("newsagg_database_articles") < 91
                   || !second.Of("newsagg_polls_total").Any(p => p.Labels["outcome"] is "not_modified" or "unchanged")))
        {
            await Task.Delay(1000);
            second = await ScrapeAsync(http);
        }
        output.WriteLine($"polls {firstPolls} → {second.Sum("newsagg_polls_total")} in {(DateTime.UtcNow - started).TotalSeconds:F0} s; " +
            string.Join(", ", second.Of("newsagg_polls_total").Select(s => $"{s.Labels["outcome"]}={s.Value}")));

        Assert.True(second.Sum("newsagg_polls_total") >= firstPolls + feedKeys.Count, demo.Output);
        Assert.True(second.Value("newsagg_fetch_duration_seconds_count") > first.Value("newsagg_fetch_duration_seconds_count"));
        Assert.True(second.Value("newsagg_fetch_duration_seconds_sum") > 0);
        Assert.True(second.Value("newsagg_fetch_response_size_bytes_sum") > 0);
        // The samples as gold.json lists them: 91 articles, the cut-off feed and the removed one, then 304s.
        Assert.Equal(91, second.Value("newsagg_articles_stored_total"));
        Assert.Equal(91, second.Value("newsagg_database_articles"));
        var outcomes = second.Of("newsagg_polls_total").ToDictionary(s => s.Labels["outcome"], s => s.Value);
        Assert.True(outcomes["ok"] >= 11, string.Join(", ", outcomes));
        Assert.True(outcomes["parse_malformed_xml"] >= 1, string.Join(", ", outcomes));
        Assert.True(outcomes["not_found"] >= 1, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("not_modified") + outcomes.GetValueOrDefault("unchanged") >= 1, string.Join(", ", outcomes));
        Assert.True(second.Value("newsagg_articles_clustered_total") > 0);
        Assert.True(second.Value("newsagg_stories_created_total") > 0);
        Assert.Equal(feedKeys.Order(StringComparer.Ordinal), second.Of("newsagg_feed_staleness_seconds").Select(s => s.Labels["feed"]).Order(StringComparer.Ordinal));
        Assert.All(second.Of("newsagg_feed_staleness_seconds"), s => Assert.InRange(s.Value, 0, Patience.TotalSeconds + 60));
        Assert.Equal(feedKeys.Count, second.Sum("newsagg_feeds"));
        Assert.Equal(1, second.Value("newsagg_database_up"));
        output.WriteLine($"database read per scrape: {second.Value("newsagg_database_scrape_seconds") * 1000:F1} ms");

        // Ready, with every check named and passing.
        var ready = await http.GetAsync("/readyz");
        var body = await ready.Content.ReadAsStringAsync();
        output.WriteLine(body);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("ready", report.GetProperty("status").GetString());
        Assert.Equal(["database", "migrations", "scheduler", "clustering"], report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
        Assert.All(report.GetProperty("checks").EnumerateArray(), c => Assert.Equal("pass", c.GetProperty("status").GetString()));

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        // The control: the same client is refused the API.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/feeds")).StatusCode);
    }

    [Fact]
    public async Task Readyz_ClusteringQueueCannotDrain_503NamingClustering()
    {
        // The clustering job runs once at start and then every hour; one second of lag is allowed.
        await using var demo = await DemoProcess.StartAsync(["--Clustering:IntervalSeconds=3600", "--Health:MaxClusteringLagSeconds=1"]);
        using var http = demo.Client();

        var (status, body) = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
        output.WriteLine(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("not ready", report.GetProperty("status").GetString());
        Assert.Equal(["clustering"], report.GetProperty("failing").EnumerateArray().Select(f => f.GetString()!));
        var clustering = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "clustering");
        Assert.Equal("fail", clustering.GetProperty("status").GetString());
        Assert.Contains("Health:MaxClusteringLagSeconds", clustering.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var metrics = await ScrapeAsync(http);
        Assert.True(metrics.Value("newsagg_clustering_queue_depth") > 0);
        Assert.True(metrics.Value("newsagg_clustering_lag_seconds") > 1);
        // Alive all the same: liveness is not readiness.
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Readyz_DatabaseMigratedByANewerBuild_503NamingMigrations()
    {
        await using var demo = await DemoProcess.StartAsync();
        using var http = demo.Client();
        await WaitForReadinessAsync(http, HttpStatusCode.OK);

        // What `newsagg migrate` of a later version leaves behind while this one still runs.
        await using (var connection = new SqliteConnection($"Data Source={demo.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (9999, 'from_the_future', 'x', 0)";
            await insert.ExecuteNonQueryAsync();
        }
        var (status, body) = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable);
        output.WriteLine(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["migrations"], report.GetProperty("failing").EnumerateArray().Select(f => f.GetString()!));
        var migrations = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "migrations");
        Assert.Contains("9999", migrations.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("newer version", migrations.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForReadinessAsync(HttpClient http, HttpStatusCode wanted)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            var response = await http.GetAsync("/readyz");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == wanted || DateTime.UtcNow - started > Patience)
                return (response.StatusCode, body);
            await Task.Delay(500);
        }
    }

    private static async Task<PrometheusScrape> ScrapeAsync(HttpClient http)
    {
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("0.0.4", response.Content.Headers.ContentType.Parameters.Single(p => p.Name == "version").Value);
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }
}
