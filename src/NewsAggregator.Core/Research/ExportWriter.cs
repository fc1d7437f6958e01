using System.Security.Cryptography;
using System.Text.Json;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Research;

/// <summary>
/// `newsagg export`: articles, stories, provenance edges and outlets as CSV or JSON Lines (one file per table) or as
/// one GraphML graph, plus manifest.json with the parameters, the algorithm versions and settings that produced the
/// data, and each file's row count and SHA-256. The manifest is written last: a folder without one is an export
/// that did not finish. The same row streams serve the web API (<see cref="WriteTableAsync"/>).
/// </summary>
public sealed class ExportWriter(Database database, TimeProvider time, Configuration.ProvenanceOptions? provenance = null)
{
    /// <summary>The settings in cluster_settings that decide membership and relations, copied out for a quick read.</summary>
    private static readonly string[] ClusteringThresholds = ["JoinThreshold", "MergeThreshold", "DuplicateResemblance", "RewriteSharedSentences"];

    private readonly ResearchStore _store = new(database);

    public async Task<ExportManifest> WriteAsync(ExportRequest request, CancellationToken ct = default)
    {
        var generated = time.GetUtcNow();
        Directory.CreateDirectory(request.Folder);
        var files = new List<ExportedFile>();
        if (request.Format == ExportFormat.Graphml)
        {
            const string name = "provenance.graphml";
            var path = Path.Combine(request.Folder, name);
            GraphMlWriter.Counts counts;
            await using (var file = Create(path))
                counts = await GraphMlWriter.WriteAsync(_store, request.Range, file, ct);
            files.Add(await DescribeAsync(path, "graph", counts.Nodes + counts.Edges, ct) with { Nodes = counts.Nodes, Edges = counts.Edges });
        }
        else
        {
            foreach (var table in request.Tables)
            {
                var name = $"{ExportRequest.Name(table)}.{TableWriter.Extension(request.Format)}";
                var path = Path.Combine(request.Folder, name);
                long rows;
                await using (var file = Create(path))
                    rows = await WriteTableAsync(table, request.Format, request.Range, file, ct);
                files.Add(await DescribeAsync(path, ExportRequest.Name(table), rows, ct));
            }
        }

        var (first, last) = await _store.PublishedSpanAsync(request.Range, ct);
        var manifest = new ExportManifest(
            "newsagg export",
            generated,
            new ExportParameters(
                request.Tables.Select(ExportRequest.Name).ToList(),
                ExportRequest.Name(request.Format), request.Range.Since, request.Range.Until, Path.GetFullPath(request.Folder), database.Dialect.Describe()),
            new ExportRangeDescription(request.Range.Since, request.Range.Until, RangeRules, Time.FromMs(first), Time.FromMs(last)),
            (await _store.ClusterSettingsAsync(ct)).Select(Settings).ToList(),
            new ProvenanceVersions(await _store.ProvenanceVersionsAsync(ct),
                provenance is null ? null : JsonSerializer.SerializeToElement(provenance), Provenance.ProvenanceStage.AlgorithmVersion),
            files,
            await _store.CorrectionsInForceAsync(ct));
        await using (var file = Create(Path.Combine(request.Folder, ExportManifest.FileName)))
            await JsonSerializer.SerializeAsync(file, manifest, ExportManifest.JsonOptions, ct);
        return manifest;
    }

    /// <summary>One table as CSV or JSON Lines to any stream (a file, an HTTP response); returns the rows written.</summary>
    public async Task<long> WriteTableAsync(ExportTable table, ExportFormat format, ExportRange range, Stream output, CancellationToken ct = default)
    {
        switch (table)
        {
            case ExportTable.Articles:
                return await CopyAsync(_store.ArticlesAsync(range, ct), ExportArticle.Columns, a => a.Values(), format, output, ct);
            case ExportTable.Stories:
                return await CopyAsync(_store.StoriesAsync(range, ct), ExportStory.Columns, s => s.Values(), format, output, ct);
            case ExportTable.Edges:
                return await CopyAsync(_store.EdgesAsync(range, ct), ExportEdge.Columns, e => e.Values(), format, output, ct);
            case ExportTable.Outlets:
                return await CopyAsync(_store.OutletsAsync(range, ct), ExportOutlet.Columns, o => o.Values(), format, output, ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(table), table, null);
        }
    }

    private static readonly IReadOnlyDictionary<string, string> RangeRules = new Dictionary<string, string>
    {
        ["articles"] = "published in [since, until)",
        ["edges"] = "the derived article published in [since, until)",
        ["stories"] = "live stories whose span from oldest to newest member overlaps [since, until)",
        ["outlets"] = "every outlet; its article count covers [since, until)",
        ["graph"] = "articles and edges as above, plus the source articles outside the range that edges point to (in_range false), and every outlet",
    };

    private static async Task<long> CopyAsync<T>(IAsyncEnumerable<T> rows, IReadOnlyList<string> columns, Func<T, object?[]> values, ExportFormat format, Stream output, CancellationToken ct)
    {
        using var writer = new TableWriter(output, format, columns);
        await foreach (var row in rows.WithCancellation(ct))
            await writer.WriteRowAsync(values(row), ct);
        await writer.FlushAsync(ct);
        return writer.Rows;
    }

    private static FileStream Create(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);

    /// <summary>The file's size and SHA-256 as written, read back from disk.</summary>
    private static async Task<ExportedFile> DescribeAsync(string path, string table, long rows, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
        var hash = await SHA256.HashDataAsync(file, ct);
        return new ExportedFile(Path.GetFileName(path), table, rows, file.Length, Convert.ToHexStringLower(hash));
    }

    private static ClusteringSettingsUsed Settings(ClusterSettingsRow row)
    {
        JsonElement settings;
        try
        {
            settings = JsonDocument.Parse(row.SettingsJson).RootElement.Clone();
        }
        catch (JsonException)
        {
            settings = JsonSerializer.SerializeToElement(row.SettingsJson);
        }
        var thresholds = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (settings.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in ClusteringThresholds)
            {
                if (settings.TryGetProperty(name, out var value) && value.TryGetDouble(out var number))
                    thresholds[name] = number;
            }
        }
        return new ClusteringSettingsUsed(row.AlgorithmVersion, Time.FromMs(row.FirstUsedMs), settings, thresholds);
    }
}
