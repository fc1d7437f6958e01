using NewsAggregator.Core.Normalizing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class TitleCleanerTests
{
    [Theory]
    [InlineData("Iraqi militias smuggle weapons to Russia via Iran – Middle East Monitor", "Middle East Monitor")]
    [InlineData("Iraqi militias smuggle weapons to Russia via Iran | Reuters", "Reuters")]
    [InlineData("Iraqi militias smuggle weapons to Russia via Iran - BBC News", "BBC News")]
    [InlineData("Iraqi militias smuggle weapons to Russia via Iran — the guardian", "The Guardian")]
    [InlineData("The Guardian: Iraqi militias smuggle weapons to Russia via Iran", "The Guardian")]
    [InlineData("Guardian | Iraqi militias smuggle weapons to Russia via Iran", "The Guardian")]
    public void Clean_OutletSuffixOrPrefix_IsRemoved(string title, string outlet)
    {
        Assert.Equal("Iraqi militias smuggle weapons to Russia via Iran", TitleCleaner.Clean(title, outlet));
    }

    [Fact]
    public void Clean_Alias_IsRemoved()
    {
        Assert.Equal("Markets slide", TitleCleaner.Clean("Markets slide · MEMO", "Middle East Monitor", ["MEMO"]));
    }

    [Theory]
    [InlineData("Markets slide | Example Daily", "Markets slide")]
    [InlineData("Markets slide - Example News", "Markets slide")]
    [InlineData("Markets slide – example.com", "Markets slide")]
    [InlineData("Markets slide - World news | The Guardian", "Markets slide")]
    public void Clean_UnknownSiteSuffix_IsRemoved(string title, string expected)
    {
        Assert.Equal(expected, TitleCleaner.Clean(title, "Some Aggregator"));
    }

    [Theory]
    [InlineData("Spider-Man - Into the Spider-Verse wins award")]
    [InlineData("Ukraine war - what we know on day 100")]
    [InlineData("Biden meets Xi - live updates")]
    public void Clean_DashInsideHeadline_IsKept(string title)
    {
        Assert.Equal(title, TitleCleaner.Clean(title, "Reuters"));
    }

    [Fact]
    public void Clean_EntitiesTagsAndWhitespace_AreCleaned()
    {
        Assert.Equal("Q&A: “Why” it matters", TitleCleaner.Clean("  Q&amp;amp;A:  <em>&ldquo;Why&rdquo;</em>\n it   matters ", null));
    }

    [Fact]
    public void Clean_TitleIsOnlyTheOutletName_IsKept()
    {
        Assert.Equal("Reuters", TitleCleaner.Clean("Reuters", "Reuters"));
        Assert.Equal("BBC News", TitleCleaner.Clean(" BBC News ", "BBC News"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Clean_NoTitle_ReturnsEmpty(string? title)
    {
        Assert.Equal("", TitleCleaner.Clean(title, "Reuters"));
    }
}
