using System.Data.Common;
using Dapper;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Provenance;

/// <summary>
/// Resolves what evidence names (an outlet's name or alias as written, a URL) to an outlet id, against every outlet
/// the database knows: the directory's and the external ones found earlier. A credited name that is not known
/// becomes an external outlet (outlets.external = 1), so that a chain can end at an outlet that is not polled.
/// </summary>
internal sealed class OutletLookup
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byDomain = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _external = new(StringComparer.Ordinal);

    public static async Task<OutletLookup> LoadAsync(DbConnection connection, DbTransaction tx)
    {
        var lookup = new OutletLookup();
        var rows = await connection.QueryAsync<(string Id, string Name, string AliasesJson, string DomainsJson, long External)>(
            "SELECT id, name, aliases_json, domains_json, external FROM outlets ORDER BY external, id", transaction: tx);
        foreach (var (id, name, aliases, domains, external) in rows)
        {
            foreach (var n in (Json.Deserialize<List<string>>(aliases) ?? []).Prepend(name))
                lookup._byName.TryAdd(Key(n), id);
            foreach (var d in Json.Deserialize<List<string>>(domains) ?? [])
                lookup._byDomain.TryAdd(d.Trim().TrimStart('.'), id);
            if (external != 0)
                lookup._external.Add(id);
        }
        return lookup;
    }

    /// <summary>The outlet a hint names, and whether it is external; null when it names none we know or may create.</summary>
    public async Task<(string? OutletId, bool External)> ResolveAsync(DbConnection connection, DbTransaction tx, ProvenanceHint hint, bool createExternal)
    {
        var value = hint.Value.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            return (ByHost(url.Host), false);
        if (_byName.TryGetValue(Key(value), out var id))
            return (id, _external.Contains(id));
        // A bare domain ("More coverage is available at dawn.com."): the outlet owning it.
        if (!value.Contains(' ', StringComparison.Ordinal) && value.Contains('.', StringComparison.Ordinal)
            && Uri.CheckHostName(value) == UriHostNameType.Dns && ByHost(value) is { } owner)
            return (owner, false);
        if (hint.Evidence is { } evidence && Uri.TryCreate(evidence, UriKind.Absolute, out var declared) && ByHost(declared.Host) is { } byUrl)
            return (byUrl, false);
        if (!createExternal || Key(value).Length < 2)
            return (null, false);
        var name = value;
        var slug = "x-" + ExternalOutletId.Slug(Key(name));
        for (var n = 2; _byName.ContainsValue(slug) && !_external.Contains(slug); n++)
            slug = $"x-{ExternalOutletId.Slug(Key(name))}-{n}";
        await connection.ExecuteAsync("""
            INSERT INTO outlets (id, name, kind, external) VALUES (@slug, @name, 'newspaper', 1) ON CONFLICT (id) DO NOTHING
            """, new { slug, name }, tx);
        _byName[Key(name)] = slug;
        _external.Add(slug);
        return (slug, true);
    }

    private string? ByHost(string host)
    {
        // www.theguardian.com → theguardian.com → com: the longest known suffix wins.
        var h = host.ToLowerInvariant();
        while (h.Length > 0)
        {
            if (_byDomain.TryGetValue(h, out var id))
                return id;
            var dot = h.IndexOf('.');
            if (dot < 0)
                return null;
            h = h[(dot + 1)..];
        }
        return null;
    }

    // Names compare without case and without a leading "the": "The Guardian" is "Guardian".
    private static string Key(string name)
    {
        var n = name.Trim();
        return n.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? n[4..].Trim() : n;
    }
}
