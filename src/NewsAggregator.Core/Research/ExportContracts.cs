using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Research;

/// <summary>The tables a researcher can export; the lower-case name is the file name and the `--what` value.</summary>
public enum ExportTable
{
    Articles,
    Stories,
    Edges,
    Outlets,
}

public enum ExportFormat
{
    Csv,
    Jsonl,
    /// <summary>One graph of articles, outlets and provenance edges instead of one file per table.</summary>
    Graphml,
}

/// <summary>
/// A half-open range [Since, Until) of published time. Articles are in it by their published time, edges by the
/// published time of their derived article, stories when their span (oldest to newest member) overlaps it.
/// </summary>
public sealed record ExportRange(DateTimeOffset? Since, DateTimeOffset? Until)
{
    public static ExportRange All { get; } = new(null, null);

    public long SinceMs => Time.ToMs(Since) ?? long.MinValue;

    public long UntilMs => Time.ToMs(Until) ?? long.MaxValue;

    /// <summary>
    /// ISO 8601 dates or times, UTC unless an offset is given; an empty value leaves that end open. Errors name the
    /// values as the caller calls them ("--since" on the command line, "since" in a query string).
    /// </summary>
    public static bool TryParse(string? since, string? until, out ExportRange range, out string? error, string sinceName = "--since", string untilName = "--until")
    {
        range = All;
        if (!TryParseTime(sinceName, since, out var from, out error) || !TryParseTime(untilName, until, out var to, out error))
            return false;
        if (from is { } f && to is { } t && t <= f)
        {
            error = $"{untilName} ({t:O}) must be after {sinceName} ({f:O})";
            return false;
        }
        range = new ExportRange(from, to);
        return true;
    }

    private static bool TryParseTime(string name, string? value, out DateTimeOffset? time, out string? error)
    {
        time = null;
        error = null;
        if (string.IsNullOrWhiteSpace(value))
            return true;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = parsed;
            return true;
        }
        error = $"{name}: \"{value}\" is not an ISO 8601 date or time (e.g. 2026-03-01 or 2026-03-01T06:00:00Z)";
        return false;
    }
}

/// <summary>What `newsagg export` was asked for: the manifest repeats it.</summary>
public sealed record ExportRequest(IReadOnlyList<ExportTable> Tables, ExportFormat Format, ExportRange Range, string Folder)
{
    public static IReadOnlyList<string> TableNames { get; } = Enum.GetValues<ExportTable>().Select(Name).ToArray();

    public static IReadOnlyList<string> FormatNames { get; } = Enum.GetValues<ExportFormat>().Select(Name).ToArray();

    public static string Name(ExportTable table) => table.ToString().ToLowerInvariant();

    public static string Name(ExportFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>
    /// `--what` values, repeated or comma-separated, in the order given without repeats; none means every table.
    /// An unknown value is an error that names the allowed ones.
    /// </summary>
    public static bool TryParseTables(IEnumerable<string>? values, out IReadOnlyList<ExportTable> tables, out string? error, string name = "--what")
    {
        var chosen = new List<ExportTable>();
        foreach (var value in (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!TryParseName(value, out ExportTable table))
            {
                tables = [];
                error = $"{name}: \"{value}\" is not a table; allowed: {string.Join(", ", TableNames)}";
                return false;
            }
            if (!chosen.Contains(table))
                chosen.Add(table);
        }
        tables = chosen.Count > 0 ? chosen : Enum.GetValues<ExportTable>();
        error = null;
        return true;
    }

    public static bool TryParseFormat(string? value, IReadOnlyList<ExportFormat> allowed, out ExportFormat format, out string? error, string name = "--format")
    {
        if (TryParseName(value ?? "", out format) && allowed.Contains(format))
        {
            error = null;
            return true;
        }
        error = $"{name}: \"{value}\" is not a format; allowed: {string.Join(", ", allowed.Select(Name))}";
        return false;
    }

    // Enum.TryParse alone would also take "1" or "Articles, Stories": only the exact lower-case names count.
    private static bool TryParseName<T>(string value, out T parsed) where T : struct, Enum
    {
        parsed = default;
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                parsed = candidate;
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// manifest.json beside the exported files: everything needed to say what produced them and to check them.
/// </summary>
public sealed record ExportManifest(
    string Generator,
    DateTimeOffset Generated,
    ExportParameters Parameters,
    ExportRangeDescription Range,
    IReadOnlyList<ClusteringSettingsUsed> Clustering,
    ProvenanceVersions Provenance,
    IReadOnlyList<ExportedFile> Files,
    IReadOnlyList<ExportedCorrection>? Corrections = null)
{
    public const string FileName = "manifest.json";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>An editor's correction that shaped the exported stories (applied, not undone), so a study can tell the machine's grouping from the editors'.</summary>
public sealed record ExportedCorrection(long Id, string Kind, string Editor, DateTimeOffset Applied, long? StoryId, string? Note);

public sealed record ExportParameters(IReadOnlyList<string> What, string Format, DateTimeOffset? Since, DateTimeOffset? Until, string Out, string Database);

/// <summary>The requested range, how each table is filtered by it, and the published times actually exported.</summary>
public sealed record ExportRangeDescription(
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    IReadOnlyDictionary<string, string> Rules,
    DateTimeOffset? FirstPublished,
    DateTimeOffset? LastPublished);

/// <summary>One row of cluster_settings: the configuration some stored clustering decisions were taken with.</summary>
public sealed record ClusteringSettingsUsed(string AlgorithmVersion, DateTimeOffset FirstUsed, JsonElement Settings, IReadOnlyDictionary<string, double> Thresholds);

/// <summary>
/// The provenance algorithm versions the exported edges carry, and the provenance settings configured when the export
/// ran (edges computed under other settings keep their version; the settings are not stored per edge).
/// </summary>
public sealed record ProvenanceVersions(IReadOnlyList<string> AlgorithmVersions, JsonElement? ConfiguredSettings = null, string? CurrentAlgorithmVersion = null);

/// <summary>A file written: rows are data records (CSV without its header); for GraphML, nodes plus edges.</summary>
public sealed record ExportedFile(string Name, string Table, long Rows, long Bytes, string Sha256, long? Nodes = null, long? Edges = null);
