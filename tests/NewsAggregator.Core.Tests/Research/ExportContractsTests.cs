using NewsAggregator.Core.Research;

namespace NewsAggregator.Core.Tests.Research;

public sealed class ExportContractsTests
{
    [Fact]
    public void TryParseTables_RepeatedAndCommaSeparated_KeepsOrderWithoutRepeats()
    {
        Assert.True(ExportRequest.TryParseTables(["edges,articles", "edges", " outlets "], out var tables, out var error));

        Assert.Null(error);
        Assert.Equal([ExportTable.Edges, ExportTable.Articles, ExportTable.Outlets], tables);
    }

    [Fact]
    public void TryParseTables_None_MeansAllFour()
    {
        Assert.True(ExportRequest.TryParseTables(null, out var tables, out _));

        Assert.Equal([ExportTable.Articles, ExportTable.Stories, ExportTable.Edges, ExportTable.Outlets], tables);
    }

    [Theory]
    [InlineData("article")]
    [InlineData("1")]
    [InlineData("articles;edges")]
    public void TryParseTables_UnknownName_FailsNamingTheAllowedValues(string value)
    {
        Assert.False(ExportRequest.TryParseTables([value], out _, out var error));

        Assert.Contains("articles, stories, edges, outlets", error);
    }

    [Fact]
    public void TryParseFormat_NotAllowedHere_FailsNamingTheAllowedOnes()
    {
        Assert.False(ExportRequest.TryParseFormat("graphml", [ExportFormat.Jsonl, ExportFormat.Csv], out _, out var error));

        Assert.Contains("allowed: jsonl, csv", error);
    }

    [Fact]
    public void TryParse_DatesAndTimes_AreUtcUnlessAnOffsetIsGiven()
    {
        Assert.True(ExportRange.TryParse("2026-03-01", "2026-03-02T10:00:00+02:00", out var range, out _));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), range.Since);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), range.Until);
        Assert.Equal(long.MinValue, ExportRange.All.SinceMs);
        Assert.Equal(long.MaxValue, ExportRange.All.UntilMs);
    }

    [Theory]
    [InlineData("yesterday", null, "--since")]
    [InlineData(null, "soon", "--until")]
    [InlineData("2026-03-02", "2026-03-01", "must be after")]
    public void TryParse_BadRange_FailsWithTheReason(string? since, string? until, string reason)
    {
        Assert.False(ExportRange.TryParse(since, until, out _, out var error));

        Assert.Contains(reason, error);
    }
}
