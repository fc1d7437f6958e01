using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace NewsAggregator.Tests.Cli;

public sealed class ResearchCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-research-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A database migrated by the executable with two articles, one the chosen copy of the other.</summary>
    private async Task<string> SmallDatabaseAsync()
    {
        var db = Path.Combine(_folder, "research.db");
        var migrate = await NewsaggProcess.RunAsync("migrate", "--db", db);
        Assert.Equal(0, migrate.ExitCode);
        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO outlets (id, name, kind) VALUES ('meridian', 'Meridian Wire', 'wire'), ('herald', 'The Herald', 'newspaper');
            INSERT INTO articles (id, canonical_url, outlet_id, title, body, published_ms, first_seen_ms, changed_ms, content_hash) VALUES
                (1, 'https://meridian.example/1', 'meridian', 'Quake hits coast', 'b', 1772352000000, 1772352000000, 1772352000000, 'h1'),
                (2, 'https://herald.example/2', 'herald', 'Quake hits coast, "live"', 'b', 1772352600000, 1772352600000, 1772352600000, 'h2');
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms) VALUES (1, 2, 1772352000000, 1772352600000, 0, 0);
            INSERT INTO story_members (article_id, story_id, relation, score, joined_ms) VALUES (1, 1, 'original', 1, 0), (2, 1, 'duplicate', 0.9, 0);
            INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (1, 'meridian', 1, 'chain', 0);
            INSERT INTO provenance_edges (article_id, source_article_id, source_outlet_id, kind, confidence, chosen, gap_ms, evidence_json, algorithm_version, created_ms)
                VALUES (2, 1, 'meridian', 'copy', 0.97, 1, 600000, '{"resemblance":0.97}', 'prov-test', 0);
            """);
        return db;
    }

    [Fact]
    public async Task Export_SmallDatabase_WritesEveryTableAndAManifestThatCountsThem()
    {
        var db = await SmallDatabaseAsync();
        var output = Path.Combine(_folder, "out");

        var result = await NewsaggProcess.RunAsync("export", "--format", "jsonl", "--out", output, "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("manifest.json", result.Out);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "manifest.json"))).RootElement;
        Assert.Equal("jsonl", manifest.GetProperty("parameters").GetProperty("format").GetString());
        Assert.Equal(["prov-test"], manifest.GetProperty("provenance").GetProperty("algorithmVersions").EnumerateArray().Select(v => v.GetString()));
        var files = manifest.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("rows").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["articles.jsonl"] = 2, ["stories.jsonl"] = 1, ["edges.jsonl"] = 1, ["outlets.jsonl"] = 2 }, files);
        foreach (var (name, rows) in files)
            Assert.Equal(rows, (await File.ReadAllLinesAsync(Path.Combine(output, name))).Length);
    }

    [Fact]
    public async Task Export_UnknownWhat_ExitsTwoNamingTheAllowedValues()
    {
        var result = await NewsaggProcess.RunAsync("export", "--what", "articles,authors", "--out", Path.Combine(_folder, "x"), "--db", Path.Combine(_folder, "none.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"authors\"", result.Error);
        Assert.Contains("articles, stories, edges, outlets", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder, "x")));
    }

    [Fact]
    public async Task StatsOutlets_Csv_PrintsOneRowPerOutletWithTheCopyFigures()
    {
        var db = await SmallDatabaseAsync();

        var result = await NewsaggProcess.RunAsync("stats", "outlets", "--format", "csv", "--db", db);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("outlet_id,outlet_name,articles,originals,derived,share_original,times_copied,median_copy_delay_seconds,top_sources", lines[0]);
        Assert.Equal(["herald,The Herald,1,0,1,0,0,,meridian:1", "meridian,Meridian Wire,1,1,0,1,1,600,"], lines.Skip(1).Order(StringComparer.Ordinal));
    }
}
