using System.Text;

namespace NewsAggregator.Core.Clustering;

/// <summary>
/// Turns text into the tokens every clustering feature is built from: lower case, letters and digits only,
/// possessives and plural "s" folded (Harman's S-stemmer: cheap, and enough for headline terms), diacritics kept.
/// Stop words are dropped for term features but kept for shingles, where "of the" helps tell copies apart.
/// </summary>
public static class TextTokens
{
    /// <summary>English function words plus words every news report uses. Rarity (IDF) handles the rest.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at", "be", "because",
        "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "doe", "does", "doing", "down",
        "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
        "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
        "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "yourself", "ha", "wa", "thi", "hi", "u", "also", "said", "say", "says", "told", "tell", "according",
        "new", "news", "report", "reported", "reports", "mr", "mrs", "ms", "dr", "one", "two", "year", "years", "week", "day",
        "days", "time", "may", "might", "must", "many", "much", "like", "get", "got", "make", "made", "us", "via", "per", "still",
        "yet", "since", "across", "among", "around", "amid", "another", "even", "every", "first", "last", "next", "least",
        "well", "back", "way", "people", "says", "including", "including", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "will", "shall", "can't", "don't", "won't", "isn't",
        "video", "photo", "photos", "update", "updated", "watch", "live", "breaking", "exclusive", "read", "click", "here",
    };

    public static bool IsStopWord(string token) => StopWords.Contains(token);

    /// <summary>Every token of the text in order, stop words included, each folded; at most <paramref name="max"/>.</summary>
    public static List<string> All(string? text, int max) => All(text, max, null);

    /// <summary>
    /// As <see cref="All(string?, int)"/>; <paramref name="names"/>, when given, receives for each token whether it
    /// was capitalised inside a sentence (a name: a person, a place, an organisation). Digit groups stay whole:
    /// "24,280" and "4.5" are one token each.
    /// </summary>
    public static List<string> All(string? text, int max, List<bool>? names)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
            return tokens;
        var current = new StringBuilder(24);
        var sentenceStart = true;
        var capitalised = false;
        for (var i = 0; i <= text.Length && tokens.Count < max; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (current.Length == 0)
                    capitalised = char.IsUpper(c);
                current.Append(char.ToLowerInvariant(c));
                continue;
            }
            // A separator between digits belongs to the number.
            if (c is ',' or '.' && current.Length > 0 && char.IsDigit(current[^1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                current.Append(c);
                continue;
            }
            // An apostrophe inside a word: "Fed's" ends the word at "fed", "don't" becomes "dont".
            if (c is '\'' or '\u2019' && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                if (char.ToLowerInvariant(text[i + 1]) == 's' && (i + 2 >= text.Length || !char.IsLetterOrDigit(text[i + 2])))
                    i++;
                continue;
            }
            if (current.Length > 0)
            {
                tokens.Add(Stem(current.ToString()));
                names?.Add(capitalised && !sentenceStart);
                current.Clear();
                sentenceStart = false;
            }
            if (c is '.' or '!' or '?' or '\n' or ':' or '"' or '\u201C' or '(' or '-' or '\u2013' or '\u2014')
                sentenceStart = c is not '-' || i == 0 || char.IsWhiteSpace(text[i - 1]);
        }
        return tokens;
    }

    /// <summary>Tokens that can carry a story: not stop words, two characters or more (digits: a year, a score).</summary>
    public static bool IsTerm(string token) => token.Length >= 2 && !StopWords.Contains(token);

    /// <summary>Harman's S-stemmer: "ies" → "y", "es" → "e", "s" → "" with the usual exceptions.</summary>
    public static string Stem(string word)
    {
        if (word.Length < 4 || !word.EndsWith('s') || char.IsDigit(word[0]))
            return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        if (word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("aes", StringComparison.Ordinal) && !word.EndsWith("ees", StringComparison.Ordinal) && !word.EndsWith("oes", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
            return word;
        return word[..^1];
    }

    /// <summary>32-bit FNV-1a over the UTF-16 code units: a stable term id across runs, processes and machines.</summary>
    public static uint Hash(string token)
    {
        var h = 2166136261u;
        foreach (var c in token)
        {
            h = (h ^ (byte)c) * 16777619u;
            h = (h ^ (byte)(c >> 8)) * 16777619u;
        }
        return h;
    }
}
