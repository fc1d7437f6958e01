namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Feeds": where the service finds what to poll and who publishes it.</summary>
public sealed class FeedsOptions
{
    public const string Section = "Feeds";

    /// <summary>The feed list; relative paths are resolved against the folder of the executable.</summary>
    public string File { get; set; } = "config/feeds.json";

    /// <summary>The outlet directory (names, aliases, domains, kinds).</summary>
    public string OutletsFile { get; set; } = "config/outlets.json";

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(File))
            yield return "Feeds:File must name the feed list (a JSON file such as config/feeds.json)";
        if (string.IsNullOrWhiteSpace(OutletsFile))
            yield return "Feeds:OutletsFile must name the outlet directory (config/outlets.json)";
    }
}
