using Dapper;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Tests.Storage;
using static NewsAggregator.Core.Tests.Editorial.EditorFixture;

namespace NewsAggregator.Core.Tests.Editorial;

public sealed class EditorQueriesTests : IAsyncLifetime
{
    private TempDatabase _db = null!;
    private EditorQueries _queries = null!;

    // Story 1: three copies over 10 hours (wire). Story 10: five members within 1 hour, outlets b and c.
    // Story 20: one article, the newest. Story 30: two related reports from d, 2 days apart.
    public async Task InitializeAsync()
    {
        _db = await TempDatabase.CreateAsync();
        _queries = new EditorQueries(_db.Database);
        await StoryAsync(_db.Database, [(1, "wire", "original", Jan1), (2, "a", "duplicate", Jan1 + 5 * Hour), (3, "b", "duplicate", Jan1 + 10 * Hour)], "harbour");
        await StoryAsync(_db.Database, [(10, "b", "original", Jan1 + Day), (11, "c", "rewrite", Jan1 + Day + 10 * 60_000), (12, "b", "related", Jan1 + Day + 20 * 60_000),
            (13, "c", "duplicate", Jan1 + Day + 30 * 60_000), (14, "c", "duplicate", Jan1 + Day + 40 * 60_000)], "bridge");
        await StoryAsync(_db.Database, [(20, "a", "original", Jan1 + 4 * Day)], "volcano");
        await StoryAsync(_db.Database, [(30, "d", "original", Jan1 + Day), (31, "d", "related", Jan1 + 3 * Day)], "election");
        await using var c = await _db.Database.OpenAsync();
        // Story 40 was merged into story 10 and story 50 into story 40: links to either lead to 10.
        await c.ExecuteAsync("""
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms, merged_into) VALUES (40, 0, 0, 0, 0, 0, 10), (50, 0, 0, 0, 0, 0, 40)
            """);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<List<long>> IdsAsync(StoryListQuery q) => (await _queries.StoriesAsync(q)).Stories.Select(s => s.Id).ToList();

    [Fact]
    public async Task Stories_EachSort_OrdersLiveStoriesOnly()
    {
        Assert.Equal([20, 30, 10, 1], await IdsAsync(new StoryListQuery()));
        Assert.Equal([10, 1, 30, 20], await IdsAsync(new StoryListQuery { Sort = StorySort.Biggest }));
        // Growth per day with an hour of grace: 10 → 5 members in 1h40 (72/day), 20 → 1 in 1h (24/day), 1 → 3 in 11h, 30 → 2 in 49h.
        Assert.Equal([10, 20, 1, 30], await IdsAsync(new StoryListQuery { Sort = StorySort.Growing }));
    }

    [Fact]
    public async Task Stories_CursorPaging_VisitsEveryStoryOnceInOrder()
    {
        foreach (var sort in Enum.GetValues<StorySort>())
        {
            var all = await IdsAsync(new StoryListQuery { Sort = sort });
            var seen = new List<long>();
            StoryCursor? after = null;
            do
            {
                var page = await _queries.StoriesAsync(new StoryListQuery { Sort = sort, Limit = 1, After = after });
                seen.AddRange(page.Stories.Select(s => s.Id));
                after = page.Next;
                Assert.True(seen.Count <= 4, "paging must end");
            }
            while (after is not null);
            Assert.Equal(all, seen);
        }
    }

    [Fact]
    public async Task Stories_Filters_KeepOnlyMatchingStories()
    {
        Assert.Equal([10, 1], await IdsAsync(new StoryListQuery { OutletId = "b" }));
        Assert.Equal([10], await IdsAsync(new StoryListQuery { Relation = "rewrite" }));
        Assert.Equal([30, 10], await IdsAsync(new StoryListQuery { Relation = "related" }));
        // Active on 2 January: newest member on or after it, begun before the 3rd.
        Assert.Equal([30, 10], await IdsAsync(new StoryListQuery { SinceMs = Jan1 + Day, UntilMs = Jan1 + 2 * Day }));
        Assert.Equal([20], await IdsAsync(new StoryListQuery { Search = "volcano" }));
        Assert.Equal([1], await IdsAsync(new StoryListQuery { Search = "harbour told WIRE" }));
        // Words that look like FTS5 syntax are searched as words, not run as operators.
        Assert.Empty(await IdsAsync(new StoryListQuery { Search = "NOT \"title:* harbour" }));
    }

    [Fact]
    public async Task Stories_Row_DescribesCharacterOutletsAndOrigin()
    {
        await using (var c = await _db.Database.OpenAsync())
        {
            await c.ExecuteAsync("""
                INSERT INTO outlets (id, name, kind, external) VALUES ('x-news', 'X News', 'newspaper', 1);
                INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (1, 'x-news', NULL, 'chain', 0);
                """);
        }
        var rows = (await _queries.StoriesAsync(new StoryListQuery())).Stories.ToDictionary(r => r.Id);
        Assert.Equal(StoryCharacter.Copies, rows[1].Character);
        Assert.Equal(StoryCharacter.Copies, rows[10].Character); // 3 of 4 derived
        Assert.Equal(StoryCharacter.Single, rows[20].Character);
        Assert.Equal(StoryCharacter.Independent, rows[30].Character);
        Assert.Equal(3, rows[1].Outlets);
        Assert.Equal(2, rows[10].Outlets);
        Assert.Equal(("X News", true), (rows[1].OriginOutletName, rows[1].OriginExternal));
        Assert.Equal("harbour report 1", rows[1].Headline);
    }

    [Fact]
    public async Task Survivor_MergedStory_LeadsToTheStoryItWasMergedInto()
    {
        Assert.Equal(10, await _queries.SurvivorAsync(50));
        Assert.Equal(10, await _queries.SurvivorAsync(10));
        Assert.Null(await _queries.SurvivorAsync(999));
    }

    [Theory]
    [InlineData(StorySort.Newest, "stories_newest")]
    [InlineData(StorySort.Biggest, "stories_members")]
    [InlineData(StorySort.Growing, "stories_growth")]
    public async Task StoriesSql_DeepPage_WalksTheOrdersIndexWithoutSorting(StorySort sort, string index)
    {
        var (sql, parameters) = EditorQueries.StoriesSql(new StoryListQuery { Sort = sort, After = new StoryCursor(long.MaxValue / 2, 5) });
        await using var c = await _db.Database.OpenAsync();
        var plan = string.Join('\n', (await c.QueryAsync<(long, long, long, string)>("EXPLAIN QUERY PLAN " + sql, parameters)).Select(r => r.Item4));
        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        Assert.Contains("<", plan, StringComparison.Ordinal); // a range on the index, not a scan from the start
    }
}
