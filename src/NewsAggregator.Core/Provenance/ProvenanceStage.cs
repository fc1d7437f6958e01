using System.Data.Common;
using System.Runtime.InteropServices;
using Dapper;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Provenance;

/// <summary>An article the clustering consumer just placed, with what provenance needs to know about it.</summary>
public sealed record ProvenanceInput(ArticleFeatures Features, ClusterDecision Decision, string HintsJson, string Body = "");

/// <summary>
/// ARCHITECTURE step 7, run by the clustering consumer on each batch inside the batch's transaction, so that
/// stories and their provenance are never out of step. For each article, in clustering order:
/// <list type="number">
/// <item>its evidence is stored, each piece with its span: attribution phrases, wire credits, declared sources,
/// canonical and content links (resolved to outlets; unknown credited names become external outlets) and a flag when
/// its feed date and first-seen time disagree by more than <see cref="ProvenanceOptions.ClockSkewMinutes"/>;</item>
/// <item>its edges: a copy or rewrite of the story member it shares text with (direction by text containment, then
/// by time), and an edge per credited outlet, to that outlet's article in the story when one is there, otherwise to
/// the outlet itself; independent reports (no shared text, no credit) get none;</item>
/// <item>new evidence for the others: members that credit this article's outlet and pointed at the outlet node now
/// point at this article (the late-arriving original), and a member that holds this article's text plus additions
/// now derives from it;</item>
/// <item>each changed article's chosen edge (the one its chain follows: highest confidence), and the story's
/// original outlet: the root of its earliest chain.</item>
/// </list>
/// </summary>
public sealed class ProvenanceStage(ProvenanceOptions options)
{
    public const string AlgorithmVersion = "provenance-1";

    // Confidence of each kind of edge: how often, in our reading of syndicated news, that evidence alone names the
    // right source. Text shared verbatim is the strongest; a credit that also matches shared text is next; a credit
    // alone names the source but not which of its articles; a link is often "related coverage", not a source.
    private const double CopyConfidence = 0.95;
    private const double CreditedTextConfidence = 0.97;
    private const double WireCreditConfidence = 0.9;
    private const double DeclaredConfidence = 0.9;
    private const double AttributionConfidence = 0.85;
    private const double ExternalAttributionConfidence = 0.75;
    private const double LinkConfidence = 0.5;
    private const double MinChainConfidence = 0.6;
    private const double PeripheralConfidence = 0.55;


    /// <summary>Outlet ids by lower-case name/alias and by domain, reloaded per batch (external outlets grow).</summary>
    private OutletLookup? _outlets;

    public async Task ApplyAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<ProvenanceInput> batch, long nowMs, CancellationToken ct = default)
    {
        if (batch.Count == 0)
            return;
        _outlets = await OutletLookup.LoadAsync(connection, tx);
        // The statements run per article are prepared once per batch (compiling SQL per row cost more than the rest).
        using var sql = new Statements(connection, tx);
        _sql = sql;
        var touchedStories = new HashSet<long>();
        var rechoose = new HashSet<long>();
        foreach (var input in batch)
        {
            var f = input.Features;
            var d = input.Decision;
            foreach (var merged in d.MergedStories)
            {
                await Editorial.CorrectionApplier.MoveOriginAsync(connection, tx, merged, d.StoryId);
                touchedStories.Remove(merged);
            }
            touchedStories.Add(d.StoryId);
            await sql.Clear.RunAsync(ct, f.ArticleId);

            var evidence = await StoreEvidenceAsync(connection, tx, input, nowMs, ct);
            // The members the clustering saw in this article's story when it joined (merged stories included): not
            // the story's members now, because a batch is saved before its provenance runs and later articles of
            // the batch (or a merge they caused) must not be seen, or a re-clustering with other batch boundaries
            // would decide otherwise. Later articles look back at this one when their turn comes.
            var members = d.StoryMembers.Count == 0 ? [] : await sql.Members.QueryAsync(MemberRow, ct, "[" + string.Join(',', d.StoryMembers) + "]");
            var self = new Member { ArticleId = f.ArticleId, OutletId = f.OutletId, PublishedMs = f.PublishedMs, SeenMs = f.SeenMs, Sentences = f.Sentences.Length, BodyTokens = f.BodyTokens };

            // Text: the member whose text this article repeats (a copy) or reuses (a rewrite), when the text itself
            // says so: a credit alone makes the clustering call an article a rewrite, but provenance weighs credits
            // on their own below. Several members often carry the same text (a wire story and its verbatim copies):
            // among those the text cannot tell apart, the credited outlet's, else the first to publish it.
            if (d.Relation is MemberRelation.Duplicate or MemberRelation.Rewrite
                && TextSource(d, f, members, evidence) is { } match
                && (d.Relation == MemberRelation.Duplicate || match.SharedSentences >= options.RewriteShare))
            {
                var credited = evidence.Any(e => e.OutletId == match.Source.OutletId);
                var (derived, source, basis) = Direction(self, match.Source, match.SharedSentences, copy: d.Relation == MemberRelation.Duplicate);
                var kind = d.Relation == MemberRelation.Duplicate ? "copy" : "rewrite";
                var confidence = credited ? CreditedTextConfidence : kind == "copy" ? CopyConfidence : Math.Min(0.9, 0.6 + 0.3 * match.SharedSentences);
                var detail = new
                {
                    resemblance = match.Resemblance is { } r ? Math.Round(r, 3) : (double?)null, sharedSentences = Math.Round(match.SharedSentences, 3),
                    sentences = new { derived = derived.Sentences, source = source.Sentences },
                    direction = basis,
                    credited,
                };
                if (derived.ArticleId != self.ArticleId)
                {
                    // The member derives from this article (it holds this text plus additions, or it was published
                    // later). Its own text edge (if any) pointed elsewhere; this one is stronger evidence.
                    await connection.ExecuteAsync("DELETE FROM provenance_edges WHERE article_id = @id AND kind IN ('copy', 'rewrite')", new { id = derived.ArticleId }, tx);
                    rechoose.Add(derived.ArticleId);
                }
                await InsertEdgeAsync(derived, source, source.OutletId, kind, confidence, detail, nowMs, ct);
            }

            // Credits: to the credited outlet's article in the story, else to the outlet itself.
            foreach (var group in evidence.Where(e => e.OutletId is not null && e.OutletId != f.OutletId).GroupBy(e => e.OutletId!))
            {
                var best = group.OrderBy(e => KindRank(e.Kind)).First();
                var article = members.Where(m => m.OutletId == group.Key && m.PublishedMs <= f.PublishedMs + SkewMs)
                    .OrderBy(m => m.PublishedMs).ThenBy(m => m.ArticleId).FirstOrDefault();
                var kind = best.Kind switch { "wire-credit" => "wire-credit", "declared" or "canonical" => "declared", "link" => "link", _ => "attribution" };
                // An attribution names the article's source when it is central: in the lead, or the outlet is credited
                // again and again ("the newspaper reported…"). One credit deep in the text ("X told the Times") is a
                // detail taken from another report: kept as an edge, never followed by the chain.
                var central = kind != "attribution" || Central(input.Body, group.Select(e => e.Span).ToList(), group.Count());
                var confidence = central ? KindConfidence(kind, best.External) + (article is null ? -0.05 : 0) : PeripheralConfidence;
                var detail = new { spans = group.Select(e => new { e.Kind, e.Span }).Take(5).ToArray(), external = best.External, central };
                await InsertEdgeAsync(self, article, group.Key, kind, confidence, detail, nowMs, ct);
            }

            // New evidence for the others: members that credit this outlet and could only point at the outlet node.
            // From the story's members to their edges (CROSS JOIN keeps SQLite in that order): the outlet's edges
            // grow with the whole database, a story's members do not.
            var repointed = await sql.Repointed.QueryAsync(r => r.GetInt64(0), ct, d.StoryId, f.OutletId, f.ArticleId, f.PublishedMs, SkewMs);
            foreach (var articleId in repointed)
            {
                await sql.Repoint.RunAsync(ct, f.ArticleId, articleId, f.OutletId, f.PublishedMs, MinChainConfidence);
                rechoose.Add(articleId);
            }
            // A merge brings credited reports and their crediting articles into one story: credits that could only
            // point at an outlet node point at that outlet's earliest report in the merged story.
            if (d.MergedStories.Count > 0)
            {
                foreach (var articleId in await RepointAfterMergeAsync(connection, tx, d.StoryId, ct))
                    rechoose.Add(articleId);
            }
            rechoose.Add(f.ArticleId);
        }

        foreach (var articleId in rechoose)
            await sql.Choose.RunAsync(ct, articleId, MinChainConfidence);
        foreach (var story in touchedStories)
            await OriginAsync(connection, tx, story, nowMs, ct);
    }

    /// <summary>The original outlet of each story again, after an editor moved articles between them (an editor's own choice stays).</summary>
    public async Task RecomputeOriginsAsync(DbConnection connection, DbTransaction tx, IEnumerable<long> stories, long nowMs, CancellationToken ct = default)
    {
        using var sql = new Statements(connection, tx);
        _sql = sql;
        foreach (var story in stories.Distinct().Order())
            await OriginAsync(connection, tx, story, nowMs, ct);
    }

    // Each node credit of the merged story with the credited outlet's earliest report there (published no later
    // than the crediting article plus the skew), re-pointed by the same statement as a late-arriving original.
    private async Task<List<long>> RepointAfterMergeAsync(DbConnection connection, DbTransaction tx, long storyId, CancellationToken ct)
    {
        var found = (await connection.QueryAsync<(long ArticleId, string Outlet, long Source, long SourcePublished)>("""
            SELECT c.article_id, c.source_outlet_id, s.id, s.published_ms FROM (
                SELECT e.article_id, e.source_outlet_id,
                       (SELECT a2.id FROM story_members m2 JOIN articles a2 ON a2.id = m2.article_id
                        WHERE m2.story_id = @storyId AND a2.outlet_id = e.source_outlet_id AND a2.id <> e.article_id
                          AND a2.published_ms <= a.published_ms + @skew
                        ORDER BY a2.published_ms, a2.id LIMIT 1) AS source
                FROM story_members m CROSS JOIN provenance_edges e ON e.article_id = m.article_id
                JOIN articles a ON a.id = e.article_id
                WHERE m.story_id = @storyId AND e.source_article_id IS NULL) c
            JOIN articles s ON s.id = c.source
            """, new { storyId, skew = SkewMs }, tx)).AsList();
        foreach (var (articleId, outlet, source, sourcePublished) in found)
            await _sql!.Repoint.RunAsync(ct, source, articleId, outlet, sourcePublished, MinChainConfidence);
        return found.Select(x => x.ArticleId).Distinct().ToList();
    }

    private static Member MemberRow(DbDataReader r) => new()
    {
        ArticleId = r.GetInt64(0), OutletId = r.GetString(1), PublishedMs = r.GetInt64(2), SeenMs = r.GetInt64(3),
        Sentences = r.IsDBNull(4) ? 0 : r.GetInt32(4), SentenceBlob = r.IsDBNull(5) ? null : (byte[])r.GetValue(5), BodyTokens = r.GetInt32(6),
    };

    // Central: a span starts within the lead (LeadChars of the body), or the outlet is credited in several places.
    private bool Central(string body, List<string> spans, int credits)
    {
        if (credits >= 2 || body.Length == 0)
            return true;
        foreach (var span in spans)
        {
            var probe = span.Length > 60 ? span[..60] : span;
            var at = body.IndexOf(probe, StringComparison.Ordinal);
            if (at >= 0 && at < options.LeadChars)
                return true;
        }
        return false;
    }

    private long SkewMs => (long)(options.ClockSkewMinutes * 60_000);

    /// <summary>
    /// The member this article's text comes from. Every member is measured against it on its stored sentences: for
    /// a copy, the share of this article's sentences the member holds; for a rewrite, the share of the smaller
    /// article's sentences they share. Among the members within <see cref="ProvenanceOptions.EquivalentTextMargin"/>
    /// of the best, the one whose outlet the article credits wins (the latest of several credited: the nearest link),
    /// else the earliest by trusted time: a wire story and its verbatim copies hold the same sentences, and the
    /// copies come from the wire, not from each other. An
    /// article without long sentences (a headline) keeps the member the clustering found nearest.
    /// </summary>
    private TextMatch? TextSource(ClusterDecision d, ArticleFeatures self, List<Member> members, List<Evidence> evidence)
    {
        var nearest = members.FirstOrDefault(m => m.ArticleId == d.NearestArticleId);
        var nearestPair = d.Candidates.FirstOrDefault(c => c.ArticleId == d.NearestArticleId);
        if (nearest is null || nearestPair is null)
            return null;
        if (self.Sentences.Length == 0)
            return new TextMatch(nearest, nearestPair.Scores.SharedSentences, nearestPair.Scores.Resemblance);
        var copy = d.Relation == MemberRelation.Duplicate;
        var measured = new List<(Member Member, double Measure, double Share)>(members.Count);
        foreach (var m in members)
        {
            var sentences = m.SentenceBlob is { Length: > 0 } blob ? MemoryMarshal.Cast<byte, uint>(blob) : [];
            var (shared, share) = FeatureExtractor.SharedSentences(self.Sentences, sentences);
            measured.Add((m, copy ? shared / (double)self.Sentences.Length : share, share));
        }
        var best = measured.Max(x => x.Measure);
        if (best <= 0)
            return new TextMatch(nearest, nearestPair.Scores.SharedSentences, nearestPair.Scores.Resemblance);
        // Credited members first; among several credited (a copy that kept the wire's dateline and the sign-off of
        // the site it took the page from), the latest: the nearest link of the chain. Uncredited: the earliest.
        var source = measured.Where(x => x.Measure >= best - options.EquivalentTextMargin)
            .Select(x => (x.Member, x.Share, Credited: evidence.Any(e => e.OutletId == x.Member.OutletId)))
            .OrderByDescending(x => x.Credited)
            .ThenBy(x => x.Credited ? -Time(x.Member) : Time(x.Member)).ThenBy(x => x.Member.ArticleId)
            .First();
        // Resemblance is known only for the members the index offered as candidates.
        var resemblance = d.Candidates.FirstOrDefault(c => c.ArticleId == source.Member.ArticleId)?.Scores.Resemblance;
        return new TextMatch(source.Member, source.Share, resemblance);
    }

    private sealed record TextMatch(Member Source, double SharedSentences, double? Resemblance);

    // Which member derives from which. A rewrite that holds most of the other's sentences plus additions of its own
    // derives from it whatever the clocks say, as long as they disagree by no more than the skew. Near-verbatim copies are told apart by the clocks: a copy one
    // paragraph shorter is a trimmed copy far more often than its source is a padded one, so containment only
    // breaks ties between equal times. Last, the clustering order.
    private (Member Derived, Member Source, string Basis) Direction(Member self, Member other, double sharedShare, bool copy)
    {
        var selfTime = Time(self);
        var otherTime = Time(other);
        var shared = sharedShare * Math.Min(self.Sentences, other.Sentences);
        // Containment speaks when the clocks cannot: within the clock-skew window (or at equal times for a copy).
        // Beyond it the clocks are trusted, because containment alone cannot tell a source padded with background
        // from a later update that kept half the story and added a new lead.
        var clocksUnsure = Math.Abs(selfTime - otherTime) <= SkewMs;
        if ((copy ? selfTime == otherTime : clocksUnsure) && shared >= 1 && self.Sentences > 0 && other.Sentences > 0)
        {
            var selfHoldsOther = shared >= options.ContainmentShare * other.Sentences && self.Sentences >= shared + options.MinAddedSentences;
            var otherHoldsSelf = shared >= options.ContainmentShare * self.Sentences && other.Sentences >= shared + options.MinAddedSentences;
            if (selfHoldsOther != otherHoldsSelf)
                return selfHoldsOther ? (self, other, "containment: holds the source's text plus additions") : (other, self, "containment: holds the source's text plus additions");
        }
        if (selfTime != otherTime)
            return selfTime > otherTime ? (self, other, "time: published later") : (other, self, "time: published later");
        return self.ArticleId >= other.ArticleId ? (self, other, "ingest order") : (other, self, "ingest order");
    }

    // The time an article was published as far as we can trust it: the feed date unless it is later than when we
    // first saw the article by more than the skew (a feed that re-dates items), then the first-seen time.
    private long Time(Member m) => Time(m.PublishedMs, m.SeenMs);

    private long Time(long publishedMs, long seenMs) => publishedMs > seenMs + SkewMs ? seenMs : publishedMs;

    private static int KindRank(string kind) => kind switch
    {
        "wire-credit" => 0, "declared" => 1, "attribution" => 2, "canonical" => 3, _ => 4,
    };

    private static double KindConfidence(string kind, bool external) => kind switch
    {
        "wire-credit" => WireCreditConfidence,
        "declared" => DeclaredConfidence,
        "link" => LinkConfidence,
        _ => external ? ExternalAttributionConfidence : AttributionConfidence,
    };

    private Task<int> InsertEdgeAsync(Member derived, Member? source, string sourceOutletId, string kind, double confidence, object detail,
        long nowMs, CancellationToken ct) =>
        _sql!.Edge.RunAsync(ct, derived.ArticleId, source?.ArticleId, sourceOutletId, kind, Math.Round(confidence, 3),
            source is null ? null : derived.PublishedMs - source.PublishedMs, Json.Serialize(detail), AlgorithmVersion, nowMs);

    /// <summary>
    /// The story's original outlet: every member's chain is followed to its root (an article, or an outlet node when
    /// the source is not ingested); the earliest root wins, an outlet node counting as the time of the earliest
    /// article crediting it (it reported first) and winning ties.
    /// </summary>
    private async Task OriginAsync(DbConnection connection, DbTransaction tx, long storyId, long nowMs, CancellationToken ct)
    {
        var members = await _sql!.OriginMembers.QueryAsync(
            r => (ArticleId: r.GetInt64(0), OutletId: r.GetString(1), PublishedMs: r.GetInt64(2), SeenMs: r.GetInt64(3),
                Source: r.IsDBNull(4) ? (long?)null : r.GetInt64(4), SourceOutlet: r.IsDBNull(5) ? null : r.GetString(5)),
            ct, storyId);
        if (members.Count == 0)
        {
            await connection.ExecuteAsync("DELETE FROM story_origins WHERE story_id = @storyId", new { storyId }, tx); // an emptied story
            return;
        }
        var byId = members.ToDictionary(m => m.ArticleId);
        (long Time, int NodeFirst, string Outlet, long? Article, bool Chain) best = (long.MaxValue, 1, "", null, false);
        foreach (var m in members)
        {
            // Walk to the root; edges outside the story end the walk at the source article's outlet.
            var at = m;
            var steps = 0;
            var seen = new HashSet<long> { at.ArticleId };
            (long Time, int NodeFirst, string Outlet, long? Article, bool Chain) root;
            while (true)
            {
                if (at.SourceOutlet is null)
                {
                    root = (Time(at.PublishedMs, at.SeenMs), 1, at.OutletId, at.ArticleId, steps > 0);
                    break;
                }
                if (at.Source is null)
                {
                    root = (Time(at.PublishedMs, at.SeenMs), 0, at.SourceOutlet, null, true);
                    break;
                }
                if (!byId.TryGetValue(at.Source.Value, out var next) || !seen.Add(next.ArticleId))
                {
                    root = (Time(at.PublishedMs, at.SeenMs), 0, at.SourceOutlet, at.Source, true);
                    break;
                }
                at = next;
                steps++;
            }
            if (root.Time < best.Time || (root.Time == best.Time && root.NodeFirst < best.NodeFirst))
                best = root;
        }
        await _sql!.Origin.RunAsync(ct, storyId, best.Outlet, best.Article, best.Chain ? "chain" : "earliest", nowMs);
    }

    private async Task<List<Evidence>> StoreEvidenceAsync(DbConnection connection, DbTransaction tx, ProvenanceInput input, long nowMs, CancellationToken ct)
    {
        var f = input.Features;
        var found = new List<Evidence>();
        foreach (var hint in Json.Deserialize<List<ProvenanceHint>>(input.HintsJson) ?? [])
        {
            var kind = hint.Kind switch
            {
                HintKind.Attribution => "attribution", HintKind.WireCredit => "wire-credit", HintKind.Declared => "declared",
                HintKind.Canonical => "canonical", _ => "link",
            };
            var (outletId, external) = await _outlets!.ResolveAsync(connection, tx, hint, createExternal: hint.Kind is HintKind.Attribution or HintKind.WireCredit or HintKind.Declared);
            found.Add(new Evidence(kind, hint.Value, outletId, hint.Evidence ?? hint.Value, external));
        }
        if (Math.Abs(f.PublishedMs - f.SeenMs) > SkewMs)
        {
            var span = $"feed date {DateTimeOffset.FromUnixTimeMilliseconds(f.PublishedMs):u}, first seen {DateTimeOffset.FromUnixTimeMilliseconds(f.SeenMs):u}";
            found.Add(new Evidence("clock-skew", span, null, span, false));
        }
        foreach (var e in found)
        {
            await _sql!.Evidence.RunAsync(ct, f.ArticleId, f.Version, e.Kind, e.Value, e.OutletId, e.Span, nowMs);
        }
        return found;
    }

    private sealed record Evidence(string Kind, string Value, string? OutletId, string Span, bool External);

    /// <summary>The current batch's prepared statements (set for the length of <see cref="ApplyAsync"/>).</summary>
    private Statements? _sql;

    /// <summary>The per-article statements of a batch, each with positional parameters @p0, @p1, ….</summary>
    private sealed class Statements(DbConnection connection, DbTransaction tx) : IDisposable
    {
        // What an article had before (it is being clustered again): its evidence and edges go; credits pointing at
        // it fall back to the outlet node, text edges from it are dropped (they are recomputed).
        public PreparedStatement Clear { get; } = new(connection, tx, """
            DELETE FROM provenance_evidence WHERE article_id = @p0;
            DELETE FROM provenance_edges WHERE article_id = @p0;
            UPDATE provenance_edges SET source_article_id = NULL, gap_ms = NULL WHERE source_article_id = @p0 AND kind NOT IN ('copy', 'rewrite');
            DELETE FROM provenance_edges WHERE source_article_id = @p0;
            """);

        public PreparedStatement Evidence { get; } = new(connection, tx, """
            INSERT INTO provenance_evidence (article_id, version, kind, value, outlet_id, span, created_ms) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            """);

        // The members the clustering saw in the article's story (@p0, a JSON array of ids): see ApplyAsync.
        public PreparedStatement Members { get; } = new(connection, tx, """
            SELECT a.id, a.outlet_id, a.published_ms, a.first_seen_ms, length(f.sentences) / 4, f.sentences, COALESCE(f.body_tokens, 0)
            FROM json_each(@p0) j JOIN articles a ON a.id = j.value LEFT JOIN article_features f ON f.article_id = a.id
            """);

        public PreparedStatement Edge { get; } = new(connection, tx, """
            INSERT INTO provenance_edges (article_id, source_article_id, source_outlet_id, kind, confidence, chosen, gap_ms, evidence_json, algorithm_version, created_ms)
            VALUES (@p0, @p1, @p2, @p3, @p4, 0, @p5, @p6, @p7, @p8)
            """);

        // Members crediting the outlet (@p1) whose edge could only point at its node. From the story's members to
        // their edges (CROSS JOIN keeps SQLite in that order): the outlet's edges grow with the whole database, a
        // story's members do not.
        public PreparedStatement Repointed { get; } = new(connection, tx, """
            SELECT e.article_id FROM story_members m
            CROSS JOIN provenance_edges e ON e.article_id = m.article_id
            JOIN articles a ON a.id = e.article_id
            WHERE m.story_id = @p0 AND e.source_outlet_id = @p1 AND e.source_article_id IS NULL AND e.article_id <> @p2
              AND @p3 <= a.published_ms + @p4
            """);

        public PreparedStatement Repoint { get; } = new(connection, tx, """
            UPDATE provenance_edges SET source_article_id = @p0, confidence = CASE WHEN confidence >= @p4 THEN MIN(1.0, confidence + 0.05) ELSE confidence END,
                gap_ms = (SELECT published_ms FROM articles WHERE id = @p1) - @p3
            WHERE article_id = @p1 AND source_outlet_id = @p2 AND source_article_id IS NULL
            """);

        // The edge a chain follows: the most confident; ties to an ingested source, then the earlier source. Edges
        // below MinChainConfidence (@p1: a bare link to another site) are kept for researchers but never followed.
        public PreparedStatement Choose { get; } = new(connection, tx, """
            UPDATE provenance_edges SET chosen = 0 WHERE article_id = @p0;
            UPDATE provenance_edges SET chosen = 1 WHERE id = (
                SELECT e.id FROM provenance_edges e LEFT JOIN articles s ON s.id = e.source_article_id
                WHERE e.article_id = @p0 AND e.confidence >= @p1
                ORDER BY e.confidence DESC, e.source_article_id IS NULL, s.published_ms, e.id LIMIT 1);
            """);

        // Every member of a story with its chosen edge, if any.
        public PreparedStatement OriginMembers { get; } = new(connection, tx, """
            SELECT m.article_id, a.outlet_id, a.published_ms, a.first_seen_ms, e.source_article_id, e.source_outlet_id
            FROM story_members m JOIN articles a ON a.id = m.article_id
            LEFT JOIN provenance_edges e ON e.article_id = m.article_id AND e.chosen = 1
            WHERE m.story_id = @p0
            """);

        public PreparedStatement Origin { get; } = new(connection, tx, """
            INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (@p0, @p1, @p2, @p3, @p4)
            ON CONFLICT (story_id) DO UPDATE SET outlet_id = excluded.outlet_id, article_id = excluded.article_id, basis = excluded.basis, updated_ms = excluded.updated_ms
            WHERE story_origins.basis <> 'editor'
            """);

        public void Dispose()
        {
            Clear.Dispose();
            Evidence.Dispose();
            Members.Dispose();
            Edge.Dispose();
            Repointed.Dispose();
            Repoint.Dispose();
            Choose.Dispose();
            OriginMembers.Dispose();
            Origin.Dispose();
        }
    }

    private sealed class Member
    {
        public long ArticleId { get; init; }
        public string OutletId { get; init; } = "";
        public long PublishedMs { get; init; }
        public long SeenMs { get; init; }
        public int Sentences { get; init; }
        public byte[]? SentenceBlob { get; init; }
        public int BodyTokens { get; init; }
    }
}
