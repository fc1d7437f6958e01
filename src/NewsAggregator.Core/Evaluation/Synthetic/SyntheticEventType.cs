namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// One kind of news event (earthquake, merger, …): who takes part, which numbers it has, and every way the project's
/// own templates can state its facts. Fact 0 is the lead; each fact has several phrasings so that independent reports
/// and rewrites can say the same thing in other words.
/// </summary>
internal sealed class SyntheticEventType
{
    /// <summary>Minimums the catalogue promises (and a test checks): enough variety for rewrites and independents.</summary>
    public const int MinHeadlines = 4, MinFacts = 6, MinPhrasings = 3, MinQuotes = 3, MinDevelopments = 3, MinGeneric = 4;

    /// <summary>Fewest distinct subjects a type may have, so two unrelated stories of a type rarely share one.</summary>
    public const int MinSubjects = 3000;

    public required string Name { get; init; }

    /// <summary>Role options of the three people {p1}, {p2}, {p3}.</summary>
    public required string[][] Roles { get; init; }

    /// <summary>
    /// The person slot a politician of the period's pool may fill (−1: none). The pool is what makes the same minister
    /// appear in unrelated stories of the same day: a hard negative for clustering on names.
    /// </summary>
    public int PoliticalSlot { get; init; } = -1;

    public SyntheticOrgKind Org { get; init; }
    public SyntheticOrgKind Org2 { get; init; }

    /// <summary>Fields of study for an <see cref="SyntheticOrgKind.Institute"/>.</summary>
    public string[] Fields { get; init; } = [];

    /// <summary>Values of {issue}: what is protested, recalled, discovered, charged.</summary>
    public string[] Issues { get; init; } = [];

    /// <summary>
    /// What the story is about, in groups of three part lists: {s1}, {s2} and {s3} take one value from each list of
    /// one group, so a group holds the product of its list lengths and the type the sum over its groups (a recalled
    /// product with a defect of its own kind, a disease with a finding). Stories draw subjects without replacement.
    /// </summary>
    public required string[][][] Subjects { get; init; }

    /// <summary>
    /// Background sentences of the kind every report of this type may carry ("Aftershocks are common after large
    /// quakes"), with no slot: the only sentences shared by unrelated stories, at most one to an article.
    /// </summary>
    public required string[] Generic { get; init; }

    /// <summary>How many distinct subjects the groups hold.</summary>
    public int SubjectCount { get; private set; }

    /// <summary>Values of {tail} when the general ones ("officials said") do not fit the field (science, sport).</summary>
    public string[]? Tails { get; init; }

    /// <summary>Ranges of {n1} to {n5}; {n5} is the new figure of updates.</summary>
    public required SyntheticNumber[] Numbers { get; init; }

    public required string[] Headlines { get; init; }
    public required string[][] Facts { get; init; }

    /// <summary>"speaker|words": the speaker is 1, 2 or 3 ({p1}…{p3}); the words have no closing punctuation.</summary>
    public required string[] Quotes { get; init; }

    /// <summary>New facts an update leads with.</summary>
    public required string[] Developments { get; init; }

    /// <summary>Headline of an update leading with the development of the same index.</summary>
    public required string[] UpdateHeadlines { get; init; }

    public SyntheticTemplate[] HeadlineTemplates { get; private set; } = [];
    public SyntheticTemplate[][] FactTemplates { get; private set; } = [];
    public (int Speaker, SyntheticTemplate Words)[] QuoteTemplates { get; private set; } = [];
    public SyntheticTemplate[] DevelopmentTemplates { get; private set; } = [];
    public SyntheticTemplate[] UpdateHeadlineTemplates { get; private set; } = [];

    /// <summary>Parses every template and checks the promised minimums; a mistake stops the first generation.</summary>
    public SyntheticEventType Compile()
    {
        if (Roles.Length != 3 || Roles.Any(r => r.Length == 0) || Numbers.Length != 5)
            throw new InvalidOperationException($"{Name}: needs three role lists and five number ranges");
        if (Headlines.Length < MinHeadlines || Facts.Length < MinFacts || Facts.Any(f => f.Length < MinPhrasings)
            || Quotes.Length < MinQuotes || Developments.Length < MinDevelopments || UpdateHeadlines.Length != Developments.Length)
            throw new InvalidOperationException($"{Name}: fewer templates than the catalogue promises");
        if (Generic.Length < MinGeneric || Generic.Any(g => g.Contains('{', StringComparison.Ordinal)))
            throw new InvalidOperationException($"{Name}: needs {MinGeneric} generic sentences without slots");
        if (Subjects.Length == 0 || Subjects.Any(g => g.Length != 3 || g.Any(part => part.Length == 0)))
            throw new InvalidOperationException($"{Name}: every subject group needs three non-empty part lists");
        SubjectCount = Subjects.Sum(g => g[0].Length * g[1].Length * g[2].Length);
        if (SubjectCount < MinSubjects)
            throw new InvalidOperationException($"{Name}: only {SubjectCount} subjects");
        HeadlineTemplates = Headlines.Select(SyntheticTemplate.Parse).ToArray();
        FactTemplates = Facts.Select(f => f.Select(SyntheticTemplate.Parse).ToArray()).ToArray();
        QuoteTemplates = Quotes.Select(q =>
        {
            var bar = q.IndexOf('|', StringComparison.Ordinal);
            var speaker = bar == 1 && q[0] is >= '1' and <= '3' ? q[0] - '1' : throw new InvalidOperationException($"{Name}: quote without speaker: {q}");
            return (speaker, SyntheticTemplate.Parse(q[(bar + 1)..]));
        }).ToArray();
        DevelopmentTemplates = Developments.Select(SyntheticTemplate.Parse).ToArray();
        UpdateHeadlineTemplates = UpdateHeadlines.Select(SyntheticTemplate.Parse).ToArray();
        if (Issues.Length == 0 && AllTemplates().Any(t => t.Uses(SyntheticSlot.Issue)))
            throw new InvalidOperationException($"{Name}: a template uses {{issue}} but the type has no issues");
        // Every sentence but the generic ones names something of this story alone, so unrelated stories of a type
        // never share a sentence; every headline names the subject, a person, a unique organisation or the place.
        var vague = FactTemplates.SelectMany(f => f).Concat(DevelopmentTemplates).Where(t => !IsSpecific(t))
            .Concat(QuoteTemplates.Select(q => q.Words).Where(t => !IsSpecific(t, quote: true)))
            .Concat(HeadlineTemplates.Concat(UpdateHeadlineTemplates).Where(t => !IsSpecific(t) && !t.Uses(SyntheticSlot.City)))
            .Select(t => t.Text).ToList();
        if (vague.Count > 0)
            throw new InvalidOperationException($"{Name}: names nothing of its own story: {string.Join(" | ", vague)}");
        return this;
    }

    /// <summary>Fewest renderings a sentence must have (<see cref="Variety"/>) so unrelated stories never repeat it.</summary>
    public const double MinVariety = 5e4;

    /// <summary>
    /// Whether the sentence is story-specific: the product of the number of values its slots can take is at least
    /// <see cref="MinVariety"/>. A person other than the recurring politician of <see cref="PoliticalSlot"/> or an
    /// organisation drawn without replacement alone suffices; a short subject part needs numbers or a second part.
    /// </summary>
    public bool IsSpecific(SyntheticTemplate t, bool quote = false) => Variety(t, quote) >= MinVariety;

    /// <summary>Part lists at least this long are drawn without replacement on their own (names of places, decrees).</summary>
    public const int NamePartMin = 800;

    /// <summary>Stands for "unique among the stories of a type for days": a name drawn without replacement.</summary>
    private const double Unique = 1e6;

    /// <summary>
    /// How many different sentences the template can render for different stories of the type: slot value counts
    /// multiplied, where a value drawn without replacement (the whole subject, a name part, an organisation, a person
    /// who is not the recurring politician) counts as unique. A quote also names its speaker (a surname at least).
    /// </summary>
    public double Variety(SyntheticTemplate t, bool quote = false)
    {
        var variety = quote ? SyntheticVocabulary.LastNames.Length : 1.0;
        for (var p = 0; p < 3; p++)
        {
            if (t.Uses(SyntheticSlot.P1 + 4 * p) && PoliticalSlot != p)
                variety *= Unique;
        }
        if (t.Uses(SyntheticSlot.Org) && IsUnique(Org))
            variety *= Unique;
        if (t.Uses(SyntheticSlot.Org2) && IsUnique(Org2))
            variety *= Unique;
        if (t.Uses(SyntheticSlot.S1) && t.Uses(SyntheticSlot.S2) && t.Uses(SyntheticSlot.S3))
        {
            variety *= Unique;
        }
        else
        {
            for (var part = 0; part < 3; part++)
            {
                if (t.Uses(SyntheticSlot.S1 + part))
                    variety *= IsNamePart(part) ? Unique : Subjects.Min(g => g[part].Length);
            }
        }
        for (var n = 0; n < 5; n++)
        {
            if (t.Uses(SyntheticSlot.N1 + n))
                variety *= Numbers[n].Count;
        }
        if (t.Uses(SyntheticSlot.City))
            variety *= 100;
        return variety;
    }

    /// <summary>Whether subject part <paramref name="part"/> is a long name list in every group (drawn without replacement).</summary>
    public bool IsNamePart(int part) => Subjects.All(g => g[part].Length >= NamePartMin);

    /// <summary>Organisation kinds whose names come from a large space, drawn without replacement per type.</summary>
    public static bool IsUnique(SyntheticOrgKind kind) =>
        kind is SyntheticOrgKind.Company or SyntheticOrgKind.Bank or SyntheticOrgKind.Operator or SyntheticOrgKind.Institute or SyntheticOrgKind.Team;

    /// <summary>The subject parts of subject number <paramref name="index"/> (0 ≤ index &lt; <see cref="SubjectCount"/>).</summary>
    /// <summary>
    /// The subject parts of subject number <paramref name="index"/> (0 ≤ index &lt; <see cref="SubjectCount"/>); a
    /// name part (a list of <see cref="NamePartMin"/> or more) takes <paramref name="name"/> of its list instead, so
    /// that the name alone is drawn without replacement.
    /// </summary>
    public (string S1, string S2, string S3) Subject(int index, Func<int, int> name)
    {
        foreach (var g in Subjects)
        {
            var size = g[0].Length * g[1].Length * g[2].Length;
            if (index < size)
            {
                int[] digits = [index % g[0].Length, index / g[0].Length % g[1].Length, index / (g[0].Length * g[1].Length)];
                for (var part = 0; part < 3; part++)
                {
                    if (g[part].Length >= NamePartMin)
                        digits[part] = name(g[part].Length);
                }
                return (g[0][digits[0]], g[1][digits[1]], g[2][digits[2]]);
            }
            index -= size;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    public IEnumerable<SyntheticTemplate> AllTemplates() =>
        HeadlineTemplates.Concat(FactTemplates.SelectMany(f => f)).Concat(QuoteTemplates.Select(q => q.Words))
            .Concat(DevelopmentTemplates).Concat(UpdateHeadlineTemplates);
}
