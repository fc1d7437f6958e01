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

    public IEnumerable<string> Validate()
    {
        if (MaxDepth is < 8 or > 1024)
            yield return $"Parsing:MaxDepth must be between 8 and 1024 (got {MaxDepth})";
        if (MaxCharactersFromEntities is < 0 or > 100_000_000)
            yield return $"Parsing:MaxCharactersFromEntities must be between 0 and 100000000 (got {MaxCharactersFromEntities})";
        if (MaxItems is < 1 or > 100_000)
            yield return $"Parsing:MaxItems must be between 1 and 100000 (got {MaxItems})";
        if (MaxDocumentBytes < 1024)
            yield return $"Parsing:MaxDocumentBytes must be at least 1024 (got {MaxDocumentBytes})";
    }
}
