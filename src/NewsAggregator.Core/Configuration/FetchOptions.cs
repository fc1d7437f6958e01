namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Fetch": how feeds are downloaded (ARCHITECTURE step 2).</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <summary>Product token sent as User-Agent; the contact is appended so publishers can reach the operator.</summary>
    public string UserAgent { get; set; } = "NewsAggregator/0.1";

    /// <summary>A URL or mail address where publishers reach the operator, e.g. "mailto:ops@example.org".</summary>
    public string Contact { get; set; } = "";

    /// <summary>Deadline for one whole fetch: connect, redirects, headers and body.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Largest body accepted after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Polls in flight against one host at once.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>Allows loopback, private, link-local and metadata addresses for every feed. Off: SSRF protection.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Exact "host:port" or "ip:port" endpoints allowed even though they are private (the demo's own server).</summary>
    public List<string> AllowedPrivateEndpoints { get; set; } = [];

    public string BuildUserAgent() =>
        string.IsNullOrWhiteSpace(Contact) ? $"{UserAgent} (+https://github.com/newsaggregator)" : $"{UserAgent} (+{Contact})";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(UserAgent))
            yield return "Fetch:UserAgent must not be empty: publishers identify the aggregator by it";
        if (TimeoutSeconds is < 1 or > 600)
            yield return $"Fetch:TimeoutSeconds must be between 1 and 600 (got {TimeoutSeconds})";
        if (MaxBodyBytes is < 1024 or > 256L * 1024 * 1024)
            yield return $"Fetch:MaxBodyBytes must be between 1024 and 268435456 (got {MaxBodyBytes})";
        if (MaxRedirects is < 0 or > 20)
            yield return $"Fetch:MaxRedirects must be between 0 and 20 (got {MaxRedirects})";
        if (MaxConcurrentPerHost is < 1 or > 64)
            yield return $"Fetch:MaxConcurrentPerHost must be between 1 and 64 (got {MaxConcurrentPerHost})";
        for (var i = 0; i < AllowedPrivateEndpoints.Count; i++)
        {
            var endpoint = AllowedPrivateEndpoints[i];
            var colon = endpoint.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out var port) || port is < 1 or > 65535)
                yield return $"Fetch:AllowedPrivateEndpoints:{i} must be \"host:port\" or \"ip:port\" (got \"{endpoint}\")";
        }
    }
}
