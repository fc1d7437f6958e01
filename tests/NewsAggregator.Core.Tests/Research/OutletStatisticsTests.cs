using NewsAggregator.Core.Research;
using NewsAggregator.Core.Tests.Storage;

namespace NewsAggregator.Core.Tests.Research;

public sealed class OutletStatisticsTests
{
    [Fact]
    public async Task LoadAsync_HandMadeGraph_GivesTheFiguresWorkedOutByHand()
    {
        await using var db = await TempDatabase.CreateAsync();
        await ResearchFixture.InsertAsync(db.Database);

        var rows = await OutletStatistics.LoadAsync(new ResearchStore(db.Database));

        // Worked out from the table in ResearchFixture, chosen edges only:
        // herald: articles 2, 5, 7, 8, 9, each with a chosen edge, so 5 derived and no original. Nobody else takes
        //   from herald through a chosen edge (3 → 2 is not chosen; 8 → 2 is herald itself). Its edges point to
        //   meridian (2, 7), courier (5, 9) and herald (8): courier 2 and meridian 2 tie and go by id.
        // meridian: articles 1 and 6, both original. Taken by herald (600 s), courier (1,800 s) and herald (300 s):
        //   3 copies, median 600 s.
        // courier: articles 3 and 4, both derived (3 → meridian, 4 → guardian). Taken by herald twice (9,000 s and
        //   600 s): median (600 + 9,000) / 2 = 4,800 s.
        // guardian: no articles, taken once by courier with no time gap. silent: nothing, left out.
        OutletStatistics[] expected =
        [
            new("herald", "The Herald", 5, 0, 5, 0.0, 0, null, [new("courier", 2), new("meridian", 2), new("herald", 1)]),
            new("meridian", "Meridian Wire", 2, 2, 0, 1.0, 3, 600, []),
            new("courier", "Valley Courier", 2, 0, 2, 0.0, 2, 4800, [new("guardian", 1), new("meridian", 1)]),
            new("guardian", "The Guardian", 0, 0, 0, null, 1, null, []),
        ];
        Assert.Equal(expected.Select(Flat), rows.Select(Flat));
    }

    [Fact]
    public async Task LoadAsync_NoProvenanceYet_EveryArticleIsOriginal()
    {
        await using var db = await TempDatabase.CreateAsync();
        await ResearchFixture.InsertAsync(db.Database);
        await using (var connection = await db.Database.OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM provenance_edges";
            await command.ExecuteNonQueryAsync();
        }

        var rows = await OutletStatistics.LoadAsync(new ResearchStore(db.Database));

        Assert.Equal(["herald 5/5", "courier 2/2", "meridian 2/2"], rows.Select(r => $"{r.OutletId} {r.Originals}/{r.Articles}"));
        Assert.All(rows, r => Assert.Equal((1.0, 0L, (double?)null), (r.ShareOriginal!.Value, r.TimesCopied, r.MedianCopyDelaySeconds)));
    }

    [Fact]
    public async Task LoadAsync_EmptyDatabase_HasNoRows()
    {
        await using var db = await TempDatabase.CreateAsync();

        Assert.Empty(await OutletStatistics.LoadAsync(new ResearchStore(db.Database)));
    }

    [Fact]
    public void Values_TopSources_AreWrittenAsIdColonEdges()
    {
        var row = new OutletStatistics("herald", "The Herald", 5, 0, 5, 0.0, 0, null, [new("courier", 2), new("meridian", 2)]);

        Assert.Equal(OutletStatistics.Columns.Count, row.Values().Length);
        Assert.Equal("courier:2; meridian:2", row.Values()[^1]);
    }

    // Records with lists compare by reference: compare a flat text instead.
    private static string Flat(OutletStatistics r) =>
        $"{r.OutletId}|{r.Name}|{r.Articles}|{r.Originals}|{r.Derived}|{r.ShareOriginal}|{r.TimesCopied}|{r.MedianCopyDelaySeconds}|{r.TopSourcesText}";
}
