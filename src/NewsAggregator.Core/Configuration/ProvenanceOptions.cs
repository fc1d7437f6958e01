namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Provenance": how evidence is weighed when the provenance stage decides who derives from whom.</summary>
public sealed class ProvenanceOptions
{
    public const string Section = "Provenance";

    /// <summary>
    /// A feed date and a first-seen time further apart than this are flagged (evidence "clock-skew"), and a feed
    /// date later than the first sighting by more than this is not trusted for time order.
    /// </summary>
    public double ClockSkewMinutes { get; set; } = 180;

    /// <summary>Text containment: an article holding at least this share of the other's long sentences…</summary>
    public double ContainmentShare { get; set; } = 0.8;

    /// <summary>…plus at least this many sentences of its own derives from the other, whatever the clocks say.</summary>
    public int MinAddedSentences { get; set; } = 1;

    /// <summary>A rewrite edge from shared text alone needs at least this share of the smaller article's long sentences.</summary>
    public double RewriteShare { get; set; } = 0.25;

    /// <summary>
    /// Members whose text scores within this margin of the nearest one (resemblance for copies, shared sentences for
    /// rewrites) carry the same text as far as the measures can tell; the source is then the credited or first one.
    /// </summary>
    public double EquivalentTextMargin { get; set; } = 0.05;

    /// <summary>An attribution is central (names the article's source) when it starts within this many characters of the body, or repeats.</summary>
    public int LeadChars { get; set; } = 700;

    public IEnumerable<string> Validate()
    {
        if (RewriteShare is <= 0 or > 1 || double.IsNaN(RewriteShare))
            yield return $"Provenance:RewriteShare must be above 0 and at most 1 (got {RewriteShare})";
        if (LeadChars is < 0 or > 100_000)
            yield return $"Provenance:LeadChars must be between 0 and 100000 (got {LeadChars})";
        if (ClockSkewMinutes is < 0 or > 10_080 || double.IsNaN(ClockSkewMinutes))
            yield return $"Provenance:ClockSkewMinutes must be between 0 and 10080 (a week) (got {ClockSkewMinutes})";
        if (ContainmentShare is <= 0 or > 1 || double.IsNaN(ContainmentShare))
            yield return $"Provenance:ContainmentShare must be above 0 and at most 1 (got {ContainmentShare})";
        if (EquivalentTextMargin is < 0 or > 1 || double.IsNaN(EquivalentTextMargin))
            yield return $"Provenance:EquivalentTextMargin must be between 0 and 1 (got {EquivalentTextMargin})";
        if (MinAddedSentences is < 0 or > 100)
            yield return $"Provenance:MinAddedSentences must be between 0 and 100 (got {MinAddedSentences})";
    }
}
