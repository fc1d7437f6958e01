using System.Text;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The facts of one story: its event type and the values of every slot (people, organisations, place, numbers,
/// weekday). Every article of the story renders its sentences from the same facts, so copies, rewrites and
/// independent reports agree on names and figures the way real coverage of one event does.
/// </summary>
internal sealed class SyntheticStoryFacts
{
    // Each run of PeriodStories consecutive stories (about an hour and a quarter at the default rate) has a few "hot"
    // places, so a few unrelated stories of the same hour are set in the same city.
    public const int PeriodStories = 200;
    private const int PoolPlaces = 12;
    private const double PoolPlaceChance = 0.04;

    /// <summary>
    /// Politicians who recur: a fixed cabinet of this many, from which a story's political slot is filled with
    /// <see cref="PoolPoliticianChance"/>. Everyone else gets a full name of their own (names are drawn without
    /// replacement over the story index), so a full name shared by two stories is a deliberate hard negative: the
    /// same minister in two unrelated stories, a few percent of stories within two days.
    /// </summary>
    public const int PoolPoliticians = 60;
    public const double PoolPoliticianChance = 0.05;

    private static readonly int NameSpace = SyntheticVocabulary.FirstNames.Length * SyntheticVocabulary.LastNames.Length;
    private static readonly int StemCount = SyntheticVocabulary.StemStarts.Length * SyntheticVocabulary.StemEnds.Length;

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

    public static SyntheticStoryFacts Draw(long seed, int story, int typeIndex, int ordinal, DateTimeOffset rootPublished, SyntheticRandom random)
    {
        var type = SyntheticEvents.All[typeIndex];
        var values = new string[(int)SyntheticSlot.N5 + 1];
        var period = story / PeriodStories;
        var typeKey = (ulong)typeIndex * 16;

        var names = new SyntheticPermutation(SyntheticRandom.Mix(seed, SyntheticPlan.NameStream, 0), NameSpace);
        var lastCount = SyntheticVocabulary.LastNames.Length;
        var lasts = new int[3];
        for (var p = 0; p < 3; p++)
        {
            int name;
            string role;
            var pool = p == type.PoliticalSlot && random.Chance(PoolPoliticianChance) ? PoolPolitician(type.Roles[p], random) : -1;
            if (pool >= 0)
            {
                name = names.Map(NameSpace - PoolPoliticians + pool);
                role = SyntheticVocabulary.PoliticalRoles[pool % SyntheticVocabulary.PoliticalRoles.Length];
            }
            else
            {
                name = names.Map((3L * story + p) % (NameSpace - PoolPoliticians));
                role = random.Pick(type.Roles[p]);
            }
            var first = name / lastCount;
            var last = name % lastCount;
            // Two people of one story never share a surname ({p1.last} must say who is meant).
            while (Array.IndexOf(lasts, last, 0, p) >= 0)
                last = (last + 1) % lastCount;
            lasts[p] = last;
            var lastName = SyntheticVocabulary.LastNames[last];
            values[(int)SyntheticSlot.P1 + 4 * p] = SyntheticVocabulary.FirstNames[first] + " " + lastName;
            values[(int)SyntheticSlot.P1Last + 4 * p] = lastName;
            values[(int)SyntheticSlot.P1Role + 4 * p] = role;
            values[(int)SyntheticSlot.P1Title + 4 * p] = Title(role);
        }

        // Places of a type go round all cities before one repeats; a few stories take one of the hour's hot places.
        var places = SyntheticVocabulary.Places.Length;
        var place = random.Chance(PoolPlaceChance)
            ? SyntheticRandom.For(seed, SyntheticPlan.PlaceStream, period * 1000L + random.Next(PoolPlaces)).Next(places)
            : new SyntheticPermutation(SyntheticRandom.Mix(seed, SyntheticPlan.PlaceStream, 1 + typeIndex), places).Map(ordinal);
        (values[(int)SyntheticSlot.City], values[(int)SyntheticSlot.Country]) = SyntheticVocabulary.Places[place];

        values[(int)SyntheticSlot.Org] = OrgName(type.Org, type, seed, typeKey, ordinal, random, null);
        values[(int)SyntheticSlot.Org2] = OrgName(type.Org2, type, seed, typeKey + 1, ordinal, random, values[(int)SyntheticSlot.Org]);
        values[(int)SyntheticSlot.Issue] = type.Issues.Length > 0 ? random.Pick(type.Issues) : "";
        var subject = new SyntheticPermutation(SyntheticRandom.Mix(seed, SyntheticPlan.SubjectStream, typeIndex), type.SubjectCount).Map(ordinal);
        (values[(int)SyntheticSlot.S1], values[(int)SyntheticSlot.S2], values[(int)SyntheticSlot.S3]) = type.Subject(subject,
            length => new SyntheticPermutation(SyntheticRandom.Mix(seed, SyntheticPlan.SubjectStream, 1000 + typeIndex), length).Map(ordinal));

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

    /// <summary>A member of the cabinet whose role fits the slot, or −1 when none does.</summary>
    private static int PoolPolitician(string[] roles, SyntheticRandom random)
    {
        var start = random.Next(PoolPoliticians);
        for (var k = 0; k < PoolPoliticians; k++)
        {
            var member = (start + k) % PoolPoliticians;
            if (Array.IndexOf(roles, SyntheticVocabulary.PoliticalRoles[member % SyntheticVocabulary.PoliticalRoles.Length]) >= 0)
                return member;
        }
        return -1;
    }

    /// <summary>
    /// Names of companies, banks, operators, institutes and clubs are drawn without replacement per type and slot
    /// (the k-th story of a type gets the k-th name of a keyed permutation of the name space); the few parties,
    /// unions and movements are drawn at random.
    /// </summary>
    private static string OrgName(SyntheticOrgKind kind, SyntheticEventType type, long seed, ulong key, int ordinal, SyntheticRandom random, string? other)
    {
        string Stem(int i) => SyntheticVocabulary.StemStarts[i % SyntheticVocabulary.StemStarts.Length] + SyntheticVocabulary.StemEnds[i / SyntheticVocabulary.StemStarts.Length];
        int Draw(int space) => new SyntheticPermutation(SyntheticRandom.Mix(seed, SyntheticPlan.OrgStream, (long)key), space).Map(ordinal);
        int i;
        switch (kind)
        {
            case SyntheticOrgKind.Company:
                i = Draw(StemCount * SyntheticVocabulary.CompanyEndings.Length);
                return Stem(i % StemCount) + " " + SyntheticVocabulary.CompanyEndings[i / StemCount];
            case SyntheticOrgKind.Bank:
                i = Draw(StemCount * SyntheticVocabulary.BankEndings.Length);
                return Stem(i % StemCount) + " " + SyntheticVocabulary.BankEndings[i / StemCount];
            case SyntheticOrgKind.Operator:
                i = Draw(StemCount * SyntheticVocabulary.OperatorEndings.Length);
                return Stem(i % StemCount) + " " + SyntheticVocabulary.OperatorEndings[i / StemCount];
            case SyntheticOrgKind.Institute:
                i = Draw(StemCount * type.Fields.Length * 2);
                var field = type.Fields[i / StemCount % type.Fields.Length];
                return i / StemCount / type.Fields.Length == 0 ? $"{Stem(i % StemCount)} Institute of {field}" : $"{Stem(i % StemCount)} Centre for {field}";
            case SyntheticOrgKind.Team:
            {
                var places = SyntheticVocabulary.Places.Length;
                i = Draw(places * SyntheticVocabulary.TeamNames.Length);
                var nickname = i / places;
                // Two clubs of a final must not share a nickname ("Lyon Falcons" against "Cork Falcons").
                if (other is not null && LastWord(other) == SyntheticVocabulary.TeamNames[nickname])
                    nickname = (nickname + 1) % SyntheticVocabulary.TeamNames.Length;
                return $"{SyntheticVocabulary.Places[i % places].City} {SyntheticVocabulary.TeamNames[nickname]}";
            }
        }
        for (var attempt = 0; ; attempt++)
        {
            var name = kind switch
            {
                SyntheticOrgKind.Party => $"{random.Pick(SyntheticVocabulary.PartyWords)} {random.Pick(SyntheticVocabulary.PartyNouns)} Party",
                SyntheticOrgKind.Union => random.Chance(0.5)
                    ? $"National Union of {random.Pick(SyntheticVocabulary.UnionSectors)} Workers"
                    : $"{random.Pick(SyntheticVocabulary.UnionSectors)} Workers' Union",
                SyntheticOrgKind.Movement => $"{random.Pick(SyntheticVocabulary.MovementWords)} {random.Pick(SyntheticVocabulary.MovementNouns)} {random.Pick(SyntheticVocabulary.MovementEndings)}",
                _ => "",
            };
            if (other is null || name != other || attempt >= 8)
                return name;
        }
    }

    private static string LastWord(string name) => name[(name.LastIndexOf(' ') + 1)..];

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
