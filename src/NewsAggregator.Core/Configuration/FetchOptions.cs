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
}
