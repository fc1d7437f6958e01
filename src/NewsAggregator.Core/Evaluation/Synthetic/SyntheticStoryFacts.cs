using System.Text;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The facts of one story: its event type and the values of every slot (people, organisations, place, numbers,
/// weekday). Every article of the story renders its sentences from the same facts, so copies, rewrites and
/// independent reports agree on names and figures the way real coverage of one event does.
/// </summary>
internal sealed class SyntheticStoryFacts
{
    // Each run of PeriodStories consecutive stories (about an hour and a quarter at the default rate) shares a pool
    // of politicians and of "hot" places, so unrelated stories of the same day name the same minister or city.
    public const int PeriodStories = 200;
    private const int PoolPoliticians = 24, PoolPlaces = 12;
    private const double PoolPoliticianChance = 0.35, PoolPlaceChance = 0.25;

    private SyntheticStoryFacts(SyntheticEventType type, string[] values, string[] whenPhrases)
    {
        Type = type;
        Tails = type.Tails ?? SyntheticVocabulary.Tails;
        Values = values;
        WhenPhrases = whenPhrases;
    }

    public SyntheticEventType Type { get; }

    /// <summary>Indexed by <see cref="SyntheticSlot"/> (all but the two drawn at rendering).</summary>
    public string[] Values { get; }

    public string[] WhenPhrases { get; }

    /// <summary>Values of {tail} for this story's event type.</summary>
    public string[] Tails { get; }

    public string City => Values[(int)SyntheticSlot.City];
    public string Country => Values[(int)SyntheticSlot.Country];
    public string Day => Values[(int)SyntheticSlot.Day];

    public string Person(int p) => Values[(int)SyntheticSlot.P1 + 4 * p];
    public string PersonLast(int p) => Values[(int)SyntheticSlot.P1Last + 4 * p];
    public string PersonRole(int p) => Values[(int)SyntheticSlot.P1Role + 4 * p];

    public static SyntheticStoryFacts Draw(long seed, int story, DateTimeOffset rootPublished, SyntheticRandom random)
    {
        var type = random.Pick(SyntheticEvents.All);
        var values = new string[(int)SyntheticSlot.N5 + 1];
        var period = story / PeriodStories;

        var lasts = new string[3];
        for (var p = 0; p < 3; p++)
        {
            string first, last, role;
            var attempt = 0;
            do
            {
                (first, last, role) = p == type.PoliticalSlot && random.Chance(PoolPoliticianChance)
                    ? PoolPolitician(seed, period, random.Next(PoolPoliticians), type.Roles[p], random)
                    : (random.Pick(SyntheticVocabulary.FirstNames), random.Pick(SyntheticVocabulary.LastNames), random.Pick(type.Roles[p]));
            }
            while (++attempt < 8 && Array.IndexOf(lasts, last, 0, p) >= 0);
            lasts[p] = last;
            values[(int)SyntheticSlot.P1 + 4 * p] = first + " " + last;
            values[(int)SyntheticSlot.P1Last + 4 * p] = last;
            values[(int)SyntheticSlot.P1Role + 4 * p] = role;
            values[(int)SyntheticSlot.P1Title + 4 * p] = Title(role);
        }

        var place = random.Chance(PoolPlaceChance)
            ? SyntheticRandom.For(seed, SyntheticPlan.PlaceStream, period * 1000L + random.Next(PoolPlaces)).Next(SyntheticVocabulary.Places.Length)
            : random.Next(SyntheticVocabulary.Places.Length);
        (values[(int)SyntheticSlot.City], values[(int)SyntheticSlot.Country]) = SyntheticVocabulary.Places[place];

        values[(int)SyntheticSlot.Org] = OrgName(type.Org, type, random, null);
        values[(int)SyntheticSlot.Org2] = OrgName(type.Org2, type, random, values[(int)SyntheticSlot.Org]);
        values[(int)SyntheticSlot.Issue] = type.Issues.Length > 0 ? random.Pick(type.Issues) : "";

        // The event happened on the root's weekday, sometimes the day before (reports often run the next morning).
        var day = random.Chance(0.8) ? rootPublished : rootPublished.AddDays(-1);
        values[(int)SyntheticSlot.Day] = day.DayOfWeek.ToString();
        for (var i = 0; i < 5; i++)
            values[(int)SyntheticSlot.N1 + i] = type.Numbers[i].Draw(random);

        var when = new string[SyntheticVocabulary.WhenPatterns.Length];
        for (var i = 0; i < when.Length; i++)
            when[i] = SyntheticVocabulary.WhenPatterns[i].Replace("{0}", values[(int)SyntheticSlot.Day], StringComparison.Ordinal);
        return new SyntheticStoryFacts(type, values, when);
    }

    /// <summary>
    /// A politician of the period's pool whose role fits the slot; a few tries, then a fresh name. The pool member is
    /// derived from the seed, period and number alone, so every story of the period sees the same person.
    /// </summary>
    private static (string First, string Last, string Role) PoolPolitician(long seed, int period, int start, string[] roles, SyntheticRandom random)
    {
        for (var k = 0; k < PoolPoliticians; k++)
        {
            var member = SyntheticRandom.For(seed, SyntheticPlan.PoolStream, period * 1000L + (start + k) % PoolPoliticians);
            var first = member.Pick(SyntheticVocabulary.FirstNames);
            var last = member.Pick(SyntheticVocabulary.LastNames);
            var role = member.Pick(SyntheticVocabulary.PoliticalRoles);
            if (Array.IndexOf(roles, role) >= 0)
                return (first, last, role);
        }
        return (random.Pick(SyntheticVocabulary.FirstNames), random.Pick(SyntheticVocabulary.LastNames), random.Pick(roles));
    }

    private static string OrgName(SyntheticOrgKind kind, SyntheticEventType type, SyntheticRandom random, string? other)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = kind switch
            {
                SyntheticOrgKind.Company => Stem(random) + " " + random.Pick(SyntheticVocabulary.CompanyEndings),
                SyntheticOrgKind.Bank => Stem(random) + " " + random.Pick(SyntheticVocabulary.BankEndings),
                SyntheticOrgKind.Operator => Stem(random) + " " + random.Pick(SyntheticVocabulary.OperatorEndings),
                SyntheticOrgKind.Party => $"{random.Pick(SyntheticVocabulary.PartyWords)} {random.Pick(SyntheticVocabulary.PartyNouns)} Party",
                SyntheticOrgKind.Union => random.Chance(0.5)
                    ? $"National Union of {random.Pick(SyntheticVocabulary.UnionSectors)} Workers"
                    : $"{random.Pick(SyntheticVocabulary.UnionSectors)} Workers' Union",
                SyntheticOrgKind.Team => $"{random.Pick(SyntheticVocabulary.Places).City} {random.Pick(SyntheticVocabulary.TeamNames)}",
                SyntheticOrgKind.Institute => random.Chance(0.5)
                    ? $"{Stem(random)} Institute of {random.Pick(type.Fields)}"
                    : $"{Stem(random)} Centre for {random.Pick(type.Fields)}",
                SyntheticOrgKind.Movement => $"{random.Pick(SyntheticVocabulary.MovementWords)} {random.Pick(SyntheticVocabulary.MovementNouns)} {random.Pick(SyntheticVocabulary.MovementEndings)}",
                _ => "",
            };
            // Two clubs of a final must not share a nickname ("Lyon Falcons" against "Cork Falcons").
            var clash = other is not null && (name == other || (kind == SyntheticOrgKind.Team && LastWord(name) == LastWord(other)));
            if (!clash || attempt >= 8)
                return name;
        }
    }

    private static string LastWord(string name) => name[(name.LastIndexOf(' ') + 1)..];

    private static string Stem(SyntheticRandom random) =>
        random.Pick(SyntheticVocabulary.StemStarts) + random.Pick(SyntheticVocabulary.StemEnds);

    /// <summary>"lawyer for the plaintiffs" → "Lawyer for the Plaintiffs", for roles written before a name.</summary>
    private static string Title(string role)
    {
        var sb = new StringBuilder(role.Length);
        var words = role.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0)
                sb.Append(' ');
            var w = words[i];
            if (i > 0 && SyntheticVocabulary.SmallWords.Contains(w))
                sb.Append(w);
            else
                sb.Append(char.ToUpperInvariant(w[0])).Append(w, 1, w.Length - 1);
        }
        return sb.ToString();
    }
}
