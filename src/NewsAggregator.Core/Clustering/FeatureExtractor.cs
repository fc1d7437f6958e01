
namespace NewsAggregator.Core.Clustering;

/// <summary>
/// Computes an article's clustering features from its title and body. Every text is bounded first: what follows
/// costs the same for a 300-word brief and a 10,000-word feature, and the lead carries the story anyway.
/// </summary>
public static class FeatureExtractor
{
    public const int MaxTitleTokens = 32;
    public const int MaxBodyTokens = 300;
    public const int LeadTerms = 16;
    public const int MaxTerms = 96;
    public const int MinSentenceTokens = 8;
    public const int MaxSentences = 64;
    /// <summary>Sentences are read from this much of the body: about the same span as the bounded tokens.</summary>
    public const int MaxSentenceChars = 4000;
    public const int TitleTermWeight = 3;
    public const int NameTermWeight = 2;
    public const int MaxNames = 32;

    public static ArticleFeatures Extract(long articleId, long version, string outletId, long publishedMs, string title, string body, long? seenMs = null)
    {
        var titleTokens = TextTokens.All(title, MaxTitleTokens);
        var names = new List<bool>();
        var bodyTokens = TextTokens.All(body, MaxBodyTokens, names);
        var titleTerms = titleTokens.Where(TextTokens.IsTerm).ToList();

        var weights = new Dictionary<uint, int>();
        foreach (var t in titleTerms)
        {
            var h = TextTokens.Hash(t);
            weights[h] = weights.GetValueOrDefault(h) + TitleTermWeight;
        }
        var lead = new List<string>(titleTerms);
        var leadCount = 0;
        var nameSet = new SortedSet<uint>();
        var numbers = new Dictionary<uint, int>();
        for (var i = 0; i < bodyTokens.Count; i++)
        {
            var t = bodyTokens[i];
            if (!TextTokens.IsTerm(t))
                continue;
            var h = TextTokens.Hash(t);
            if (names[i] && nameSet.Count < MaxNames && !char.IsDigit(t[0]))
                nameSet.Add(h);
            // A number the article repeats (a decree, a flight, a death toll) names its story as a name does.
            if (char.IsDigit(t[0]) && t.Length >= 3 && (numbers[h] = numbers.GetValueOrDefault(h) + 1) == 2 && nameSet.Count < MaxNames)
                nameSet.Add(h);
            // A name (capitalised inside a sentence) identifies a story better than the words around it: two
            // strikes are told in the same words, with different unions and cities.
            weights[h] = weights.GetValueOrDefault(h) + (names[i] ? NameTermWeight : 1);
            if (leadCount++ < LeadTerms)
                lead.Add(t);
        }
        // Identifiers in the title and lead ("Decree 460", "Flight 17") become terms of their own: one for the kind
        // ("decree") and one for the kind with its number; a story about Decree 460 is no story about Decree 318.
        var identifiers = Identifiers(title, body);
        foreach (var (kind, full) in identifiers)
        {
            weights[kind] = weights.GetValueOrDefault(kind) + TitleTermWeight;
            weights[full] = weights.GetValueOrDefault(full) + TitleTermWeight;
        }
        var terms = new WeightedTerm[weights.Count];
        var n = 0;
        foreach (var (term, weight) in weights)
            terms[n++] = new WeightedTerm(term, weight);
        if (terms.Length > MaxTerms)
        {
            // The heaviest terms, ties by term: the same choice whatever order the dictionary enumerates in.
            Array.Sort(terms, static (a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
            Array.Resize(ref terms, MaxTerms);
        }
        Array.Sort(terms, static (a, b) => a.Term.CompareTo(b.Term));

        return new ArticleFeatures
        {
            ArticleId = articleId,
            Version = version,
            OutletId = outletId,
            PublishedMs = publishedMs,
            SeenMs = seenMs ?? publishedMs,
            TitleText = string.Join(' ', titleTerms),
            LeadText = string.Join(' ', lead),
            Terms = terms,
            IndexTerms = [],
            MinHash = MinHasher.Signature(bodyTokens.Count >= MinHasher.ShingleWords ? bodyTokens : titleTokens),
            Sentences = SentenceHashes(body),
            BodyTokens = bodyTokens.Count,
            Names = nameSet.ToArray(),
            Identifiers = identifiers,
        };
    }

    /// <summary>
    /// Nouns that, followed by a number, name one particular thing: a law, a court case, a flight, a resolution.
    /// Two articles naming the same noun with different numbers are about different things; counts ("kills 12"),
    /// scores and update numbers ("UPDATE 2") are not identifiers and are not on the list.
    /// </summary>
    private static readonly HashSet<string> IdentifierNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "Decree", "Directive", "Regulation", "Order", "Resolution", "Bill", "Act", "Law", "Article", "Section", "Amendment",
        "Proposition", "Prop", "Measure", "Ordinance", "Case", "Flight", "Route", "Highway", "Interstate", "Block", "Reactor",
        "Unit", "Platform", "Gate", "Terminal", "Pier", "Berth", "Warehouse", "Plant", "Lot", "Cell", "Ward", "District",
    };

    /// <summary>Characters of the body read for identifiers after the title: its lead.</summary>
    private const int IdentifierLeadChars = 400;

    /// <summary>(kind, kind-with-number) hashes of the identifiers in the title and lead: a capitalised noun of
    /// <see cref="IdentifierNouns"/> followed by a number of one to six digits.</summary>
    public static (uint Kind, uint Full)[] Identifiers(string title, string body)
    {
        List<(uint, uint)>? found = null;
        void Scan(string text)
        {
            var words = text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                var noun = words[i];
                if (noun.Length < 2 || !char.IsUpper(noun[0]) || !IdentifierNouns.Contains(noun))
                    continue;
                var number = words[i + 1].TrimEnd('.', ',', ';', ':', ')', '\'', '\u2019', '"', '\u201D');
                if (number.Length is 0 or > 6 || !number.All(char.IsAsciiDigit))
                    continue;
                var kind = TextTokens.Hash("\u00A7" + noun.ToLowerInvariant());
                var full = TextTokens.Hash("\u00A7" + noun.ToLowerInvariant() + " " + number.TrimStart('0'));
                found ??= new List<(uint, uint)>();
                if (!found.Contains((kind, full)))
                    found.Add((kind, full));
            }
        }
        Scan(title);
        Scan(body.Length > IdentifierLeadChars ? body[..IdentifierLeadChars] : body);
        return found?.ToArray() ?? [];
    }

    /// <summary>
    /// The article's most informative title and lead terms by current rarity: what it posts to the inverted index
    /// and looks up there. Chosen once, when the article is clustered, and stored with the features.
    /// </summary>
    public static uint[] ChooseIndexTerms(ArticleFeatures features, Func<uint, double> idf, int count)
    {
        var lead = new HashSet<uint>();
        foreach (var token in features.LeadText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            lead.Add(TextTokens.Hash(token));
        // Rarity times weight in the article: a rare title term first; among equally rare terms, the one the
        // article repeats. Ties go to the smaller hash so that the choice never depends on enumeration order.
        return features.Terms
            .Where(t => lead.Contains(t.Term))
            .OrderByDescending(t => idf(t.Term) * (1 + Math.Log(t.Weight))).ThenBy(t => t.Term)
            .Take(count)
            .Select(t => t.Term)
            .ToArray();
    }

    /// <summary>Hashes of the body's sentences of <see cref="MinSentenceTokens"/> tokens or more: verbatim reuse shows up here.</summary>
    public static uint[] SentenceHashes(string body)
    {
        var hashes = new SortedSet<uint>();
        if (string.IsNullOrEmpty(body))
            return [];
        // A dateline is the outlet's signature, not its text: a copy that drops or restyles it repeats the sentence.
        var start = DatelineLength(body);
        var length = Math.Min(body.Length, MaxSentenceChars);
        for (var i = start; i <= length && hashes.Count < MaxSentences; i++)
        {
            var end = i == length || body[i] == '\n' || (body[i] is '.' or '!' or '?' && (i + 1 == body.Length || char.IsWhiteSpace(body[i + 1])));
            if (!end)
                continue;
            // Quoted words are left out: independent reports quote the same statement, and a shared quote is
            // no sign that one copied the other. What remains is the reporter's own wording.
            var tokens = TextTokens.All(WithoutQuotes(body.AsSpan(start, i - start)), 200);
            if (tokens.Count >= MinSentenceTokens)
                hashes.Add(TextTokens.Hash(string.Join(' ', tokens)));
            start = i + 1;
        }
        return hashes.ToArray();
    }

    /// <summary>
    /// Length of the dateline opening a body ("LONDON (Reuters) - ", "Lyon, France — ", "WASHINGTON, Jan 2 (AP) — "),
    /// or 0: a short run of capitalised words, numbers and parentheses closed by a spaced dash before any sentence ends.
    /// "The minister — who…" is no dateline (a lower-case word), nor is anything after a full stop or a quote.
    /// </summary>
    public static int DatelineLength(string body)
    {
        var limit = Math.Min(body.Length - 2, 80);
        var words = 0;
        var wordLength = 0;
        for (var i = 0; i < limit; i++)
        {
            var c = body[i];
            if (c == ' ' && body[i + 1] is '\u2014' or '\u2013' or '-' && body[i + 2] == ' ')
                return words is > 0 and <= 8 ? i + 3 : 0;
            if (c is ' ' or ',')
            {
                wordLength = 0;
                continue;
            }
            // A full stop inside a short word is an abbreviation ("Jan.", "D.C."); any other ends the sentence.
            if ((c == '.' && wordLength > 3) || c is '!' or '?' or '\n' or '"' or '\u201C' or ':' or ';')
                return 0;
            if (wordLength++ == 0)
            {
                // Place names join words with a few lower-case particles ("Minneapolis, the United States", "Rio de Janeiro").
                if (!(char.IsUpper(c) || char.IsDigit(c) || c == '(') && !DatelineParticle(body.AsSpan(i)))
                    return 0;
                words++;
            }
        }
        return 0;
    }

    private static bool DatelineParticle(ReadOnlySpan<char> rest)
    {
        foreach (var particle in (ReadOnlySpan<string>)["the ", "of ", "de ", "del ", "da ", "do ", "la ", "le ", "el ", "al ", "du ", "upon ", "on ", "am ", "an "])
        {
            if (rest.StartsWith(particle, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static string WithoutQuotes(ReadOnlySpan<char> sentence)
    {
        var kept = new System.Text.StringBuilder(sentence.Length);
        var quoted = false;
        foreach (var c in sentence)
        {
            if (c is '"' or '\u201C' or '\u201D')
            {
                quoted = c == '\u201C' || (c == '"' && !quoted);
                if (c == '\u201D')
                    quoted = false;
                kept.Append(' ');
                continue;
            }
            if (!quoted)
                kept.Append(c);
        }
        return kept.ToString();
    }

    /// <summary>Share of the smaller sentence set found in the other (both sorted).</summary>
    public static (int Shared, double Share) SharedSentences(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.Length == 0 || b.Length == 0)
            return (0, 0);
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (shared, shared / (double)Math.Min(a.Length, b.Length));
    }
}
