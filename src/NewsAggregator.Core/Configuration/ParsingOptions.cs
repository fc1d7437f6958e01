namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Parsing": limits of the hardened XML pass (ARCHITECTURE step 3).</summary>
public sealed class ParsingOptions
{
    public const string Section = "Parsing";

    /// <summary>Deepest element nesting accepted; real feeds stay under 20.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Characters that entity expansion may add to a document (billion laughs stops here).</summary>
    public long MaxCharactersFromEntities { get; set; } = 1_000_000;

    /// <summary>Items read from one feed document; the rest are ignored and reported.</summary>
    public int MaxItems { get; set; } = 1000;

    /// <summary>Largest body parsed, in bytes; the fetcher's byte cap should be at or below this.</summary>
    public int MaxDocumentBytes { get; set; } = 16 * 1024 * 1024;
}
