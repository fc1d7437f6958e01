using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Research;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Cli;

/// <summary>The researchers' verbs: export (tables, graph and manifest) and stats outlets.</summary>
public static class ResearchCommands
{
    public sealed record ExportArguments(IReadOnlyList<string>? What, string? Format, string? Since, string? Until, string? Out);

    public static readonly IReadOnlyList<string> StatsFormats = ["table", "csv", "json"];

    /// <summary>Arguments are checked before the database is opened: a wrong value exits 2 naming the allowed ones.</summary>
    public static async Task<int> ExportAsync(string[] args, ExportArguments arguments, CancellationToken ct)
    {
        if (!ExportRequest.TryParseTables(arguments.What, out var tables, out var error)
            || !ExportRequest.TryParseFormat(arguments.Format ?? "csv", Enum.GetValues<ExportFormat>(), out var format, out error)
            || !ExportRange.TryParse(arguments.Since, arguments.Until, out var range, out error))
        {
            await Console.Error.WriteLineAsync(error);
            return 2;
        }
        var folder = arguments.Out is { Length: > 0 } given ? given
            : $"newsagg-export-{DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
        return await Commands.WithSchemaAsync(args, async services =>
        {
            var writer = new ExportWriter(services.GetRequiredService<Database>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<NewsAggregator.Core.Configuration.ProvenanceOptions>());
            ExportManifest manifest;
            try
            {
                manifest = await writer.WriteAsync(new ExportRequest(tables, format, range, folder), ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"{folder}: {e.Message}");
                return 2;
            }
            foreach (var file in manifest.Files)
            {
                var detail = file.Nodes is { } nodes ? $" ({nodes:N0} nodes, {file.Edges:N0} edges)" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(manifest.Parameters.Out, file.Name)}: {file.Rows:N0} rows{detail}"));
            }
            Console.WriteLine(Path.Combine(manifest.Parameters.Out, ExportManifest.FileName));
            return 0;
        });
    }

    public static async Task<int> StatsOutletsAsync(string[] args, string? format, string? output, CancellationToken ct)
    {
        format = (format ?? "table").ToLowerInvariant();
        if (!StatsFormats.Contains(format))
        {
            await Console.Error.WriteLineAsync($"--format: \"{format}\" is not a format; allowed: {string.Join(", ", StatsFormats)}");
            return 2;
        }
        return await Commands.WithSchemaAsync(args, async services =>
        {
            var rows = await OutletStatistics.LoadAsync(new ResearchStore(services.GetRequiredService<Database>()), ct);
            try
            {
                await using var stream = output is null ? Console.OpenStandardOutput() : new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.Read);
                switch (format)
                {
                    case "csv":
                        using (var csv = new TableWriter(stream, ExportFormat.Csv, OutletStatistics.Columns))
                        {
                            foreach (var row in rows)
                                await csv.WriteRowAsync(row.Values(), ct);
                            await csv.FlushAsync(ct);
                        }
                        break;
                    case "json":
                        await JsonSerializer.SerializeAsync(stream, rows, Commands.JsonOut, ct);
                        await stream.WriteAsync("\n"u8.ToArray(), ct);
                        break;
                    default:
                        await using (var text = new StreamWriter(stream, leaveOpen: true))
                            await text.WriteAsync(Table(rows));
                        break;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"{output}: {e.Message}");
                return 2;
            }
            return 0;
        });
    }

    /// <summary>Fixed-width columns for a terminal: names cut to fit, delays as "4m 10s", shares as percentages.</summary>
    internal static string Table(IReadOnlyList<OutletStatistics> rows)
    {
        if (rows.Count == 0)
            return "No articles yet.\n";
        var inv = CultureInfo.InvariantCulture;
        var idWidth = Math.Clamp(rows.Max(r => r.OutletId.Length), 6, 24);
        var text = new System.Text.StringBuilder();
        text.Append(inv, $"{"OUTLET".PadRight(idWidth)}  {"NAME",-24}  {"ARTICLES",8}  {"ORIGINAL",8}  {"DERIVED",7}  {"ORIG %",6}  {"COPIED",6}  {"MEDIAN DELAY",12}  TOP SOURCES (EDGES)\n");
        foreach (var r in rows)
        {
            var share = r.ShareOriginal is { } s ? (s * 100).ToString("F1", inv) : "-";
            var sources = string.Join(", ", r.TopSources.Select(t => string.Create(inv, $"{t.OutletId} {t.Edges}")));
            text.Append(inv, $"{Cut(r.OutletId, idWidth).PadRight(idWidth)}  {Cut(r.Name ?? "", 24),-24}  {r.Articles,8}  {r.Originals,8}  {r.Derived,7}  {share,6}  {r.TimesCopied,6}  {Delay(r.MedianCopyDelaySeconds),12}  {sources}\n");
        }
        return text.ToString();
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : string.Concat(text.AsSpan(0, width - 1), "…");

    private static string Delay(double? seconds)
    {
        if (seconds is not { } s)
            return "-";
        var sign = s < 0 ? "-" : "";
        var t = TimeSpan.FromSeconds(Math.Round(Math.Abs(s)));
        return sign + (t.TotalDays >= 1 ? $"{(int)t.TotalDays}d {t.Hours:D2}h"
            : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:D2}m"
            : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds:D2}s"
            : $"{t.Seconds}s");
    }
}
