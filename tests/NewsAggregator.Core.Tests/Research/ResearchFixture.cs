using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Research;

/// <summary>
/// A small provenance graph written straight into the tables, as the clustering and provenance stages would leave it.
/// <code>
/// id  outlet    published     story  relation   chosen edge (gap)                    other edges
/// 1   meridian  T0            1      original   -
/// 2   herald    T0+10m        1      duplicate  copy → 1 (600 s)
/// 3   courier   T0+30m        1      rewrite    rewrite → 1 (1,800 s)                  attribution → 2, not chosen
/// 4   courier   T0+2h         4      original   attribution → outlet guardian (no gap)
/// 9   herald    T0+2h10m      4      duplicate  copy → 4 (600 s, algorithm prov-2)
/// 5   herald    T0+3h         1      duplicate  copy → 3 (9,000 s)
/// 8   herald    T0+4h         1      duplicate  copy → 2 (13,800 s: herald from herald)
/// 6   meridian  T0+1d         6      original   -                                     title with a comma, quotes and a line break
/// 7   herald    T0+1d+5m      6      duplicate  copy → 6 (300 s)
/// </code>
/// Outlets: meridian, herald, courier, guardian (external, no articles), silent (no articles, never a source).
/// Stories 1, 4 and 6 are live; story 99 was merged into 1.
/// </summary>
internal static class ResearchFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public const string AwkwardTitle = "Strike, \"total\" shutdown\nsecond line";

    public const string QuotedEvidence = """{"phrase":"according to Meridian, \"the wire\"","shared":0.42}""";

    public const string SettingsJson = """{"WindowHours":96,"JoinThreshold":0.2,"MergeThreshold":0.4,"DuplicateResemblance":0.6,"RewriteSharedSentences":0.1}""";

    public static DateTimeOffset Published(long id) => id switch
    {
        1 => T0,
        2 => T0.AddMinutes(10),
        3 => T0.AddMinutes(30),
        4 => T0.AddHours(2),
        5 => T0.AddHours(3),
        6 => T0.AddDays(1),
        7 => T0.AddDays(1).AddMinutes(5),
        8 => T0.AddHours(4),
        9 => T0.AddHours(2).AddMinutes(10),
        _ => throw new ArgumentOutOfRangeException(nameof(id)),
    };

    public static async Task InsertAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO outlets (id, name, kind, country, external) VALUES
                ('meridian', 'Meridian Wire', 'wire', 'GB', 0),
                ('herald', 'The Herald', 'newspaper', 'GB', 0),
                ('courier', 'Valley Courier', 'newspaper', 'US', 0),
                ('guardian', 'The Guardian', 'newspaper', NULL, 1),
                ('silent', 'Silent Blog', 'blog', NULL, 0)
            """);
        var articles = new (long Id, string Outlet, string Title, long Story, string Relation)[]
        {
            (1, "meridian", "Quake hits coast", 1, "original"),
            (2, "herald", "Quake hits coast", 1, "duplicate"),
            (3, "courier", "Coast shaken by quake", 1, "rewrite"),
            (4, "courier", "Minister resigns", 4, "original"),
            (5, "herald", "Coast shaken by quake", 1, "duplicate"),
            (6, "meridian", AwkwardTitle, 6, "original"),
            (7, "herald", AwkwardTitle, 6, "duplicate"),
            (8, "herald", "Quake hits coast (update)", 1, "duplicate"),
            (9, "herald", "Minister resigns", 4, "duplicate"),
        };
        foreach (var a in articles)
        {
            var published = Time.ToMs(Published(a.Id));
            await connection.ExecuteAsync("""
                INSERT INTO articles (id, canonical_url, outlet_id, title, body, published_ms, first_seen_ms, changed_ms, content_hash)
                VALUES (@Id, @Url, @Outlet, @Title, 'body', @Published, @Seen, @Seen, @Hash)
                """, new { a.Id, Url = $"https://{a.Outlet}.example/{a.Id}", a.Outlet, a.Title, Published = published, Seen = published + 60_000, Hash = $"h{a.Id}" });
            await connection.ExecuteAsync("""
                INSERT INTO story_members (article_id, story_id, relation, nearest_article_id, score, joined_ms)
                VALUES (@Id, @Story, @Relation, NULL, 0.9, @Published)
                """, new { a.Id, a.Story, a.Relation, Published = published });
        }
        await connection.ExecuteAsync("""
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms, merged_into) VALUES
                (1, 5, @S1Old, @S1New, @S1Old, @S1New, NULL),
                (4, 2, @S4Old, @S4New, @S4Old, @S4New, NULL),
                (6, 2, @S6Old, @S6New, @S6Old, @S6New, NULL),
                (99, 1, @S1Old, @S1Old, @S1Old, @S1Old, 1)
            """, new
        {
            S1Old = Time.ToMs(Published(1)), S1New = Time.ToMs(Published(8)),
            S4Old = Time.ToMs(Published(4)), S4New = Time.ToMs(Published(9)),
            S6Old = Time.ToMs(Published(6)), S6New = Time.ToMs(Published(7)),
        });
        await connection.ExecuteAsync("""
            INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES
                (1, 'meridian', 1, 'chain', 0),
                (4, 'guardian', NULL, 'chain', 0),
                (6, 'meridian', 6, 'earliest', 0)
            """);
        var edges = new (long Id, long Article, long? Source, string SourceOutlet, string Kind, double Confidence, bool Chosen, long? GapSeconds, string Evidence, string Version)[]
        {
            (1, 2, 1, "meridian", "copy", 0.98, true, 600, """{"resemblance":0.97}""", "prov-1"),
            (2, 3, 1, "meridian", "rewrite", 0.8, true, 1800, QuotedEvidence, "prov-1"),
            (3, 3, 2, "herald", "attribution", 0.4, false, 1200, """{"span":"the Herald said"}""", "prov-1"),
            (4, 4, null, "guardian", "attribution", 0.9, true, null, """{"span":"a report by The Guardian revealed"}""", "prov-1"),
            (5, 5, 3, "courier", "copy", 0.95, true, 9000, "{}", "prov-1"),
            (6, 7, 6, "meridian", "copy", 0.99, true, 300, "{}", "prov-1"),
            (7, 8, 2, "herald", "copy", 0.97, true, 13800, "{}", "prov-1"),
            (8, 9, 4, "courier", "copy", 0.96, true, 600, "{}", "prov-2"),
        };
        foreach (var e in edges)
        {
            await connection.ExecuteAsync("""
                INSERT INTO provenance_edges (id, article_id, source_article_id, source_outlet_id, kind, confidence, chosen, gap_ms, evidence_json, algorithm_version, created_ms)
                VALUES (@Id, @Article, @Source, @SourceOutlet, @Kind, @Confidence, @Chosen, @GapMs, @Evidence, @Version, 0)
                """, new { e.Id, e.Article, e.Source, e.SourceOutlet, e.Kind, e.Confidence, Chosen = e.Chosen ? 1 : 0, GapMs = e.GapSeconds * 1000, e.Evidence, e.Version });
        }
        await connection.ExecuteAsync(
            "INSERT INTO cluster_settings (algorithm_version, settings_json, first_used_ms) VALUES ('cluster-2', @SettingsJson, @At)",
            new { SettingsJson, At = Time.ToMs(T0) });
    }
}
