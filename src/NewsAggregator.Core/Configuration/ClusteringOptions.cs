namespace NewsAggregator.Core.Configuration;

/// <summary>
/// Section "Clustering": how candidates are found, how pairs are scored and when an article joins a story.
/// The defaults are the one configuration every corpus is evaluated with (README, "Evaluation"); how each was
/// chosen is written beside it in config/appsettings.json.
/// </summary>
public sealed class ClusteringOptions
{
    public const string Section = "Clustering";

    /// <summary>Bumped whenever a change can move an article to another story; stored with every decision.</summary>
    public const string AlgorithmVersion = "cluster-4";

    /// <summary>Seconds between runs of the clustering job (each run empties the queue).</summary>
    public int IntervalSeconds { get; set; } = 2;

    /// <summary>Candidates and stories older than this (by publication time) are not considered.</summary>
    public double WindowHours { get; set; } = 96;

    /// <summary>Bands × rows must equal the signature length (64). 16 × 4 finds pairs whose shingle overlap is above about 0.5.</summary>
    public int MinHashBands { get; set; } = 16;

    /// <summary>
    /// A shared LSH band counts as shingle evidence only when the full signatures agree at least this much: below the
    /// overlap the bands were sized for, a shared band is an accident of template and boilerplate wording.
    /// </summary>
    public double ShingleEvidenceResemblance { get; set; } = 0.5;

    /// <summary>Informative title and lead terms each article posts to the inverted index.</summary>
    public int IndexTermsPerArticle { get; set; } = 12;

    /// <summary>Only the newest postings of a term are read: a term in thousands of articles picks nothing out.</summary>
    public int MaxPostingsPerTerm { get; set; } = 200;

    /// <summary>Candidate articles verified with SimMetrics per new article, best index evidence first.</summary>
    public int MaxCandidates { get; set; } = 4;

    /// <summary>A story is joined (near copies aside) only when it shares at least this many informative terms with the article.</summary>
    public int MinSharedTerms { get; set; } = 3;

    // Weights of the SimMetrics metrics in the pair score (normalised by their sum).
    public double TitleLeadCosineWeight { get; set; } = 1.0;
    public double TitleLeadDiceWeight { get; set; } = 0.0;
    public double TitleOverlapWeight { get; set; } = 1.0;
    public double TitleJaroWinklerWeight { get; set; } = 0.5;

    /// <summary>Weight of the story-as-a-whole similarity (TF-IDF cosine with the story's summed term vector).</summary>
    public double CentroidWeight { get; set; } = 0.6;

    /// <summary>Weight of the best pair score with a member of the story.</summary>
    public double PairWeight { get; set; } = 0.4;

    /// <summary>Subtracted from the story score per window of time between the article and the story's newest member.</summary>
    public double TimeGapPenalty { get; set; } = 0.1;

    /// <summary>SimMetrics compares only terms used by at most this share of the live stories (1: every term).</summary>
    public double InformativeSpread { get; set; } = 0.02;

    /// <summary>How many of an article's most repeated names are checked against a story.</summary>
    public int CentralNames { get; set; } = 4;

    /// <summary>Share of those names a story must use for its score to count in full; below, it shrinks in proportion.</summary>
    public double NameCoverage { get; set; } = 0.5;

    /// <summary>
    /// A name counts as used by a story when its summed weight over the story's members in the window reaches this
    /// many per member (a name mentioned once weighs 2): the story as a whole uses it, not one stray member.
    /// </summary>
    public double NameCoreShare { get; set; } = 1.0;

    /// <summary>An article joins the best story whose score reaches this; otherwise it starts a story.</summary>
    public double JoinThreshold { get; set; } = 0.2;

    /// <summary>A second story scoring this much is merged into the first: the article bridges them.</summary>
    public double MergeThreshold { get; set; } = 0.4;

    /// <summary>Shingle resemblance (MinHash estimate) from which a member is a duplicate of its neighbour.</summary>
    public double DuplicateResemblance { get; set; } = 0.6;

    /// <summary>Share of the shorter text's sentences found verbatim in the other from which a member is a rewrite.</summary>
    public double RewriteSharedSentences { get; set; } = 0.1;

    public IEnumerable<string> Validate()
    {
        if (IntervalSeconds is < 1 or > 3600)
            yield return $"Clustering:IntervalSeconds must be between 1 and 3600 (got {IntervalSeconds})";
        if (WindowHours is <= 0 or > 24 * 90)
            yield return $"Clustering:WindowHours must be between 0 and 2160 (got {WindowHours})";
        if (ShingleEvidenceResemblance is < 0 or > 1)
            yield return $"Clustering:ShingleEvidenceResemblance must be between 0 and 1 (got {ShingleEvidenceResemblance})";
        if (MinHashBands is not (1 or 2 or 4 or 8 or 16 or 32 or 64))
            yield return $"Clustering:MinHashBands must divide 64: 1, 2, 4, 8, 16, 32 or 64 (got {MinHashBands})";
        if (IndexTermsPerArticle is < 1 or > 64)
            yield return $"Clustering:IndexTermsPerArticle must be between 1 and 64 (got {IndexTermsPerArticle})";
        if (MaxPostingsPerTerm is < 1 or > 100_000)
            yield return $"Clustering:MaxPostingsPerTerm must be between 1 and 100000 (got {MaxPostingsPerTerm})";
        if (MinSharedTerms is < 1 or > 100)
            yield return $"Clustering:MinSharedTerms must be between 1 and 100 (got {MinSharedTerms})";
        if (MaxCandidates is < 1 or > 1000)
            yield return $"Clustering:MaxCandidates must be between 1 and 1000 (got {MaxCandidates})";
        foreach (var (name, value) in new[]
                 {
                     ("TitleLeadCosineWeight", TitleLeadCosineWeight), ("TitleLeadDiceWeight", TitleLeadDiceWeight),
                     ("TitleOverlapWeight", TitleOverlapWeight), ("TitleJaroWinklerWeight", TitleJaroWinklerWeight),
                     ("CentroidWeight", CentroidWeight), ("PairWeight", PairWeight), ("TimeGapPenalty", TimeGapPenalty),
                 })
        {
            if (value is < 0 or > 10 || double.IsNaN(value))
                yield return $"Clustering:{name} must be between 0 and 10 (got {value})";
        }
        if (TitleLeadCosineWeight + TitleLeadDiceWeight + TitleOverlapWeight + TitleJaroWinklerWeight <= 0)
            yield return "Clustering: at least one of the metric weights (TitleLeadCosineWeight, TitleLeadDiceWeight, TitleOverlapWeight, TitleJaroWinklerWeight) must be above 0";
        if (NameCoreShare is < 0 or > 10 || double.IsNaN(NameCoreShare))
            yield return $"Clustering:NameCoreShare must be between 0 and 10 (got {NameCoreShare})";
        if (CentralNames is < 1 or > 32)
            yield return $"Clustering:CentralNames must be between 1 and 32 (got {CentralNames})";
        foreach (var (name, value) in new[]
                 {
                     ("InformativeSpread", InformativeSpread), ("NameCoverage", NameCoverage),
                     ("JoinThreshold", JoinThreshold), ("MergeThreshold", MergeThreshold),
                     ("DuplicateResemblance", DuplicateResemblance), ("RewriteSharedSentences", RewriteSharedSentences),
                 })
        {
            if (value is <= 0 or > 1 || double.IsNaN(value))
                yield return $"Clustering:{name} must be above 0 and at most 1 (got {value})";
        }
        // Compared only when both are in range: a JoinThreshold of 2 is one mistake, reported once above.
        if (JoinThreshold is > 0 and <= 1 && MergeThreshold is > 0 and <= 1 && MergeThreshold < JoinThreshold)
            yield return $"Clustering:MergeThreshold ({MergeThreshold}) must not be below Clustering:JoinThreshold ({JoinThreshold})";
    }
}
