using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The skeleton of a corpus before any text: how many stories, how each article relates to which earlier one, who
/// publishes it and when, and its place in the file. It is small (a few arrays of N) and built first so that ids,
/// which follow file order, are known before the stories are written in parallel.
/// </summary>
internal sealed class SyntheticPlan
{
    // Mix of the articles that follow a story's root (tunable; they sum to 1). Verbatim copies dominate real wire
    // syndication; independent reports are the clustering-only signal; updates are rare but break "one outlet, one
    // article per story".
    public const double VerbatimShare = 0.35;
    public const double LightEditShare = 0.15;
    public const double RewriteShare = 0.20;
    public const double IndependentShare = 0.25;
    public const double UpdateShare = 0.05;

    /// <summary>Share of multi-article stories first reported by a wire agency; the rest start at a newsroom.</summary>
    public const double WireRootShare = 0.40;

    /// <summary>Share of derived articles stamped a few minutes before their source (publisher clocks disagree).</summary>
    public const double ClockSkewShare = 0.02;

    /// <summary>The most a skewed article precedes its source.</summary>
    public const int MaxClockSkewSeconds = 600;

    // Delays: a copy follows its source log-normally (median 40 min, capped at 18 h), an independent report comes
    // within 6 h of the root, an update 2–24 h after the article it updates.
    private const double CopyDelayMedianSeconds = 2400, CopyDelaySigma = 1.0;
    private const int CopyDelayMinSeconds = 60, CopyDelayMaxSeconds = 18 * 3600;
    private const int IndependentMaxSeconds = 6 * 3600;
    private const int UpdateMinSeconds = 2 * 3600, UpdateMaxSeconds = 24 * 3600;

    /// <summary>Streams of <see cref="SyntheticRandom.For"/>; each purpose draws from its own so they never interfere.</summary>
    public const ulong SizeStream = 1, PlanStream = 2, TextStream = 3, PoolStream = 4, PlaceStream = 5, TypeStream = 6,
        SubjectStream = 7, NameStream = 8, OrgStream = 9;

    private SyntheticPlan(IReadOnlyList<Outlet> outlets, int articles, int stories)
    {
        Outlets = outlets;
        Styles = outlets.Select(SyntheticHouseStyle.For).ToArray();
        Articles = articles;
        Stories = stories;
        StoryStart = new int[stories + 1];
        TypeOf = new int[stories];
        Ordinal = new int[stories];
        Kind = new SyntheticKind[articles];
        Source = new int[articles];
        OutletOf = new int[articles];
        Published = new long[articles];
        Rank = new int[articles];
        Order = new int[articles];
    }

    public IReadOnlyList<Outlet> Outlets { get; }
    public SyntheticHouseStyle[] Styles { get; }
    public int Articles { get; }
    public int Stories { get; }

    // Articles are numbered story by story ("flat" index: StoryStart[s] + member); member 0 is the root.
    public int[] StoryStart { get; }

    /// <summary>Event type of each story (index into <see cref="SyntheticEvents.All"/>).</summary>
    public int[] TypeOf { get; }

    /// <summary>How many earlier stories have the same event type: the story's draw of subject, place and organisation.</summary>
    public int[] Ordinal { get; }
    public SyntheticKind[] Kind { get; }

    /// <summary>Member index (within the story) of the article copied or rewritten, −1 for roots and independents.</summary>
    public int[] Source { get; }
    public int[] OutletOf { get; }

    /// <summary>Unix seconds.</summary>
    public long[] Published { get; }

    /// <summary>Flat index → position in the file (the id is position + 1).</summary>
    public int[] Rank { get; }

    /// <summary>Position in the file → flat index.</summary>
    public int[] Order { get; }

    public static SyntheticPlan Build(SyntheticOptions options)
    {
        var outlets = options.Outlets.Where(o => !o.Demo).ToList();
        var n = options.Articles;

        // Sizes first, in order: the last story is cut so that the corpus holds exactly N articles.
        var sizes = new List<int>();
        var total = 0;
        while (total < n)
        {
            var size = Math.Min(DrawSize(SyntheticRandom.For(options.Seed, SizeStream, sizes.Count)), n - total);
            sizes.Add(size);
            total += size;
        }
        var plan = new SyntheticPlan(outlets, n, sizes.Count);
        for (var s = 0; s < sizes.Count; s++)
            plan.StoryStart[s + 1] = plan.StoryStart[s] + sizes[s];

        // Event types in story order, and each story's rank among those of its type (a short sequential pass).
        var counts = new int[SyntheticEvents.All.Length];
        for (var s = 0; s < sizes.Count; s++)
        {
            var type = SyntheticRandom.For(options.Seed, TypeStream, s).Next(counts.Length);
            plan.TypeOf[s] = type;
            plan.Ordinal[s] = counts[type]++;
        }

        // Roots arrive at a steady rate that gives about PerDay articles a day whatever the mean story size.
        var interval = sizes.Count == 0 ? 0 : 86400.0 * n / sizes.Count / options.PerDay;
        var start = options.Start.ToUnixTimeSeconds();
        var pools = new OutletPools(outlets);
        var chunk = Math.Max(1, sizes.Count / (Environment.ProcessorCount * 8));
        Parallel.For(0, (sizes.Count + chunk - 1) / chunk, c =>
        {
            var used = new List<int>();
            var chain = new List<int>();
            for (var s = c * chunk; s < Math.Min(sizes.Count, (c + 1) * chunk); s++)
                plan.PlanStory(s, options.Seed, start, interval, pools, used, chain);
        });

        // File order: by time, ties by flat index; the id of an article is its position.
        var entries = new Entry[n];
        for (var i = 0; i < n; i++)
            entries[i] = new Entry(plan.Published[i], i);
        Array.Sort(entries);
        for (var position = 0; position < n; position++)
        {
            plan.Order[position] = entries[position].Flat;
            plan.Rank[entries[position].Flat] = position;
        }
        return plan;
    }

    public int StoryOf(int flat)
    {
        var i = Array.BinarySearch(StoryStart, flat);
        if (i >= 0)
        {
            // Several equal starts cannot happen (no story is empty), so this is the story beginning at flat.
            return i;
        }
        return ~i - 1;
    }

    /// <summary>Heavy-tailed: a quarter singletons, most 2–4, some 5–9, one in ten 10–40 (mean about 4.8).</summary>
    private static int DrawSize(SyntheticRandom random)
    {
        var u = random.NextDouble();
        if (u < 0.25)
            return 1;
        if (u < 0.75)
            return random.Between(2, 4);
        if (u < 0.90)
            return random.Between(5, 9);
        var v = random.NextDouble();
        return 10 + (int)(31 * v * v);
    }

    private void PlanStory(int s, long seed, long start, double interval, OutletPools pools, List<int> used, List<int> chain)
    {
        var random = SyntheticRandom.For(seed, PlanStream, s);
        var first = StoryStart[s];
        var size = StoryStart[s + 1] - first;
        var rootTime = start + (long)Math.Floor((s + random.NextDouble() * 0.999) * interval);
        used.Clear();
        chain.Clear();

        // Offsets from the root first; the root's own time is added at the end.
        var offsets = new long[size];
        var rootOutlet = size == 1 ? random.Pick(pools.Singles)
            : random.Chance(WireRootShare) ? random.Pick(pools.Wires) : random.Pick(pools.Newsrooms);
        Kind[first] = size == 1 ? SyntheticKind.Singleton : SyntheticKind.Root;
        Source[first] = -1;
        OutletOf[first] = rootOutlet;
        used.Add(rootOutlet);
        chain.Add(0);

        for (var m = 1; m < size; m++)
        {
            var kind = DrawKind(random);
            var flat = first + m;
            Kind[flat] = kind;
            switch (kind)
            {
                case SyntheticKind.Verbatim or SyntheticKind.LightEdit:
                    Source[flat] = random.Chance(0.7) ? 0 : random.Pick(chain);
                    OutletOf[flat] = PickUnused(random, pools.Republishers, used);
                    offsets[m] = CopyTime(random, offsets[Source[flat]]);
                    break;
                case SyntheticKind.Rewrite:
                    Source[flat] = random.Chance(0.5) ? 0 : random.Pick(chain);
                    OutletOf[flat] = PickUnused(random, pools.Rewriters, used);
                    offsets[m] = CopyTime(random, offsets[Source[flat]]);
                    break;
                case SyntheticKind.Update:
                {
                    // The latest article of the root's outlet in this story: the root or its previous update.
                    var source = 0;
                    foreach (var member in chain)
                    {
                        if (OutletOf[first + member] == rootOutlet)
                            source = member;
                    }
                    Source[flat] = source;
                    OutletOf[flat] = rootOutlet;
                    offsets[m] = random.Chance(ClockSkewShare)
                        ? offsets[source] - random.Between(60, MaxClockSkewSeconds)
                        : offsets[source] + random.Between(UpdateMinSeconds, UpdateMaxSeconds);
                    break;
                }
                default:
                    Source[flat] = -1;
                    OutletOf[flat] = PickUnused(random, pools.Independents, used);
                    offsets[m] = random.Between(60, IndependentMaxSeconds);
                    break;
            }
            if (kind != SyntheticKind.Independent)
                chain.Add(m);
        }
        // Nothing precedes --start, not even a skewed copy of the very first story.
        for (var m = 0; m < size; m++)
            Published[first + m] = Math.Max(start, rootTime + offsets[m]);
    }

    private static SyntheticKind DrawKind(SyntheticRandom random)
    {
        var u = random.NextDouble();
        if ((u -= VerbatimShare) < 0)
            return SyntheticKind.Verbatim;
        if ((u -= LightEditShare) < 0)
            return SyntheticKind.LightEdit;
        if ((u -= RewriteShare) < 0)
            return SyntheticKind.Rewrite;
        if ((u -= IndependentShare) < 0)
            return SyntheticKind.Independent;
        return SyntheticKind.Update;
    }

    /// <summary>Log-normal delay after the source, or (clock skew) a few minutes before it.</summary>
    private static long CopyTime(SyntheticRandom random, long sourceOffset)
    {
        if (random.Chance(ClockSkewShare))
            return sourceOffset - random.Between(60, MaxClockSkewSeconds);
        var delay = CopyDelayMedianSeconds * SyntheticRandom.Exp(CopyDelaySigma * random.Normal());
        return sourceOffset + (long)Math.Clamp(delay, CopyDelayMinSeconds, CopyDelayMaxSeconds);
    }

    /// <summary>An outlet of the pool not yet in the story (so no two articles of a story share a trailer), if one is found quickly.</summary>
    private static int PickUnused(SyntheticRandom random, int[] pool, List<int> used)
    {
        var pick = random.Pick(pool);
        for (var attempt = 0; attempt < 24 && used.Contains(pick); attempt++)
            pick = random.Pick(pool);
        used.Add(pick);
        return pick;
    }

    private readonly record struct Entry(long Time, int Flat) : IComparable<Entry>
    {
        public int CompareTo(Entry other) => Time != other.Time ? Time.CompareTo(other.Time) : Flat.CompareTo(other.Flat);
    }

    /// <summary>Which outlets may play which part, by kind in the directory.</summary>
    private sealed class OutletPools
    {
        public OutletPools(List<Outlet> outlets)
        {
            Wires = Of(outlets, "wire");
            Newsrooms = Of(outlets, "newspaper", "broadcaster");
            Singles = Of(outlets, "wire", "newspaper", "broadcaster", "magazine", "state-media", "blog", "press-release-wire");
            Republishers = Of(outlets, "newspaper", "broadcaster", "aggregator", "state-media", "magazine", "blog");
            Rewriters = Of(outlets, "newspaper", "broadcaster", "magazine", "blog", "state-media", "aggregator");
            Independents = Of(outlets, "newspaper", "broadcaster", "wire", "state-media", "magazine");
        }

        public int[] Wires { get; }
        public int[] Newsrooms { get; }
        public int[] Singles { get; }
        public int[] Republishers { get; }
        public int[] Rewriters { get; }
        public int[] Independents { get; }

        /// <summary>Outlets of these kinds; every outlet when the directory has none (a custom test directory).</summary>
        private static int[] Of(List<Outlet> outlets, params string[] kinds)
        {
            var picked = new List<int>();
            for (var i = 0; i < outlets.Count; i++)
            {
                if (kinds.Contains(outlets[i].Kind))
                    picked.Add(i);
            }
            return picked.Count > 0 ? picked.ToArray() : Enumerable.Range(0, outlets.Count).ToArray();
        }
    }
}
