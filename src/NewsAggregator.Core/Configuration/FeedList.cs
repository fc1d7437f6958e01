using System.Text.Json;
using System.Text.Json.Serialization;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Configuration;

/// <summary>One feed as the operator configured it.</summary>
public sealed record FeedDefinition(string Key, string OutletId, Uri Url, string? Title = null);

/// <summary>config/feeds.json: the feeds the service polls.</summary>
public static class FeedList
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>
    /// Reads and validates the list; a problem names the feed and what is wrong. Outlets are checked against the
    /// directory and, given the fetch policy, URLs that could never be fetched (a private or metadata address by IP
    /// or name) are refused here, at start, rather than failing every poll.
    /// </summary>
    public static IReadOnlyList<FeedDefinition> Load(string path, OutletDirectory outlets, AddressPolicy? policy = null)
    {
        if (!File.Exists(path))
            throw new ConfigurationException($"Feeds:File: {path} does not exist");
        FeedFile? file;
        try
        {
            file = JsonSerializer.Deserialize<FeedFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"{path}: not valid JSON ({e.Message})");
        }
        var entries = file?.Feeds ?? throw new ConfigurationException($"{path}: expected an object with a \"feeds\" array");
        var errors = new List<string>();
        var feeds = new List<FeedDefinition>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var urls = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var where = $"{path}: feeds[{i}]" + (string.IsNullOrEmpty(e.Id) ? "" : $" ({e.Id})");
            if (string.IsNullOrWhiteSpace(e.Id))
                errors.Add($"{where}: \"id\" is required");
            else if (!keys.Add(e.Id))
                errors.Add($"{where}: duplicate id");
            if (string.IsNullOrWhiteSpace(e.Outlet) || outlets.Find(e.Outlet) is null)
                errors.Add($"{where}: \"outlet\" must be an id from the outlet directory (got \"{e.Outlet}\")");
            if (!Uri.TryCreate(e.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                errors.Add($"{where}: \"url\" must be an absolute http or https URL (got \"{e.Url}\")");
            else if (!urls.Add(url.AbsoluteUri))
                errors.Add($"{where}: the same url is configured twice");
            else if (policy?.CheckUrl(url) is { } refusal)
                errors.Add($"{where}: \"url\" {url.AbsoluteUri} is not fetched, {refusal}");
            else if (errors.Count == 0)
                feeds.Add(new FeedDefinition(e.Id!, e.Outlet!, url, e.Title));
        }
        if (errors.Count > 0)
            throw new ConfigurationException(string.Join(Environment.NewLine, errors));
        return feeds;
    }

    public static string Serialize(IEnumerable<FeedDefinition> feeds) =>
        JsonSerializer.Serialize(new FeedFile(feeds.Select(f => new FeedEntry(f.Key, f.OutletId, f.Url.AbsoluteUri, f.Title)).ToList()), Json);

    private sealed record FeedFile([property: JsonPropertyName("feeds")] List<FeedEntry>? Feeds);

    private sealed record FeedEntry(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("outlet")] string? Outlet,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title);
}
