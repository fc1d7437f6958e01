using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualBasic.FileIO;
using NewsAggregator.Core.Research;
using NewsAggregator.Core.Tests.Storage;

namespace NewsAggregator.Core.Tests.Research;

public sealed class ExportWriterTests : IAsyncLifetime
{
    private static readonly XNamespace G = GraphMlWriter.Namespace;
    private TempDatabase _db = null!;
    private string _out = null!;

    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        await ResearchFixture.InsertAsync(_db.Database);
        _out = Path.Combine(Path.GetDirectoryName(_db.Path)!, "export");
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Task<ExportManifest> ExportAsync(ExportFormat format, ExportRange? range = null, params ExportTable[] tables) =>
        new ExportWriter(_db.Database, new FakeTimeProvider(ResearchFixture.T0.AddDays(7)), new NewsAggregator.Core.Configuration.ProvenanceOptions { RewriteShare = 0.3 })
            .WriteAsync(new ExportRequest(tables.Length > 0 ? tables : Enum.GetValues<ExportTable>(), format, range ?? ExportRange.All, _out));

    /// <summary>Records of a CSV file read by an independent RFC 4180 reader (quoted fields may span lines), header first.</summary>
    private static List<string[]> ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var records = new List<string[]>();
        while (!parser.EndOfData)
            records.Add(parser.ReadFields()!);
        return records;
    }

    private static List<Dictionary<string, string>> CsvRows(string path)
    {
        var records = ReadCsv(path);
        return records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<JsonElement> JsonLines(string path) =>
        File.ReadAllText(path).Split('\n').SkipLast(1).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Fact]
    public async Task WriteAsync_Csv_ManifestRowsAndChecksumsMatchEachFile()
    {
        var manifest = await ExportAsync(ExportFormat.Csv);

        Assert.Equal(["articles.csv", "stories.csv", "edges.csv", "outlets.csv"], manifest.Files.Select(f => f.Name));
        // 9 articles, 3 live stories (99 was merged), 8 edges, 5 outlets.
        Assert.Equal([9L, 3, 8, 5], manifest.Files.Select(f => f.Rows));
        foreach (var file in manifest.Files)
        {
            var path = Path.Combine(_out, file.Name);
            var records = ReadCsv(path);
            Assert.Equal(file.Rows, records.Count - 1);
            Assert.All(records, r => Assert.Equal(records[0].Length, r.Length));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), file.Sha256);
            Assert.Equal(new FileInfo(path).Length, file.Bytes);
        }
        Assert.Equal(["id", "url", "title", "outlet_id", "outlet_name", "published", "first_seen", "story_id", "relation", "original_outlet_id"],
            ReadCsv(Path.Combine(_out, "articles.csv"))[0]);
    }

    [Fact]
    public async Task WriteAsync_ManifestOnDisk_NamesVersionsSettingsRangeAndFiles()
    {
        var range = new ExportRange(ResearchFixture.T0, null);
        await ExportAsync(ExportFormat.Jsonl, range, ExportTable.Edges, ExportTable.Articles);

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, ExportManifest.FileName))).RootElement;
        Assert.Equal(ResearchFixture.T0.AddDays(7), manifest.GetProperty("generated").GetDateTimeOffset());
        var parameters = manifest.GetProperty("parameters");
        Assert.Equal(["edges", "articles"], parameters.GetProperty("what").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("jsonl", parameters.GetProperty("format").GetString());
        Assert.Equal(ResearchFixture.T0, parameters.GetProperty("since").GetDateTimeOffset());
        Assert.False(parameters.TryGetProperty("until", out _));
        Assert.Equal(ResearchFixture.T0, manifest.GetProperty("range").GetProperty("firstPublished").GetDateTimeOffset());
        Assert.Equal(ResearchFixture.Published(7), manifest.GetProperty("range").GetProperty("lastPublished").GetDateTimeOffset());
        var clustering = Assert.Single(manifest.GetProperty("clustering").EnumerateArray());
        Assert.Equal("cluster-2", clustering.GetProperty("algorithmVersion").GetString());
        Assert.Equal(96, clustering.GetProperty("settings").GetProperty("WindowHours").GetDouble());
        Assert.Equal(0.2, clustering.GetProperty("thresholds").GetProperty("JoinThreshold").GetDouble());
        Assert.Equal(0.6, clustering.GetProperty("thresholds").GetProperty("DuplicateResemblance").GetDouble());
        Assert.Equal(["prov-1", "prov-2"], manifest.GetProperty("provenance").GetProperty("algorithmVersions").EnumerateArray().Select(e => e.GetString()));
        // The provenance settings in force when exporting (a study reproduces the run with them) and the current version.
        Assert.Equal(0.3, manifest.GetProperty("provenance").GetProperty("configuredSettings").GetProperty("RewriteShare").GetDouble());
        Assert.Equal(NewsAggregator.Core.Provenance.ProvenanceStage.AlgorithmVersion, manifest.GetProperty("provenance").GetProperty("currentAlgorithmVersion").GetString());
        var files = manifest.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["edges.jsonl", "articles.jsonl"], files.Select(f => f.GetProperty("name").GetString()));
        foreach (var file in files)
        {
            var lines = JsonLines(Path.Combine(_out, file.GetProperty("name").GetString()!));
            Assert.Equal(file.GetProperty("rows").GetInt64(), lines.Count);
        }
    }

    [Fact]
    public async Task WriteAsync_Jsonl_OneObjectPerLineWithTheCsvColumns()
    {
        var manifest = await ExportAsync(ExportFormat.Jsonl);

        foreach (var file in manifest.Files)
        {
            var text = File.ReadAllText(Path.Combine(_out, file.Name));
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            var lines = JsonLines(Path.Combine(_out, file.Name));
            Assert.Equal(file.Rows, lines.Count);
        }
        var edges = JsonLines(Path.Combine(_out, "edges.jsonl"));
        Assert.Equal(ExportEdge.Columns, edges[0].EnumerateObject().Select(p => p.Name));
        var toGuardian = edges.Single(e => e.GetProperty("article_id").GetInt64() == 4);
        Assert.Equal(JsonValueKind.Null, toGuardian.GetProperty("source_article_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, toGuardian.GetProperty("gap_seconds").ValueKind);
        Assert.True(toGuardian.GetProperty("chosen").GetBoolean());
        // Evidence is embedded as JSON, not as a string holding JSON.
        Assert.Equal("a report by The Guardian revealed", toGuardian.GetProperty("evidence").GetProperty("span").GetString());
    }

    [Fact]
    public async Task WriteAsync_FieldWithCommaQuoteAndNewline_RoundTripsThroughCsvAndJsonl()
    {
        await ExportAsync(ExportFormat.Csv);
        await ExportAsync(ExportFormat.Jsonl);

        var csv = CsvRows(Path.Combine(_out, "articles.csv")).Single(r => r["id"] == "6");
        Assert.Equal(ResearchFixture.AwkwardTitle, csv["title"]);
        Assert.Equal("2026-03-02T08:00:00.000Z", csv["published"]);
        Assert.Equal("2026-03-02T08:01:00.000Z", csv["first_seen"]);
        Assert.Equal("meridian", csv["original_outlet_id"]);
        var edge = CsvRows(Path.Combine(_out, "edges.csv")).Single(r => r["article_id"] == "3" && r["chosen"] == "true");
        Assert.Equal(ResearchFixture.QuotedEvidence, edge["evidence"]);
        Assert.Equal("1800", edge["gap_seconds"]);
        Assert.Equal("0.8", edge["confidence"]);
        var json = JsonLines(Path.Combine(_out, "articles.jsonl")).Single(r => r.GetProperty("id").GetInt64() == 6);
        Assert.Equal(ResearchFixture.AwkwardTitle, json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task WriteAsync_SinceUntil_FiltersEachTableByItsRule()
    {
        // [T0+1h, T0+1d): articles 4, 9, 5, 8 (6 is published exactly at the end, which is excluded).
        var range = new ExportRange(ResearchFixture.T0.AddHours(1), ResearchFixture.T0.AddDays(1));

        var manifest = await ExportAsync(ExportFormat.Csv, range);

        Assert.Equal(["4", "9", "5", "8"], CsvRows(Path.Combine(_out, "articles.csv")).Select(r => r["id"]));
        Assert.Equal(["4", "9", "5", "8"], CsvRows(Path.Combine(_out, "edges.csv")).Select(r => r["article_id"]));
        // Story 1 (T0 to T0+4h) and story 4 overlap the range; story 6 starts at its end.
        Assert.Equal(["1", "4"], CsvRows(Path.Combine(_out, "stories.csv")).Select(r => r["id"]));
        var outlets = CsvRows(Path.Combine(_out, "outlets.csv")).ToDictionary(r => r["id"], r => r["articles"]);
        Assert.Equal(new Dictionary<string, string> { ["courier"] = "1", ["guardian"] = "0", ["herald"] = "3", ["meridian"] = "0", ["silent"] = "0" }, outlets);
        Assert.Equal([4L, 2, 4, 5], manifest.Files.Select(f => f.Rows));
    }

    [Fact]
    public async Task WriteAsync_GraphMl_ParsesDeclaresEveryKeyAndEveryEdgeEndsAtANode()
    {
        var manifest = await ExportAsync(ExportFormat.Graphml);

        var file = Assert.Single(manifest.Files);
        Assert.Equal("provenance.graphml", file.Name);
        var graph = XDocument.Load(Path.Combine(_out, file.Name));
        var (nodes, edges) = CheckGraph(graph);
        // 9 articles + 5 outlets; 8 provenance edges + 9 published-by edges.
        Assert.Equal((14, 17), (nodes.Count, edges.Count));
        Assert.Equal((14L, 17L, 31L), (file.Nodes!.Value, file.Edges!.Value, file.Rows));
        Assert.Equal("o:guardian", edges.Single(e => (string?)e.Attribute("id") == "e4").Attribute("target")!.Value);
        Assert.Equal("a1", edges.Single(e => (string?)e.Attribute("id") == "e2").Attribute("target")!.Value);
        var awkward = nodes.Single(n => (string?)n.Attribute("id") == "a6");
        Assert.Equal(ResearchFixture.AwkwardTitle, Data(graph, awkward, "label"));
        Assert.Equal("6", Data(graph, awkward, "story_id"));
    }

    [Fact]
    public async Task WriteAsync_GraphMlWithRange_AddsSourceArticlesOutsideTheRangeAsNodes()
    {
        var range = new ExportRange(ResearchFixture.T0.AddHours(1), ResearchFixture.T0.AddDays(1));

        var manifest = await ExportAsync(ExportFormat.Graphml, range);

        var graph = XDocument.Load(Path.Combine(_out, manifest.Files[0].Name));
        var (nodes, edges) = CheckGraph(graph);
        var articles = nodes.Where(n => Data(graph, n, "type") == "article").ToDictionary(n => n.Attribute("id")!.Value, n => Data(graph, n, "in_range"));
        // 5 copies 3 and 8 copies 2: both sources were published before the range.
        Assert.Equal(new Dictionary<string, string?> { ["a4"] = "true", ["a9"] = "true", ["a5"] = "true", ["a8"] = "true", ["a3"] = "false", ["a2"] = "false" }, articles);
        Assert.Equal(4 + 6, edges.Count);
    }

    [Fact]
    public async Task WriteAsync_EmptyDatabase_WritesHeadersOnlyAndAnEmptyGraph()
    {
        await using var empty = await TempDatabase.CreateAsync();
        var folder = Path.Combine(Path.GetDirectoryName(empty.Path)!, "export");
        var writer = new ExportWriter(empty.Database, TimeProvider.System);

        var tables = await writer.WriteAsync(new ExportRequest(Enum.GetValues<ExportTable>(), ExportFormat.Csv, ExportRange.All, folder));
        var graph = await writer.WriteAsync(new ExportRequest(Enum.GetValues<ExportTable>(), ExportFormat.Graphml, ExportRange.All, folder));

        Assert.All(tables.Files, f => Assert.Equal(0, f.Rows));
        Assert.All(tables.Files, f => Assert.Single(ReadCsv(Path.Combine(folder, f.Name))));
        Assert.Equal(0, graph.Files[0].Rows);
        Assert.Empty(CheckGraph(XDocument.Load(Path.Combine(folder, "provenance.graphml"))).Nodes);
        Assert.Empty(graph.Clustering);
        Assert.Empty(graph.Provenance.AlgorithmVersions);
    }

    /// <summary>Well-formed, every data key declared for its element kind, every edge between declared nodes, ids unique.</summary>
    private static (List<XElement> Nodes, List<XElement> Edges) CheckGraph(XDocument graph)
    {
        var root = graph.Root!;
        Assert.Equal(G + "graphml", root.Name);
        var keys = root.Elements(G + "key").ToDictionary(k => k.Attribute("id")!.Value, k => k.Attribute("for")!.Value);
        Assert.All(root.Elements(G + "key"), k =>
        {
            Assert.NotNull(k.Attribute("attr.name"));
            Assert.Contains(k.Attribute("attr.type")!.Value, new[] { "boolean", "int", "long", "float", "double", "string" });
        });
        var g = Assert.Single(root.Elements(G + "graph"));
        Assert.Equal("directed", g.Attribute("edgedefault")!.Value);
        var nodes = g.Elements(G + "node").ToList();
        var edges = g.Elements(G + "edge").ToList();
        var nodeIds = nodes.Select(n => n.Attribute("id")!.Value).ToList();
        Assert.Equal(nodeIds.Count, nodeIds.Distinct().Count());
        Assert.Equal(edges.Count, edges.Select(e => e.Attribute("id")!.Value).Distinct().Count());
        foreach (var data in graph.Descendants(G + "data"))
        {
            var key = data.Attribute("key")!.Value;
            Assert.True(keys.ContainsKey(key), $"data key {key} is not declared");
            Assert.Equal(data.Parent!.Name.LocalName, keys[key]);
        }
        var declared = nodeIds.ToHashSet();
        foreach (var edge in edges)
        {
            Assert.Contains(edge.Attribute("source")!.Value, declared);
            Assert.Contains(edge.Attribute("target")!.Value, declared);
        }
        return (nodes, edges);
    }

    private static string? Data(XDocument graph, XElement element, string attributeName)
    {
        var key = graph.Root!.Elements(G + "key").Single(k => k.Attribute("attr.name")!.Value == attributeName && k.Attribute("for")!.Value == element.Name.LocalName);
        return element.Elements(G + "data").SingleOrDefault(d => d.Attribute("key")!.Value == key.Attribute("id")!.Value)?.Value;
    }
}
