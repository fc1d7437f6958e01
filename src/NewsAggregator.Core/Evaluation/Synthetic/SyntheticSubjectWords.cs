namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>Part lists shared by several event types' subjects.</summary>
internal static class SyntheticSubjectWords
{
    /// <summary>Optional middle syllables: "Vel" + "an" + "ora" = "Velanora"; about 8,000 stems in all.</summary>
    private static readonly string[] Middles = ["", "an", "er", "il", "od", "ur", "en", "av"];

    /// <summary>
    /// Every invented stem ("Velora", "Tormix"…): names of valleys, storms, products and projects. Stems that are a
    /// given name or a surname ("Maria") are left out, so "the Maria Park" never reads as a person's full name.
    /// </summary>
    public static readonly string[] Stems = SyntheticVocabulary.StemEnds
        .SelectMany(e => Middles.SelectMany(m => SyntheticVocabulary.StemStarts.Select(s => s + m + e)))
        .Where(s => Array.IndexOf(SyntheticVocabulary.FirstNames, s) < 0 && Array.IndexOf(SyntheticVocabulary.LastNames, s) < 0)
        .ToArray();

    /// <summary>"101" … "999": numbers of decrees and similar instruments.</summary>
    public static readonly string[] Numbers = Enumerable.Range(101, 899).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
