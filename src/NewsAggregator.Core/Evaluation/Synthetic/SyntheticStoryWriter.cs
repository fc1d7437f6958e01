using System.Globalization;
using System.Text;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// Writes the articles of one story from its plan: the root report, then each member from its source. One instance
/// per thread; its buffers are reused from story to story.
/// </summary>
/// <remarks>
/// Every sentence composed fresh (not copied) is unique within its story: the writer keeps the story's sentences in a
/// set and redraws a phrasing that is already taken. That is what makes the gold relations true of the text: an
/// independent report shares no sentence with the rest of its story, and a rewrite shares only what it deliberately
/// keeps from its source.
/// </remarks>
internal sealed class SyntheticStoryWriter
{
    /// <summary>Share of composed reports that carry one generic background sentence.</summary>
    private const double GenericChance = 0.6;

    private readonly SyntheticPlan _plan;
    private readonly long _seed;
    private readonly StringBuilder _sb = new(4096);
    /// <summary>Every sentence composed for the story so far, with the fact it states (−1: a quote or a development).</summary>
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);
    /// <summary>How often each phrasing of each fact was used in the story, sized for the largest event type.</summary>
    private readonly int[][] _factUse;
    private int[] _headlineUse = [];
    private int[] _quoteUse = [];
    private int[] _developmentUse = [];
    private SyntheticStoryFacts _facts = null!;
    private SyntheticRandom _random = null!;

    public SyntheticStoryWriter(SyntheticPlan plan, long seed)
    {
        _plan = plan;
        _seed = seed;
        var phrasings = SyntheticEvents.All.Max(t => t.FactTemplates.Max(f => f.Length));
        _factUse = new int[SyntheticEvents.All.Max(t => t.FactTemplates.Length)][];
        for (var i = 0; i < _factUse.Length; i++)
            _factUse[i] = new int[phrasings];
    }

    /// <summary>Share of copies of a republished copy that keep the republisher's sign-off.</summary>
    public const double CarriedTrailerShare = 0.7;

    /// <summary>The articles of story <paramref name="story"/> in member order (root first).</summary>
    public SyntheticArticle[] Write(int story)
    {
        var first = _plan.StoryStart[story];
        var size = _plan.StoryStart[story + 1] - first;
        _random = SyntheticRandom.For(_seed, SyntheticPlan.TextStream, story);
        _facts = SyntheticStoryFacts.Draw(_seed, story, _plan.TypeOf[story], _plan.Ordinal[story], Time(first), _random);
        ResetUse();

        var storyId = "s" + (story + 1).ToString("D6", CultureInfo.InvariantCulture);
        var rootOutlet = _plan.Outlets[_plan.OutletOf[first]].Name;
        var drafts = new Draft[size];
        var articles = new SyntheticArticle[size];
        for (var m = 0; m < size; m++)
        {
            var flat = first + m;
            var kind = _plan.Kind[flat];
            var style = _plan.Styles[_plan.OutletOf[flat]];
            var published = Time(flat);
            var source = _plan.Source[flat] >= 0 ? drafts[_plan.Source[flat]] : null;
            var draft = kind switch
            {
                SyntheticKind.Verbatim => Verbatim(source!, style, published),
                SyntheticKind.LightEdit => LightEdit(source!, style, published),
                SyntheticKind.Rewrite => Rewrite(source!, _plan.Outlets[_plan.OutletOf[first + _plan.Source[flat]]], style, published),
                SyntheticKind.Update => Update(source!, style, published, UpdateNumber(first, m)),
                _ => Report(style, published, independent: kind == SyntheticKind.Independent),
            };
            // A copy taken from another republisher rather than from the original is a copy of that outlet's page:
            // most of the time its sign-off comes along (scrapers and aggregators copy the page whole), which is
            // the trace that tells a copy of a copy from a copy of the original.
            if (kind is SyntheticKind.Verbatim or SyntheticKind.LightEdit && _plan.Source[flat] > 0
                && _plan.Styles[_plan.OutletOf[first + _plan.Source[flat]]].Trailer is { } carried && _random.Chance(CarriedTrailerShare))
                draft = draft with { Paragraphs = [.. draft.Paragraphs, [carried]] };
            drafts[m] = draft;
            var derivedFrom = _plan.Source[flat] >= 0 ? Id(first + _plan.Source[flat]) : null;
            articles[m] = new SyntheticArticle(new EvalArticle
            {
                Id = Id(flat),
                Outlet = style.Outlet.Name,
                Url = Url(style, published, draft.Title, _plan.Rank[flat] + 1),
                Title = draft.Title + style.TitleSuffix,
                Body = Body(draft, style),
                Published = published,
                Story = storyId,
                DerivedFrom = derivedFrom,
                DerivedFromKnown = true,
                OriginalOutlet = rootOutlet,
                Relation = kind switch
                {
                    SyntheticKind.Verbatim or SyntheticKind.LightEdit => "duplicate",
                    SyntheticKind.Rewrite or SyntheticKind.Update => "rewrite",
                    SyntheticKind.Independent => "related",
                    _ => null,
                },
            }, kind) { EventType = _facts.Type.Name };
        }
        return articles;
    }

    private DateTimeOffset Time(int flat) => DateTimeOffset.FromUnixTimeSeconds(_plan.Published[flat]);

    private string Id(int flat) => "g" + (_plan.Rank[flat] + 1).ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>A report of the event in the outlet's own words: the root, or an independent report by another outlet.</summary>
    private Draft Report(SyntheticHouseStyle style, DateTimeOffset published, bool independent)
    {
        var type = _facts.Type;
        var factCount = type.FactTemplates.Length;
        var order = FactOrder(factCount);
        var count = independent ? _random.Between(Math.Min(5, factCount), factCount) : factCount;
        var sentences = new List<string>(count + 3);
        for (var i = 0; i < count; i++)
        {
            if (FreshFact(order[i]) is { } sentence)
                sentences.Add(sentence);
        }
        var quotes = independent ? (_random.Chance(0.8) ? 1 : 2) : 2;
        for (var q = 0; q < quotes; q++)
        {
            if (FreshQuote(allowRepeat: independent) is { } quote)
                sentences.Insert(_random.Between(Math.Min(2, sentences.Count), sentences.Count), quote);
        }
        AddGeneric(sentences);
        return new Draft(Headline(type.HeadlineTemplates, _headlineUse), Group(sentences), OwnLead(style, published), style.IsWire);
    }

    /// <summary>The same title and body; a wire's dateline credit is usually kept, as republishers of wire copy do.</summary>
    private Draft Verbatim(Draft source, SyntheticHouseStyle style, DateTimeOffset published)
    {
        var (lead, wire) = CopiedLead(source, style, published);
        return new Draft(source.Title, source.Paragraphs, lead, wire);
    }

    /// <summary>One word of the headline swapped, and one paragraph dropped or one sentence trimmed.</summary>
    private Draft LightEdit(Draft source, SyntheticHouseStyle style, DateTimeOffset published)
    {
        var paragraphs = source.Paragraphs.ToList();
        var multi = new List<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Length >= 2)
                multi.Add(i);
        }
        if ((paragraphs.Count >= 4 && _random.Chance(0.5)) || (multi.Count == 0 && paragraphs.Count >= 2))
        {
            paragraphs.RemoveAt(_random.Between(1, paragraphs.Count - 1));
        }
        else if (multi.Count > 0)
        {
            var p = _random.Pick(multi);
            paragraphs[p] = paragraphs[p][..^1];
        }
        var (lead, wire) = CopiedLead(source, style, published);
        return new Draft(Reword(source.Title), paragraphs.ToArray(), lead, wire);
    }

    /// <summary>
    /// New headline and new phrasings of the facts, one quote or one or two sentences kept from the source, and the
    /// source's outlet credited in one of several English patterns.
    /// </summary>
    private Draft Rewrite(Draft source, Outlet sourceOutlet, SyntheticHouseStyle style, DateTimeOffset published)
    {
        var type = _facts.Type;
        var sourceSentences = source.Paragraphs.SelectMany(p => p).ToList();
        var kept = new List<string>(2);
        var quotes = sourceSentences.Where(IsQuote).ToList();
        if (quotes.Count > 0 && _random.Chance(0.5))
        {
            kept.Add(_random.Pick(quotes));
        }
        else
        {
            var plain = sourceSentences.Where(s => !IsQuote(s)).ToList();
            var keep = Math.Min(plain.Count, _random.Between(1, 2));
            for (var k = 0; k < keep; k++)
            {
                var i = _random.Next(plain.Count);
                kept.Add(plain[i]);
                plain.RemoveAt(i);
            }
        }

        // Facts the kept sentences already state are not stated again in new words.
        var factCount = type.FactTemplates.Length;
        var order = FactOrder(factCount).Where(f => !kept.Any(k => _used.TryGetValue(k, out var fact) && fact == f)).ToList();
        var count = Math.Min(order.Count, _random.Between(4, factCount - 1));
        var credited = CreditName(sourceOutlet);
        var creditAsTail = _random.Chance(0.5);
        var sentences = new List<string>(count + 4);
        for (var i = 0; i < count; i++)
        {
            // The sentence that will carry the credit gets no attribution of its own ("…, officials said, according to AFP").
            if (FreshFact(order[i], withTail: !(creditAsTail && sentences.Count == 0)) is { } sentence)
                sentences.Add(sentence);
        }
        if (_random.Chance(0.3) && FreshQuote(allowRepeat: false) is { } quote)
            sentences.Add(quote);

        if (sentences.Count > 0 && creditAsTail)
        {
            var tail = string.Format(CultureInfo.InvariantCulture, _random.Pick(SyntheticVocabulary.CreditTails), credited);
            sentences[0] = sentences[0][..^1] + tail + ".";
        }
        else
        {
            var credit = Capitalise(string.Format(CultureInfo.InvariantCulture, _random.Pick(SyntheticVocabulary.CreditSentences), credited, _facts.Day));
            sentences.Insert(Math.Min(sentences.Count, _random.Between(1, 2)), credit);
        }
        foreach (var sentence in kept)
            sentences.Insert(_random.Between(Math.Min(1, sentences.Count), sentences.Count), sentence);
        if (!kept.Any(IsGeneric))
            AddGeneric(sentences);
        return new Draft(Headline(type.HeadlineTemplates, _headlineUse), Group(sentences), OwnLead(style, published), style.IsWire);
    }

    /// <summary>A development (new figure or event) first, then about half of the earlier article, in its order.</summary>
    private Draft Update(Draft source, SyntheticHouseStyle style, DateTimeOffset published, int number)
    {
        // The main development gives the headline; a second one may follow unless both would state {n5} (one
        // figure cannot be a death toll and a sum of money at once).
        var type = _facts.Type;
        var lead = new List<string>(2);
        var main = LeastUsed(_developmentUse, type.DevelopmentTemplates.Length);
        _developmentUse[main]++;
        if (Fresh(type.DevelopmentTemplates[main]) is { } first)
            lead.Add(first);
        var second = _random.Next(type.DevelopmentTemplates.Length);
        if (second != main && _random.Chance(0.3)
            && !(type.DevelopmentTemplates[main].Uses(SyntheticSlot.N5) && type.DevelopmentTemplates[second].Uses(SyntheticSlot.N5))
            && Fresh(type.DevelopmentTemplates[second]) is { } next)
            lead.Add(next);

        var earlier = source.Paragraphs.SelectMany(p => p).ToList();
        var kept = new List<string>(earlier.Count);
        foreach (var sentence in earlier)
        {
            if (_random.Chance(0.5))
                kept.Add(sentence);
        }
        for (var i = 0; kept.Count < Math.Min(2, earlier.Count) && i < earlier.Count; i++)
        {
            if (!kept.Contains(earlier[i]))
                kept.Insert(Math.Min(kept.Count, i), earlier[i]);
        }
        // An update never repeats every sentence of what it updates (two-sentence sources included).
        if (kept.Count == earlier.Count && kept.Count >= 2)
            kept.RemoveAt(_random.Between(1, kept.Count - 1));

        _sb.Clear();
        type.UpdateHeadlineTemplates[main].Render(_sb, _facts, _random);
        var title = Capitalise(_sb.ToString());
        // Agencies number their updates in the headline ("UPDATE 2-…"); about half of these copies keep the prefix.
        if (style.IsWire && _random.Chance(0.5))
            title = $"UPDATE {number}-{title}";
        var paragraphs = new List<string[]>(8) { lead.ToArray() };
        paragraphs.AddRange(Group(kept));
        return new Draft(title, paragraphs.ToArray(), OwnLead(style, published), style.IsWire);
    }

    /// <summary>1 + the updates planned before this member (all updates of a story come from the root's outlet).</summary>
    private int UpdateNumber(int first, int member)
    {
        var number = 1;
        for (var m = 1; m < member; m++)
        {
            if (_plan.Kind[first + m] == SyntheticKind.Update)
                number++;
        }
        return number;
    }

    private (string Lead, bool Wire) CopiedLead(Draft source, SyntheticHouseStyle style, DateTimeOffset published) =>
        source.LeadIsWire && source.Lead.Length > 0 && _random.Chance(0.7) ? (source.Lead, true) : (OwnLead(style, published), style.IsWire);

    private string OwnLead(SyntheticHouseStyle style, DateTimeOffset published) => style.Lead(_facts.City, _facts.Country, published);

    /// <summary>The lead fact first, the others in a random order.</summary>
    private int[] FactOrder(int count)
    {
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        _random.Shuffle(order, start: 1);
        return order;
    }

    /// <summary>A phrasing of the fact not yet used in the story (least used phrasings first), or null when none is found.</summary>
    private string? FreshFact(int fact, bool withTail = true)
    {
        var phrasings = _facts.Type.FactTemplates[fact];
        var use = _factUse[fact];
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var p = attempt < 4 ? LeastUsed(use, phrasings.Length) : _random.Next(phrasings.Length);
            _sb.Clear();
            phrasings[p].Render(_sb, _facts, _random, withTail);
            var sentence = _sb.ToString();
            if (_used.TryAdd(sentence, fact))
            {
                use[p]++;
                return sentence;
            }
        }
        return null;
    }

    /// <summary>
    /// Often one background sentence of the type's generic set, not yet used in the story, after the lead: the only
    /// kind of sentence unrelated stories share, and never more than one to an article.
    /// </summary>
    private void AddGeneric(List<string> sentences)
    {
        if (sentences.Count == 0 || !_random.Chance(GenericChance))
            return;
        var generic = _facts.Type.Generic;
        var start = _random.Next(generic.Length);
        for (var k = 0; k < generic.Length; k++)
        {
            var sentence = generic[(start + k) % generic.Length];
            if (_used.TryAdd(sentence, -1))
            {
                sentences.Insert(_random.Between(1, sentences.Count), sentence);
                return;
            }
        }
    }

    private bool IsGeneric(string sentence) => Array.IndexOf(_facts.Type.Generic, sentence) >= 0;

    private string? Fresh(SyntheticTemplate template)
    {
        for (var attempt = 0; attempt < 6; attempt++)
        {
            _sb.Clear();
            template.Render(_sb, _facts, _random);
            var sentence = _sb.ToString();
            if (_used.TryAdd(sentence, -1))
                return sentence;
        }
        return null;
    }

    /// <summary>
    /// A quote of one of the story's people. Independent reports may repeat a quote another outlet carried (people say
    /// the same thing to everyone); roots and rewrites may not, so a rewrite shares with its source only what it keeps.
    /// </summary>
    private string? FreshQuote(bool allowRepeat)
    {
        var quotes = _facts.Type.QuoteTemplates;
        var q = LeastUsed(_quoteUse, quotes.Length);
        _quoteUse[q]++;
        var (speaker, words) = quotes[q];
        _sb.Clear();
        words.Render(_sb, _facts, _random);
        var text = _sb.ToString();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var sentence = string.Format(CultureInfo.InvariantCulture, _random.Pick(SyntheticVocabulary.QuoteForms),
                text, _facts.Person(speaker), _facts.PersonLast(speaker), _facts.PersonRole(speaker), _facts.City);
            if (_used.TryAdd(sentence, -1) || allowRepeat)
                return sentence;
        }
        return null;
    }

    private string Headline(SyntheticTemplate[] templates, int[] use)
    {
        var h = LeastUsed(use, templates.Length);
        use[h]++;
        _sb.Clear();
        templates[h].Render(_sb, _facts, _random);
        return Capitalise(_sb.ToString());
    }

    /// <summary>The index with the smallest count, ties broken at random.</summary>
    private int LeastUsed(int[] use, int count)
    {
        var best = -1;
        var ties = 0;
        for (var i = 0; i < count; i++)
        {
            if (best < 0 || use[i] < use[best])
            {
                best = i;
                ties = 1;
            }
            else if (use[i] == use[best] && _random.Next(++ties) == 0)
            {
                best = i;
            }
        }
        return best;
    }

    /// <summary>Swaps one word for a synonym; with none available, puts the country in front ("Japan: …").</summary>
    private string Reword(string title)
    {
        var words = title.Split(' ');
        var candidates = new List<int>();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i].TrimEnd(',', ':');
            var lower = word.ToLowerInvariant();
            if ((i == 0 || word == lower) && SyntheticVocabulary.HeadlineSynonyms.ContainsKey(lower))
                candidates.Add(i);
        }
        if (candidates.Count == 0)
            return Capitalise(_facts.Country) + ": " + title;
        var pick = _random.Pick(candidates);
        var original = words[pick];
        var bare = original.TrimEnd(',', ':');
        var replacement = SyntheticVocabulary.HeadlineSynonyms[bare.ToLowerInvariant()];
        if (char.IsUpper(bare[0]))
            replacement = Capitalise(replacement);
        words[pick] = replacement + original[bare.Length..];
        return string.Join(' ', words);
    }

    /// <summary>
    /// Splits sentences into 4–9 paragraphs of 1–3 sentences (fewer paragraphs only when there are fewer sentences).
    /// </summary>
    private string[][] Group(List<string> sentences)
    {
        var count = sentences.Count;
        if (count == 0)
            return [];
        var min = Math.Max((count + 2) / 3, Math.Min(4, count));
        var paragraphs = _random.Between(min, Math.Max(min, Math.Min(9, count)));
        var sizes = new int[paragraphs];
        Array.Fill(sizes, 1);
        for (var extra = count - paragraphs; extra > 0;)
        {
            var i = _random.Next(paragraphs);
            if (sizes[i] < 3)
            {
                sizes[i]++;
                extra--;
            }
        }
        var result = new string[paragraphs][];
        var next = 0;
        for (var p = 0; p < paragraphs; p++)
        {
            result[p] = sentences.GetRange(next, sizes[p]).ToArray();
            next += sizes[p];
        }
        return result;
    }

    private string Body(Draft draft, SyntheticHouseStyle style)
    {
        _sb.Clear();
        _sb.Append(draft.Lead);
        for (var p = 0; p < draft.Paragraphs.Length; p++)
        {
            if (p > 0)
                _sb.Append("\n\n");
            var sentences = draft.Paragraphs[p];
            for (var s = 0; s < sentences.Length; s++)
            {
                if (s > 0)
                    _sb.Append(' ');
                _sb.Append(sentences[s]);
            }
        }
        if (style.Trailer is { } trailer)
            _sb.Append("\n\n").Append(trailer);
        return _sb.ToString();
    }

    private string Url(SyntheticHouseStyle style, DateTimeOffset published, string title, int number)
    {
        _sb.Clear();
        _sb.Append("https://").Append(style.Domain).Append('/')
            .Append(published.Year.ToString("D4", CultureInfo.InvariantCulture)).Append('/')
            .Append(published.Month.ToString("D2", CultureInfo.InvariantCulture)).Append('/')
            .Append(published.Day.ToString("D2", CultureInfo.InvariantCulture)).Append('/');
        var start = _sb.Length;
        var dash = false;
        foreach (var c in title)
        {
            var a = Ascii(c);
            if (a != '\0')
            {
                if (dash && _sb.Length > start)
                    _sb.Append('-');
                dash = false;
                _sb.Append(a);
            }
            else if (c != '\'')
            {
                dash = true;
            }
            if (_sb.Length - start >= 72 && dash)
                break;
        }
        _sb.Append('-').Append(number.ToString(CultureInfo.InvariantCulture));
        return _sb.ToString();
    }

    /// <summary>The slug character of c: lower-case ASCII letter or digit, accents dropped; '\0' for anything else.</summary>
    private static char Ascii(char c)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            return c;
        if (c is >= 'A' and <= 'Z')
            return (char)(c + 32);
        return c switch
        {
            'á' or 'à' or 'â' or 'ã' or 'ä' or 'å' => 'a',
            'é' or 'è' or 'ê' or 'ë' => 'e',
            'í' or 'ì' or 'î' or 'ï' => 'i',
            'ó' or 'ò' or 'ô' or 'õ' or 'ö' or 'ø' => 'o',
            'ú' or 'ù' or 'û' or 'ü' => 'u',
            'ç' or 'č' => 'c',
            'ñ' or 'ń' => 'n',
            'ş' or 'ś' => 's',
            'Ö' => 'o',
            'Ç' => 'c',
            'Ş' => 's',
            _ => '\0',
        };
    }

    private string CreditName(Outlet outlet)
    {
        if (outlet.Aliases.Count == 0 || _random.Chance(0.7))
            return outlet.Name;
        return _random.Pick(outlet.Aliases);
    }

    private static bool IsQuote(string sentence) => sentence.Contains('"', StringComparison.Ordinal);

    private static string Capitalise(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private void ResetUse()
    {
        _used.Clear();
        var type = _facts.Type;
        for (var f = 0; f < type.FactTemplates.Length; f++)
            Array.Clear(_factUse[f]);
        if (_headlineUse.Length != type.HeadlineTemplates.Length)
            _headlineUse = new int[type.HeadlineTemplates.Length];
        Array.Clear(_headlineUse);
        if (_quoteUse.Length != type.QuoteTemplates.Length)
            _quoteUse = new int[type.QuoteTemplates.Length];
        Array.Clear(_quoteUse);
        if (_developmentUse.Length != type.DevelopmentTemplates.Length)
            _developmentUse = new int[type.DevelopmentTemplates.Length];
        Array.Clear(_developmentUse);
    }

    /// <summary>An article before its outlet's wrappers: title without suffix, paragraphs of sentences, dateline.</summary>
    private sealed record Draft(string Title, string[][] Paragraphs, string Lead, bool LeadIsWire);
}
