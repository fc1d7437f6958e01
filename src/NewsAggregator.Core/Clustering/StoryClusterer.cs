using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Clustering;

/// <summary>A story as the database keeps it: what a restart needs besides the members' features.</summary>
public sealed record StoryState(long Id, int Members, long OldestMs, long NewestMs);

/// <summary>
/// The clustering engine (ARCHITECTURE step 6): candidates from an in-memory index (MinHash LSH bands for copies,
/// an inverted index of rare title and lead terms for rewrites and independent reports), each verified with
/// SimMetrics, then the article joins the story that scores best as a whole, merges stories it bridges, or starts
/// its own. Single-threaded by design: one consumer, in ingest order, so the same order always gives the same
/// stories. Everything in here can be rebuilt from stored features (<see cref="Restore"/>), and nothing in it
/// depends on the order of dictionary enumeration or on floating-point sums taken in a different order.
/// </summary>
public sealed class StoryClusterer
{
    private readonly ClusteringOptions _options;
    private readonly PairVerifier _verifier;
    private readonly long _windowMs;
    private readonly int _rows;

    // Document frequencies over every clustered article (current version): rarity for term weights.
    private readonly Dictionary<uint, int> _documentFrequency = new();
    private int _documents;

    // The window: articles first seen within WindowHours of the newest first-seen time, evicted oldest first. First
    // seen, not published: a new feed's backlog of last week's items arrives at once and must meet its own
    // stories; and it is stored, so a restart or a re-clustering rebuilds the same window. Candidates must also be
    // published within WindowHours of each other.
    private readonly PriorityQueue<Entry, (long, long)> _byTime = new();
    private readonly Dictionary<long, Entry> _entries = new();
    private readonly Dictionary<ulong, List<Entry>> _bands = new();
    private readonly Dictionary<uint, List<Entry>> _postings = new();
    private readonly Dictionary<uint, List<Entry>> _sentences = new();
    private readonly Dictionary<uint, int> _liveSentences = new();
    private const int MaxSentenceSharing = 64;
    // Live (not evicted) postings per term: lists keep evicted entries until they reach the front, and a count
    // that included them would differ between a long-running engine and a restored one.
    private readonly Dictionary<uint, int> _livePostings = new();
    private readonly Dictionary<long, Story> _stories = new();
    private long _newestMs = long.MinValue;
    private long _indexed;
    private long _lookups;
    private readonly List<Entry> _hits = new();

    public StoryClusterer(ClusteringOptions options)
    {
        _options = options;
        _verifier = new PairVerifier(options);
        _windowMs = (long)(options.WindowHours * 3_600_000);
        _rows = MinHasher.Length / options.MinHashBands;
    }

    public int WindowCount => _entries.Count;
    public int Documents => _documents;

    // How many live stories use each term. A word every strike report uses ("union", "walk out") is spread over
    // many stories; a word one story repeats ("Plosser", "taper") is not, however many articles use it. Document
    // rarity alone cannot tell these apart; story rarity can.
    private readonly Dictionary<uint, int> _storySpread = new();

    private void StorySpread(uint term, int delta) => Count(_storySpread, term, delta);

    // A counter per key that forgets keys at zero (so memory follows the window, not history).
    private static void Count(Dictionary<uint, int> counts, uint key, int delta)
    {
        var n = counts.GetValueOrDefault(key) + delta;
        if (n > 0)
            counts[key] = n;
        else
            counts.Remove(key);
    }

    // Terms SimMetrics compares: those used by at most InformativeSpread of the live stories (and never fewer than 10).
    private bool Informative(uint term) => _storySpread.GetValueOrDefault(term) <= Math.Max(10, _options.InformativeSpread * _stories.Count);

    // What SimMetrics sees of an article: its informative terms only (all of them when InformativeSpread is 1).
    private ArticleFeatures Compared(ArticleFeatures features) =>
        _options.InformativeSpread < 1 ? PairVerifier.Informative(features, Informative) : features;

    // The same for an indexed article, whose title and lead are split once for all the pairs it takes part in.
    private ArticleFeatures Compared(Entry entry) =>
        _options.InformativeSpread < 1 ? PairVerifier.Informative(entry.Features, entry.Title, entry.Lead, Informative) : entry.Features;

    public double StoryRarity(uint term) => Math.Log((_stories.Count + 1.0) / (_storySpread.GetValueOrDefault(term) + 1.0)) + 1.0;

    // Document rarity times story rarity: what one story repeats weighs, what every story of a kind says does not.
    private double TermWeight(uint term) => Idf(term) * StoryRarity(term);
    // Candidates verified per story: the story is judged as a whole (its centroid), so a second member only guards
    // against the first being an odd one; more would crowd out other stories.
    private const int PerStory = 2;

    // Tokens from which a text counts as having a body (a paragraph), not only a headline or a one-line summary.
    private const int MinBodyTokens = 25;


    public double Idf(uint term) => Math.Log((_documents + 1.0) / (_documentFrequency.GetValueOrDefault(term) + 1.0)) + 1.0;

    /// <summary>Clusters one article (a new one, or a new version of one already clustered).</summary>
    /// <param name="previous">For a new version of a clustered article: the features stored for the version before and its story.</param>
    public (ClusterDecision Decision, ArticleFeatures Features) Add(ArticleFeatures features, (ArticleFeatures Features, long StoryId)? previous = null)
    {
        features = features with { IndexTerms = FeatureExtractor.ChooseIndexTerms(features, Idf, _options.IndexTermsPerArticle) };
        if (previous is { } p)
            return (Update(features, p.Features, p.StoryId), features);

        var found = FindCandidates(features);
        var candidates = found.Select(f => f.Pair).ToList();
        var stories = ScoreStories(features, candidates);
        var best = stories.Count > 0 && stories[0].Score >= _options.JoinThreshold ? stories[0] : null;

        Story story;
        var merged = new List<long>();
        if (best is null)
        {
            story = new Story(features.ArticleId, features.PublishedMs);
            _stories[story.Id] = story;
        }
        else
        {
            story = _stories[best.StoryId];
            foreach (var other in stories.Skip(1).Where(s => s.Score >= _options.MergeThreshold))
            {
                // An editor said these are different stories: the article joins the best one and bridges nothing.
                if (!Apart(story.Id, other.StoryId))
                    story = Merge(story, _stories[other.StoryId], merged);
            }
        }

        var members = found.Where(f => f.Entry.Story.Resolve() == story).Select(f => f.Pair).ToList();
        if (members.Count > 0 && ReusedMember(features, story) is { } reuse && members.All(m => m.ArticleId != reuse.Features.ArticleId))
        {
            // The member whose sentences this article reuses was not among the candidates: verify it too, so that
            // the relation names the right source (and the decision shows its scores).
            var gap = Math.Abs(features.PublishedMs - reuse.Features.PublishedMs) / 3_600_000.0;
            var pair = new CandidatePair(reuse.Features.ArticleId, story.Id, CandidateChannel.Passages, 0, Math.Round(gap, 2),
                _verifier.Score(Compared(features), Compared(reuse))) { OutletId = reuse.Features.OutletId };
            members.Add(pair);
            candidates.Add(pair);
        }
        // A credited outlet's article in the story that was not a candidate: verified too, should no candidate do.
        CandidatePair? creditedElsewhere = null;
        if (members.Count > 0 && features.CitedOutlets.Count > 0 && !members.Any(m => features.CitedOutlets.Contains(m.OutletId))
            && story.Window.FirstOrDefault(e => features.CitedOutlets.Contains(e.Features.OutletId) && e.Features.ArticleId != features.ArticleId) is { } source)
        {
            var gap = Math.Abs(features.PublishedMs - source.Features.PublishedMs) / 3_600_000.0;
            creditedElsewhere = new CandidatePair(source.Features.ArticleId, story.Id, CandidateChannel.Credit, 0, Math.Round(gap, 2),
                _verifier.Score(Compared(features), Compared(source))) { OutletId = source.Features.OutletId };
        }
        var (relation, nearest) = Relate(members, features.CitedOutlets, creditedElsewhere, _options.DuplicateResemblance, _options.RewriteSharedSentences);
        if (nearest is not null && nearest == creditedElsewhere)
            candidates.Add(nearest);

        var earlier = story.Window.Select(e => e.Features.ArticleId).ToArray();
        Insert(features, story);
        var decision = new ClusterDecision
        {
            StoryMembers = earlier,
            ArticleId = features.ArticleId,
            Version = features.Version,
            StoryId = story.Id,
            Action = best is null ? ClusterAction.NewStory : merged.Count > 0 ? ClusterAction.JoinedAndMerged : ClusterAction.Joined,
            Relation = relation,
            NearestArticleId = nearest?.ArticleId,
            Score = best?.Score ?? 0,
            MergedStories = merged,
            Candidates = candidates,
            Stories = stories,
        };
        return (decision, features);
    }

    /// <summary>
    /// Restores one clustered article after a restart: its terms count towards rarity and, when it is within the
    /// window, it is indexed under its stored story. Call in the original clustering order.
    /// </summary>
    public void Restore(ArticleFeatures features, StoryState story)
    {
        CountTerms(features, +1);
        _newestMs = Math.Max(_newestMs, features.SeenMs);
        if (features.SeenMs >= _newestMs - _windowMs)
        {
            // Only stories with a member in the window live in memory, exactly as during clustering.
            if (!_stories.TryGetValue(story.Id, out var s))
                _stories[story.Id] = s = new Story(story.Id, story.OldestMs) { Members = story.Members, NewestMs = story.NewestMs };
            Index(features, s);
        }
        Evict();
    }

    // The story member sharing most of this article's long sentences (boilerplate shared by many articles aside).
    private Entry? ReusedMember(ArticleFeatures features, Story story)
    {
        Dictionary<Entry, int>? counts = null;
        foreach (var sentence in features.Sentences)
        {
            if (!_sentences.TryGetValue(sentence, out var sharing) || _liveSentences.GetValueOrDefault(sentence) > MaxSentenceSharing)
                continue;
            foreach (var e in sharing)
            {
                if (e.Evicted || !InWindow(e, features) || e.Story.Resolve() != story)
                    continue;
                counts ??= new Dictionary<Entry, int>();
                counts[e] = counts.GetValueOrDefault(e) + 1;
            }
        }
        return counts?.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Features.ArticleId).First().Key;
    }

    /// <summary>
    /// The member's relation to its story, judged against the story's candidates: a duplicate of the one whose text
    /// it repeats, else a rewrite of the one whose sentences it reuses, else related to the closest one.
    /// </summary>
    private static (MemberRelation, CandidatePair?) Relate(List<CandidatePair> members, IReadOnlyList<string> cited, CandidatePair? creditedElsewhere, double duplicate, double rewrite)
    {
        if (members.Count == 0)
            return (MemberRelation.Original, null);
        var copied = members.OrderByDescending(c => c.Scores.Resemblance).ThenBy(c => c.ArticleId).First();
        if (copied.Scores.Resemblance >= duplicate)
            return (MemberRelation.Duplicate, copied);
        var reused = members.OrderByDescending(c => c.Scores.SharedSentences).ThenBy(c => c.ArticleId).First();
        if (reused.Scores.SharedSentences >= rewrite)
            return (MemberRelation.Rewrite, reused);
        // No reused passage found, but the article credits the outlet of a member ("according to Reuters"): a
        // rewrite of that member's report.
        var credited = members.Where(c => cited.Contains(c.OutletId)).OrderByDescending(c => c.Scores.Combined).ThenBy(c => c.ArticleId).FirstOrDefault();
        if (credited is not null)
            return (MemberRelation.Rewrite, credited);
        if (creditedElsewhere is not null)
            return (MemberRelation.Rewrite, creditedElsewhere);
        return (MemberRelation.Related, members.OrderByDescending(c => c.Scores.Combined).ThenBy(c => c.ArticleId).First());
    }

    // An edited article stays in its story (an edit is not a new story); its terms and index entries are replaced.
    private ClusterDecision Update(ArticleFeatures features, ArticleFeatures old, long storyId)
    {
        Story? story = null;
        if (_entries.TryGetValue(features.ArticleId, out var entry))
        {
            story = entry.Story.Resolve();
            Unindex(entry);
        }
        CountTerms(old, -1);
        // Its story may have left memory with its last windowed member (Unindex); it comes back with this one.
        if (story is null || !_stories.ContainsKey(story.Id))
        {
            if (story is null && !_stories.TryGetValue(storyId, out story))
                story = new Story(storyId, features.PublishedMs) { Members = 1 };
            _stories[story.Id] = story;
        }
        story.Members--; // Insert counts it again
        Insert(features, story);
        return new ClusterDecision
        {
            ArticleId = features.ArticleId, Version = features.Version, StoryId = story.Id, Action = ClusterAction.Updated,
            Relation = MemberRelation.Original, Score = 0,
            StoryMembers = story.Window.Select(e => e.Features.ArticleId).Where(id => id != features.ArticleId).ToArray(),
        };
    }

    private List<(CandidatePair Pair, Entry Entry)> FindCandidates(ArticleFeatures features)
    {
        // Evidence accumulates on the entries themselves (stamped with this lookup), not in a dictionary: an
        // article touches a few thousand postings, and this is the hottest loop of clustering.
        var stamp = ++_lookups;
        var hits = _hits;
        hits.Clear();
        void Hit(Entry e, CandidateChannel channel, double evidence)
        {
            if (e.Stamp != stamp)
            {
                e.Stamp = stamp;
                e.Channel = CandidateChannel.None;
                e.Evidence = 0;
                hits.Add(e);
            }
            e.Channel |= channel;
            e.Evidence += evidence;
        }
        if (features.MinHash[0] != uint.MaxValue)
        {
            for (var band = 0; band < _options.MinHashBands; band++)
            {
                if (!_bands.TryGetValue(MinHasher.BandKey(features.MinHash, band, _rows), out var bucket))
                    continue;
                foreach (var e in bucket)
                {
                    if (e.Evicted || !InWindow(e, features))
                        continue;
                    // A band is a sieve, checked once per article against the whole signature: a pair sharing a
                    // band by accident (a template's or boilerplate's wording, common when many stories of one kind
                    // run at once) would otherwise rank above every article sharing the story's rare names.
                    if (e.SieveStamp != stamp)
                    {
                        e.SieveStamp = stamp;
                        e.SievePassed = MinHasher.Resemblance(features.MinHash, e.Features.MinHash) >= _options.ShingleEvidenceResemblance;
                    }
                    // Shared text, verified: it ranks above any term evidence.
                    if (e.SievePassed)
                        Hit(e, CandidateChannel.Shingles, 100);
                }
            }
        }
        foreach (var term in features.IndexTerms)
        {
            // A term posted by more articles than the cap (evicted ones included) picks nothing out: skipped.
            if (!_postings.TryGetValue(term, out var list) || _livePostings.GetValueOrDefault(term) > _options.MaxPostingsPerTerm)
                continue;
            var idf = Idf(term);
            var read = 0;
            for (var i = list.Count - 1; i >= 0 && read < _options.MaxPostingsPerTerm; i--)
            {
                var e = list[i];
                if (e.Evicted || !InWindow(e, features))
                    continue;
                read++;
                Hit(e, CandidateChannel.Terms, idf);
            }
        }

        // Best evidence first (ties: the newer article), at most PerStory per story: the story is then judged as a
        // whole, so more members of one story would only crowd out the others. At most MaxCandidates × 8 hits are
        // looked at: when the best hits are mostly one story's copies, the rest of that story is not worth a look.
        var looked = Best(hits, _options.MaxCandidates * 8);
        var query = Compared(features); // filtered once, not once per candidate
        var perStory = new Dictionary<Story, int>();
        var chosen = new List<(CandidatePair, Entry)>();
        foreach (var e in looked)
        {
            if (chosen.Count >= _options.MaxCandidates)
                break;
            var story = e.Story.Resolve();
            var n = perStory.GetValueOrDefault(story);
            if (n >= PerStory)
                continue;
            perStory[story] = n + 1;
            var gap = Math.Abs(features.PublishedMs - e.Features.PublishedMs) / 3_600_000.0;
            chosen.Add((new CandidatePair(e.Features.ArticleId, story.Id, e.Channel, Math.Round(e.Evidence, 3), Math.Round(gap, 2), _verifier.Score(query, Compared(e))) { OutletId = e.Features.OutletId }, e));
        }
        hits.Clear();
        return chosen;
    }

    // The best `count` hits in order: most evidence first, ties to the newer article. One pass with a small sorted
    // buffer: a lookup hits hundreds of articles and only a few dozen are ever looked at.
    private static List<Entry> Best(List<Entry> hits, int count)
    {
        static bool Before(Entry a, Entry b) => a.Evidence != b.Evidence ? a.Evidence > b.Evidence : a.Features.ArticleId > b.Features.ArticleId;
        var best = new List<Entry>(Math.Min(count, hits.Count) + 1);
        foreach (var e in hits)
        {
            if (best.Count == count && !Before(e, best[^1]))
                continue;
            var at = best.Count;
            while (at > 0 && Before(e, best[at - 1]))
                at--;
            best.Insert(at, e);
            if (best.Count > count)
                best.RemoveAt(count);
        }
        return best;
    }

    private List<StoryScore> ScoreStories(ArticleFeatures features, List<CandidatePair> candidates)
    {
        var scores = new List<StoryScore>();
        if (candidates.Count == 0)
            return scores;
        var vector = Vector(features);
        var central = CentralNames(features);
        foreach (var group in candidates.GroupBy(c => c.StoryId))
        {
            var story = _stories[group.Key];
            var best = group.OrderByDescending(c => c.Scores.Combined).ThenBy(c => c.ArticleId).First();
            // A story whose members name another decree, flight or case than this article does is another story,
            // however alike the words (near copies aside: the same text cannot name two decrees).
            if (best.Scores.Resemblance < _options.DuplicateResemblance && ConflictingIdentifier(features, story))
                continue;
            // One rare word in common (a place, a surname, a brand) is a coincidence, not a story: articles of one
            // story share several of the words that tell stories apart. Only where both sides have a body to show
            // them: a headline has room for one name, and one is all two headlines of a story may share.
            if (best.Scores.Resemblance < _options.DuplicateResemblance && features.BodyTokens >= MinBodyTokens
                && story.Window.Any(e => e.Features.BodyTokens >= MinBodyTokens) && SharedInformativeTerms(vector, story) < _options.MinSharedTerms)
                continue;
            var centroid = Cosine(vector, story);
            var gapMs = features.PublishedMs < story.OldestMs ? story.OldestMs - features.PublishedMs
                : features.PublishedMs > story.NewestMs ? features.PublishedMs - story.NewestMs : 0;
            var score = _options.CentroidWeight * centroid + _options.PairWeight * best.Scores.Combined
                        - _options.TimeGapPenalty * gapMs / (double)_windowMs;
            // Names decide between stories told in the same words: when the story does not use the article's central
            // names (a strike at another company, a ruling on another decree), its score shrinks in proportion.
            // Near copies are exempt: their text says they are the same report.
            var coverage = NameCoverage(central, story);
            if (coverage < _options.NameCoverage && best.Scores.Resemblance < _options.DuplicateResemblance)
                score *= coverage / _options.NameCoverage;
            scores.Add(new StoryScore(story.Id, story.Members, Math.Round(centroid, 4), best.Scores.Combined, best.ArticleId,
                Math.Round(gapMs / 3_600_000.0, 2), Math.Round(score, 4)));
        }
        scores.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.StoryId.CompareTo(b.StoryId));
        return scores;
    }


    private int SharedInformativeTerms(Dictionary<uint, double> vector, Story story)
    {
        var shared = 0;
        foreach (var term in vector.Keys)
        {
            if (story.Terms.ContainsKey(term) && Informative(term))
                shared++;
        }
        return shared;
    }

    // The story names the article's kind of identifier (most of its members do) but never the article's number.
    private static bool ConflictingIdentifier(ArticleFeatures features, Story story)
    {
        foreach (var (kind, full) in features.Identifiers)
        {
            if (story.Terms.GetValueOrDefault(kind) * 2 >= FeatureExtractor.TitleTermWeight * Math.Max(1, story.WindowMembers)
                && story.Terms.GetValueOrDefault(full) == 0)
                return true;
        }
        return false;
    }

    // The article's central names: the few it repeats most (by weight × rarity); passing mentions do not count.
    // None when it names fewer than three (a headline, a brief): then there is nothing to check.
    private List<(double Weight, uint Term)> CentralNames(ArticleFeatures features)
    {
        var central = new List<(double Weight, uint Term)>(features.Names.Length);
        if (features.Names.Length < 3)
            return central;
        foreach (var term in features.Names)
        {
            // A name that many live stories use ("Supreme Court", "Institute of Molecular Medicine") tells none of
            // them apart: only informative names can be central.
            if (!Informative(term))
                continue;
            var at = Array.BinarySearch(features.Terms, new WeightedTerm(term, 0), TermOrder.Instance);
            central.Add(((at >= 0 ? features.Terms[at].Weight : 1) * Idf(term), term));
        }
        central.Sort((a, b) => a.Weight != b.Weight ? b.Weight.CompareTo(a.Weight) : a.Term.CompareTo(b.Term));
        if (central.Count > _options.CentralNames)
            central.RemoveRange(_options.CentralNames, central.Count - _options.CentralNames);
        return central;
    }

    // Share of the central names (by weight × rarity) that the story uses as a whole (NameCoreShare): a story grown
    // large holds every name some stray member used, and must not pass for this article's story on those alone.
    // 1 without central names.
    private double NameCoverage(List<(double Weight, uint Term)> central, Story story)
    {
        double found = 0, all = 0;
        foreach (var (weight, term) in central)
        {
            all += weight;
            if (story.Terms.TryGetValue(term, out var sum) && sum >= Math.Max(1, _options.NameCoreShare * story.WindowMembers))
                found += weight;
        }
        return all == 0 ? 1 : found / all;
    }

    private Dictionary<uint, double> Vector(ArticleFeatures features)
    {
        var vector = new Dictionary<uint, double>(features.Terms.Length);
        foreach (var t in features.Terms)
            vector[t.Term] = (1 + Math.Log(t.Weight)) * TermWeight(t.Term);
        return vector;
    }

    // Cosine between the article and the story's summed term weights (its members within the window). The sums
    // are taken in fixed point: a story's dictionary enumerates in a different order after a restart, and a
    // floating-point sum in another order could move a decision that sits on the threshold.
    private double Cosine(Dictionary<uint, double> vector, Story story)
    {
        const double scale = 1 << 20;
        // Int128: a story of thousands of members must not overflow the squared sums.
        Int128 dot = 0, storyNorm = 0, norm = 0;
        foreach (var w in vector.Values)
            norm += (long)Math.Round(w * w * scale);
        foreach (var (term, sum) in story.Terms)
        {
            // Linear in the summed weights: the terms most members share dominate, which is what "the story as a
            // whole" means; a log here let one member's vocabulary count as much as the story's core.
            var s = sum * TermWeight(term);
            storyNorm += (long)Math.Round(s * s * scale);
            if (vector.TryGetValue(term, out var w))
                dot += (long)Math.Round(w * s * scale);
        }
        return norm == 0 || storyNorm == 0 ? 0 : (double)dot / scale / Math.Sqrt((double)norm / scale * ((double)storyNorm / scale));
    }

    private Story Merge(Story into, Story other, List<long> merged)
    {
        // The older story survives, so that a story's id is the id of its first article.
        if (other.Id < into.Id)
            (into, other) = (other, into);
        merged.Add(other.Id);
        other.MergedInto = into;
        into.Members += other.Members;
        into.OldestMs = Math.Min(into.OldestMs, other.OldestMs);
        into.NewestMs = Math.Max(into.NewestMs, other.NewestMs);
        foreach (var term in other.Terms.Keys.Order())
        {
            if (into.Terms.ContainsKey(term))
                StorySpread(term, -1); // two stories using it become one
            into.Terms[term] = into.Terms.GetValueOrDefault(term) + other.Terms[term];
        }
        other.Terms.Clear();
        // Window lists stay in clustering order (article ids grow with it), as a restored story's would be.
        into.Window.AddRange(other.Window);
        into.Window.Sort((a, b) => a.Order.CompareTo(b.Order));
        other.Window.Clear();
        _stories.Remove(other.Id);
        // Stories kept apart from the merged one are now kept apart from the survivor (as the database's anchors say).
        if (_apart.Count > 0)
        {
            foreach (var (a, b) in _apart.Where(p => p.A == other.Id || p.B == other.Id).ToList())
            {
                _apart.Remove((a, b));
                _apart.Add(Pair(a == other.Id ? into.Id : a, b == other.Id ? into.Id : b));
            }
        }
        return into;
    }

    // Pairs of stories an editor kept apart (cannot-link), as (smaller id, larger id). Few: a set is enough.
    private readonly HashSet<(long A, long B)> _apart = new();

    private static (long A, long B) Pair(long a, long b) => a < b ? (a, b) : (b, a);

    private bool Apart(long a, long b) => _apart.Count > 0 && _apart.Contains(Pair(a, b));

    /// <summary>Replaces the pairs of stories that must never be merged (editors' splits and "not the same story").</summary>
    public void SetApart(IEnumerable<(long StoryA, long StoryB)> pairs)
    {
        _apart.Clear();
        foreach (var (a, b) in pairs)
        {
            if (a != b)
                _apart.Add(Pair(a, b));
        }
    }

    /// <summary>
    /// An editor's correction as the database applied it: these articles now belong to story <paramref name="to"/>;
    /// <paramref name="states"/> are the resulting sizes and times of every story the correction touched (read from
    /// the database, so that this engine and one restored from the database agree). Only articles within the window
    /// are in memory; the others need nothing here.
    /// </summary>
    public void Move(IEnumerable<long> articleIds, long to, IReadOnlyList<StoryState> states)
    {
        var target = _stories.TryGetValue(to, out var live) ? live : null;
        foreach (var id in articleIds)
        {
            if (!_entries.TryGetValue(id, out var entry))
                continue;
            var from = entry.Story.Resolve();
            if (from.Id == to)
            {
                target ??= from;
                continue;
            }
            if (target is null)
            {
                var state = states.First(s => s.Id == to);
                target = new Story(to, state.OldestMs);
            }
            from.Window.Remove(entry);
            RemoveTerms(from, entry.Features);
            AddTerms(target, entry.Features);
            entry.Story = target;
            target.Window.Add(entry);
            if (from.WindowMembers == 0 && _stories.TryGetValue(from.Id, out var emptied) && emptied == from)
                _stories.Remove(from.Id);
        }
        if (target is not null && target.WindowMembers > 0)
        {
            target.Window.Sort((a, b) => a.Order.CompareTo(b.Order));
            _stories[to] = target;
        }
        // Sizes and times as the database has them now (members outside the window included).
        foreach (var state in states)
        {
            if (_stories.TryGetValue(state.Id, out var story))
            {
                story.Members = state.Members;
                story.OldestMs = state.OldestMs;
                story.NewestMs = state.NewestMs;
            }
        }
    }

    private bool InWindow(Entry e, ArticleFeatures features) => Math.Abs(features.PublishedMs - e.Features.PublishedMs) <= _windowMs;

    private void Insert(ArticleFeatures features, Story story, bool countTerms = true)
    {
        if (countTerms)
            CountTerms(features, +1);
        story.Members++;
        story.OldestMs = Math.Min(story.OldestMs, features.PublishedMs);
        story.NewestMs = Math.Max(story.NewestMs, features.PublishedMs);
        _newestMs = Math.Max(_newestMs, features.SeenMs);
        if (features.SeenMs >= _newestMs - _windowMs)
            Index(features, story);
        Evict();
    }

    private void Index(ArticleFeatures features, Story story)
    {
        var entry = new Entry(features, story, ++_indexed);
        _entries[features.ArticleId] = entry;
        _byTime.Enqueue(entry, (features.SeenMs, features.ArticleId));
        story.Window.Add(entry);
        AddTerms(story, features);
        if (features.MinHash[0] != uint.MaxValue)
        {
            for (var band = 0; band < _options.MinHashBands; band++)
                Add(_bands, MinHasher.BandKey(features.MinHash, band, _rows), entry);
        }
        foreach (var sentence in features.Sentences)
        {
            Add(_sentences, sentence, entry);
            Count(_liveSentences, sentence, +1);
        }
        foreach (var term in features.IndexTerms)
        {
            Add(_postings, term, entry);
            Count(_livePostings, term, +1);
        }
    }

    // A member's terms join or leave its story's summed vector; story spread counts the stories using each term.
    private void AddTerms(Story story, ArticleFeatures features)
    {
        foreach (var t in features.Terms)
        {
            if (!story.Terms.ContainsKey(t.Term))
                StorySpread(t.Term, +1);
            story.Terms[t.Term] = story.Terms.GetValueOrDefault(t.Term) + t.Weight;
        }
    }

    private void RemoveTerms(Story story, ArticleFeatures features)
    {
        foreach (var t in features.Terms)
        {
            var left = story.Terms.GetValueOrDefault(t.Term) - t.Weight;
            if (left > 0)
                story.Terms[t.Term] = left;
            else if (story.Terms.Remove(t.Term))
                StorySpread(t.Term, -1);
        }
    }

    private void Unindex(Entry entry)
    {
        entry.Evicted = true;
        _entries.Remove(entry.Features.ArticleId);
        var story = entry.Story.Resolve();
        // A story with no member left in the window can no longer be joined: it leaves memory (the database keeps it).
        story.Window.Remove(entry);
        if (story.WindowMembers == 0)
            _stories.Remove(story.Id);
        RemoveTerms(story, entry.Features);
        if (entry.Features.MinHash[0] != uint.MaxValue)
        {
            for (var band = 0; band < _options.MinHashBands; band++)
                Compact(_bands, MinHasher.BandKey(entry.Features.MinHash, band, _rows));
        }
        foreach (var sentence in entry.Features.Sentences)
        {
            Compact(_sentences, sentence);
            Count(_liveSentences, sentence, -1);
        }
        foreach (var term in entry.Features.IndexTerms)
        {
            Compact(_postings, term);
            Count(_livePostings, term, -1);
        }
    }

    private void Evict()
    {
        var cutoff = _newestMs - _windowMs;
        while (_byTime.TryPeek(out var oldest, out var key) && key.Item1 < cutoff)
        {
            _byTime.Dequeue();
            if (!oldest.Evicted)
                Unindex(oldest);
        }
    }

    private void CountTerms(ArticleFeatures features, int delta)
    {
        _documents += delta;
        foreach (var t in features.Terms)
            Count(_documentFrequency, t.Term, delta);
    }

    private static void Add<TKey>(Dictionary<TKey, List<Entry>> index, TKey key, Entry entry) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
            index[key] = list = new List<Entry>(2);
        list.Add(entry);
    }

    // Evicted entries are dropped from the front of a list (lists are in clustering order, so the old ones lead);
    // an evicted entry behind a live one is skipped by readers and dropped once it reaches the front.
    private static void Compact<TKey>(Dictionary<TKey, List<Entry>> index, TKey key) where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
            return;
        var n = 0;
        while (n < list.Count && list[n].Evicted)
            n++;
        if (n == list.Count)
            index.Remove(key);
        else if (n > 0)
            list.RemoveRange(0, n);
    }

    private sealed class TermOrder : IComparer<WeightedTerm>
    {
        public static readonly TermOrder Instance = new();
        public int Compare(WeightedTerm x, WeightedTerm y) => x.Term.CompareTo(y.Term);
    }

    private sealed class Entry(ArticleFeatures features, Story story, long order)
    {
        public long Order { get; } = order;
        public ArticleFeatures Features { get; } = features;
        public Story Story { get; set; } = story;
        public bool Evicted { get; set; }
        // Scratch of the candidate lookup in progress (see FindCandidates).
        public long Stamp;
        public long SieveStamp;
        public bool SievePassed;
        public CandidateChannel Channel;
        public double Evidence;
        private SplitText? _title, _lead;
        public SplitText Title => _title ??= SplitText.Of(Features.TitleText);
        public SplitText Lead => _lead ??= SplitText.Of(Features.LeadText);
    }

    private sealed class Story(long id, long publishedMs)
    {
        public long Id { get; } = id;
        public int Members { get; set; }
        public int WindowMembers => Window.Count;
        /// <summary>Its members within the window, in clustering order.</summary>
        public List<Entry> Window { get; } = new();
        public long OldestMs { get; set; } = publishedMs;
        public long NewestMs { get; set; } = publishedMs;
        /// <summary>Summed term weights of the members within the window.</summary>
        public Dictionary<uint, int> Terms { get; } = new();
        public Story? MergedInto { get; set; }

        public Story Resolve()
        {
            var s = this;
            while (s.MergedInto is not null)
                s = s.MergedInto;
            return s;
        }
    }
}
