using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Outlets;

public sealed record Outlet
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Country { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Domains { get; init; } = [];
    /// <summary>Fictional outlet of the bundled demo samples.</summary>
    public bool Demo { get; init; }
}

/// <summary>The outlet directory of config/outlets.json: who publishes, under which names and domains.</summary>
public sealed class OutletDirectory
{
    public static readonly string[] Kinds =
        ["wire", "newspaper", "broadcaster", "magazine", "aggregator", "press-release-wire", "blog", "state-media"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, Outlet> _byId;

    public OutletDirectory(IEnumerable<Outlet> outlets)
    {
        Outlets = outlets.ToList();
        _byId = Outlets.ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<Outlet> Outlets { get; }

    public Outlet? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads and validates the directory; every problem is reported with the outlet it concerns.</summary>
    public static OutletDirectory Load(string path)
    {
        if (!File.Exists(path))
            throw new ConfigurationException($"Feeds:OutletsFile: {path} does not exist");
        OutletFile? file;
        try
        {
            file = JsonSerializer.Deserialize<OutletFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path}: not valid JSON ({e.Message})");
        }
        var outlets = file?.Outlets ?? throw new ConfigurationException($"{path}: expected an object with an \"outlets\" array");
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < outlets.Count; i++)
        {
            var o = outlets[i];
            var where = $"{path}: outlets[{i}]";
            if (string.IsNullOrWhiteSpace(o.Id) || string.IsNullOrWhiteSpace(o.Name))
                errors.Add($"{where}: \"id\" and \"name\" are required");
            else if (!seen.Add(o.Id))
                errors.Add($"{where}: duplicate id \"{o.Id}\"");
            if (!Kinds.Contains(o.Kind))
                errors.Add($"{where} ({o.Id}): \"kind\" must be one of {string.Join(", ", Kinds)} (got \"{o.Kind}\")");
        }
        if (errors.Count > 0)
            throw new ConfigurationException(string.Join(Environment.NewLine, errors));
        return new OutletDirectory(outlets);
    }

    private sealed record OutletFile([property: JsonPropertyName("outlets")] List<Outlet>? Outlets);
}

/// <summary>The id given to an outlet found outside the directory: "x-" plus a slug of its name.</summary>
public static class ExternalOutletId
{
    /// <summary>Lower-case ASCII letters and digits, other characters as single hyphens ("Le Monde" → "le-monde").</summary>
    public static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Length == 0 ? "outlet" : slug;
    }
}
