using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Tests.Editorial;

/// <summary>
/// Stories written straight into the real tables (text of our own): what the clustering and provenance stages would
/// have stored, with known orders. Day d is 2026-01-0d; hour h is ms from midnight.
/// </summary>
internal static class EditorFixture
{
    public const long Day = 86_400_000, Hour = 3_600_000, Jan1 = 1_767_225_600_000;

    public static async Task ArticleAsync(Database db, long id, string outlet, string title, string body, long publishedMs)
    {
        await using var c = await db.OpenAsync();
        await c.ExecuteAsync("""
            INSERT OR IGNORE INTO outlets (id, name, kind) VALUES (@outlet, upper(@outlet), 'newspaper');
            INSERT INTO articles (id, canonical_url, outlet_id, title, body, published_ms, first_seen_ms, changed_ms, content_hash)
            VALUES (@id, 'https://example.test/' || @id, @outlet, @title, @body, @publishedMs, @publishedMs, @publishedMs, 'h' || @id);
            """, new { id, outlet, title, body, publishedMs });
    }

    /// <summary>A story whose members are (article id, outlet, relation, published); the first member's id is the story's.</summary>
    public static async Task StoryAsync(Database db, IReadOnlyList<(long Id, string Outlet, string Relation, long PublishedMs)> members, string topic, long? mergedInto = null)
    {
        var id = members[0].Id;
        foreach (var m in members)
        {
            await ArticleAsync(db, m.Id, m.Outlet, $"{topic} report {m.Id}", $"The {topic} story as told by {m.Outlet}. It has a second sentence about {topic} that is long enough.", m.PublishedMs);
            await using var c = await db.OpenAsync();
            await c.ExecuteAsync("""
                INSERT INTO story_members (article_id, story_id, relation, nearest_article_id, score, joined_ms)
                VALUES (@Id, @story, @Relation, CASE WHEN @Id = @story THEN NULL ELSE @story END, 0.5, @PublishedMs)
                """, new { m.Id, story = mergedInto ?? id, m.Relation, m.PublishedMs });
        }
        await using var conn = await db.OpenAsync();
        await conn.ExecuteAsync("""
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms, merged_into) VALUES (@id, @n, @oldest, @newest, @oldest, @newest, @mergedInto)
            """, new { id, n = members.Count, oldest = members.Min(m => m.PublishedMs), newest = members.Max(m => m.PublishedMs), mergedInto });
    }
}
