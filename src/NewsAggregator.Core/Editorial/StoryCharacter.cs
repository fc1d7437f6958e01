namespace NewsAggregator.Core.Editorial;

/// <summary>
/// Whether a story is mostly copies of one report or several outlets reporting on their own, from its members'
/// relations: duplicates and rewrites derive from another member, related members are independent reports.
/// </summary>
public static class StoryCharacter
{
    public const string Single = "single report";
    public const string Copies = "mostly copies";
    public const string Independent = "independent reports";
    public const string Mixed = "mixed";

    /// <summary>Two thirds of the members after the first, one way or the other, decide it; otherwise mixed.</summary>
    public static string Describe(int members, int duplicates, int rewrites, int related)
    {
        var derived = duplicates + rewrites;
        var others = derived + related;
        if (members <= 1 || others == 0)
            return Single;
        if (derived * 3 >= others * 2)
            return Copies;
        if (related * 3 >= others * 2)
            return Independent;
        return Mixed;
    }
}
