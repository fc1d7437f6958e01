using System.Text.RegularExpressions;

namespace NewsAggregator.Core.Clustering;

/// <summary>
/// Outlets a text credits as its source, matched against the outlet directory: the words after a cue ("according
/// to", "first reported by", "citing", "a report by", "(", "told") are tried as an outlet name or alias, longest
/// first. Knowing the names is what lets "according to ZDF" count while "according to the police" does not.
/// The provenance stage reads the same cues with more care (negatives, the newspaper named earlier); this is what
/// clustering needs to call an article a rewrite of the outlet it credits.
/// </summary>
public static partial class OutletCredits
{
    private const int MaxNameWords = 6;

    public static IReadOnlyList<string> Find(string? text, IReadOnlyDictionary<string, string> outletIdsByName)
    {
        var found = new List<string>();
        if (string.IsNullOrEmpty(text) || outletIdsByName.Count == 0)
            return found;
        foreach (Match cue in Cue().Matches(text.Length > 6000 ? text[..6000] : text))
        {
            var rest = text.AsSpan(cue.Index + cue.Length);
            var words = new List<string>(MaxNameWords);
            foreach (Match w in NameWord().Matches(rest.Length > 120 ? rest[..120].ToString() : rest.ToString()))
            {
                if (w.Index > 0 && words.Count == 0 && !rest[..w.Index].IsWhiteSpace())
                    break;
                words.Add(w.Value);
                if (words.Count == MaxNameWords)
                    break;
            }
            for (var n = words.Count; n >= 1; n--)
            {
                var name = string.Join(' ', words.Take(n)).TrimEnd('.', ',', ';', ':', ')');
                if (outletIdsByName.TryGetValue(name, out var id) || (name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && outletIdsByName.TryGetValue(name[4..], out id)))
                {
                    if (!found.Contains(id))
                        found.Add(id);
                    break;
                }
            }
        }
        return found;
    }

    [GeneratedRegex(@"\b(?:according to(?: a report (?:by|in|from))?|(?:first |originally )?(?:reported|published) (?:by|in)|citing|a report (?:by|in|from)|told|reporting by|via)\s+|\(", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Cue();

    [GeneratedRegex(@"[^\s,;:]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NameWord();
}
