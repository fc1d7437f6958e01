using System.Text.Json;
using System.Xml.Linq;

namespace NewsAggregator.Tests.Cli;

public sealed class CommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-cli-").FullName;

    private string Samples(string file) => Path.Combine(RepoPaths.Root, "config", "samples", file);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task FeedsCheck_GoodFile_PrintsItemsAndExitsZero()
    {
        var result = await NewsaggProcess.RunAsync("feeds", "check", Samples("newspulse.xml"), "--outlet", "newspulse");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(": Rss, \"NewsPulse\", 10 items", result.Out);
        // The aggregator's declared sources come out as hints.
        Assert.Contains("Declared", result.Out);
    }

    [Fact]
    public async Task FeedsCheck_BrokenFileAsJson_ReportsTypedReasonAndExitsOne()
    {
        var result = await NewsaggProcess.RunAsync("feeds", "check", Samples("valley-courier-sport.xml"), "--json");

        Assert.Equal(1, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.False(json.GetProperty("ok").GetBoolean());
        Assert.StartsWith("Parse MalformedXml", json.GetProperty("failure").GetString());
    }

    [Fact]
    public async Task FeedsCheck_UrlIntoPrivateNetwork_IsRefusedWithReason()
    {
        var result = await NewsaggProcess.RunAsync("feeds", "check", "http://10.1.2.3/feed.xml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Fetch RefusedAddress", result.Error);
    }

    [Fact]
    public async Task Generate_SmallCorpus_WritesExactlyNLinesAndOneSummaryLine()
    {
        var file = Path.Combine(_folder, "synthetic.jsonl");

        var result = await NewsaggProcess.RunAsync("generate", "--articles", "300", "--seed", "9", "--out", file, "--start", "2026-03-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\S+synthetic\.jsonl: 300 articles in \d+ stories, \d+\.\d s, \d+\.\d MiB\s*$", result.Out);
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(300, lines.Length);
        Assert.StartsWith("2026-03-01T00:", JsonDocument.Parse(lines[0]).RootElement.GetProperty("published").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_BadStart_ExitsTwoWithTheReason()
    {
        var result = await NewsaggProcess.RunAsync("generate", "--articles", "10", "--out", Path.Combine(_folder, "x.jsonl"), "--start", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--start", result.Error);
    }

    [Fact]
    public async Task MigrateThenImportExport_OpmlRoundTrip_KeepsEveryFeed()
    {
        var db = Path.Combine(_folder, "cli.db");
        var opml = Path.Combine(_folder, "in.opml");
        await File.WriteAllTextAsync(opml, """
            <?xml version="1.0" encoding="utf-8"?>
            <opml version="2.0"><head><title>Mine</title></head><body>
              <outline text="News"><outline type="rss" text="BBC World" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml" htmlUrl="https://www.bbc.co.uk/news"/></outline>
              <outline type="rss" text="Some blog" xmlUrl="https://blog.example.org/feed.atom"/>
              <outline text="not a feed"/>
            </body></opml>
            """);

        var unmigrated = await NewsaggProcess.RunAsync("feeds", "list", "--db", db);
        var migrate = await NewsaggProcess.RunAsync("migrate", "--db", db);
        var import = await NewsaggProcess.RunAsync("feeds", "import", opml, "--db", db);
        var again = await NewsaggProcess.RunAsync("feeds", "import", opml, "--db", db);
        var list = await NewsaggProcess.RunAsync("feeds", "list", "--db", db, "--json");
        var export = await NewsaggProcess.RunAsync("feeds", "export", "--db", db);

        Assert.Equal(2, unmigrated.ExitCode);
        Assert.Contains("newsagg migrate", unmigrated.Error);
        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("2 feeds read, 2 added", import.Out);
        Assert.Contains("0 added, 2 already present", again.Out);
        var feeds = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["bbc", "blog.example.org"], feeds.Select(f => f.GetProperty("outletId").GetString()).Order());
        var outlines = XDocument.Parse(export.Out).Descendants("outline").Select(o => (string?)o.Attribute("xmlUrl")).Order().ToList();
        Assert.Equal(["https://blog.example.org/feed.atom", "https://feeds.bbci.co.uk/news/world/rss.xml"], outlines);
    }

    [Fact]
    public async Task Service_MisspeltOptionOnCommandLine_StopsWithKeyAndAllowedValues()
    {
        var result = await NewsaggProcess.RunAsync("--Fetch:TimeoutSecs=10", $"--Storage:Path={Path.Combine(_folder, "x.db")}");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Fetch:TimeoutSecs is not a known key; allowed: UserAgent, Contact, TimeoutSeconds", result.Error);
    }

    [Fact]
    public async Task UnknownVerb_ExitsTwoInsteadOfStartingTheService()
    {
        var result = await NewsaggProcess.RunAsync("evall", "--corpus", "x.jsonl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown command \"evall\"", result.Error);
    }

    [Fact]
    public async Task EvalJson_SeedCorpus_PrintsTheDocumentedObject()
    {
        var corpus = Path.Combine(RepoPaths.Root, "..", "shared", "eval", "seed-provenance.jsonl");

        var result = await NewsaggProcess.RunAsync("eval", "--corpus", corpus, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("seed-provenance.jsonl", json.GetProperty("corpus").GetString());
        Assert.Equal(1, json.GetProperty("articles").GetInt32());
        Assert.Equal(1.0, json.GetProperty("bcubed").GetProperty("f1").GetDouble());
    }

    [Fact]
    public async Task GenerateEvalWhyRecluster_OnOneDatabase_ExplainAndReproduceTheStories()
    {
        var corpus = Path.Combine(_folder, "g.jsonl");
        var db = Path.Combine(_folder, "bench.db");
        Assert.Equal(0, (await NewsaggProcess.RunAsync("generate", "--articles", "400", "--seed", "3", "--out", corpus)).ExitCode);
        var bench = await NewsaggProcess.RunAsync("bench", "--corpus", corpus, "--db", db, "--baseline-samples", "3");
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains("articles/s", bench.Out);
        Assert.Contains("faster than the baseline", bench.Out);

        var why = await NewsaggProcess.RunAsync("why", "2", "--db", db, "--json");
        Assert.Equal(0, why.ExitCode);
        var explanation = JsonDocument.Parse(why.Out).RootElement;
        Assert.Equal(2, explanation.GetProperty("articleId").GetInt64());
        var decision = explanation.GetProperty("decisions")[0];
        Assert.Equal(Core.Configuration.ClusteringOptions.AlgorithmVersion, decision.GetProperty("algorithmVersion").GetString());
        Assert.True(decision.GetProperty("settings").GetProperty("JoinThreshold").GetDouble() > 0);

        // trace: an article that derives from another shows the chain to its root, edge by edge.
        var derived = await ScalarAsync(db, "SELECT article_id FROM provenance_edges WHERE chosen = 1 AND source_article_id IS NOT NULL ORDER BY article_id LIMIT 1");
        var trace = await NewsaggProcess.RunAsync("trace", derived, "--db", db);
        Assert.Equal(0, trace.ExitCode);
        Assert.Contains($"article {derived} ·", trace.Out);
        Assert.Contains("confidence", trace.Out);
        Assert.Contains("root: ", trace.Out);
        var traceJson = JsonDocument.Parse((await NewsaggProcess.RunAsync("trace", derived, "--db", db, "--json")).Out).RootElement;
        Assert.True(traceJson.GetProperty("articles").GetArrayLength() >= 2);
        Assert.Equal(1, (await NewsaggProcess.RunAsync("trace", "999999", "--db", db)).ExitCode);

        var before = await StoriesAsync(db);
        var edgesBefore = await ScalarAsync(db, EdgesSql);
        var recluster = await NewsaggProcess.RunAsync("recluster", "--db", db);
        Assert.Equal(0, recluster.ExitCode);
        Assert.Contains("Re-clustered 400 of 400", recluster.Out);
        Assert.Equal(before, await StoriesAsync(db));
        // Provenance is recomputed with the stories: the same chosen edges.
        Assert.Equal(edgesBefore, await ScalarAsync(db, EdgesSql));
    }

    private const string EdgesSql =
        "SELECT group_concat(article_id || ':' || COALESCE(source_article_id, source_outlet_id) || ':' || kind, ',') FROM (SELECT * FROM provenance_edges WHERE chosen = 1 ORDER BY article_id)";

    private static async Task<string> ScalarAsync(string db, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    private static async Task<string> StoriesAsync(string db)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(article_id || ':' || story_id || ':' || relation, ',') FROM (SELECT * FROM story_members ORDER BY article_id)";
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
