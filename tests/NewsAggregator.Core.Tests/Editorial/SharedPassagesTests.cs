using NewsAggregator.Core.Editorial;

namespace NewsAggregator.Core.Tests.Editorial;

public sealed class SharedPassagesTests
{
    [Fact]
    public void Mark_SentenceRepeatedWithOtherCaseAndQuotes_IsShared()
    {
        var copy = "Ferry services resumed on Tuesday after the storm. “Everyone is safe,” the harbour master said. Read more.";
        var source = "Everyone is safe, the Harbour Master said! A new sentence of the source itself is here. Read more.";
        var marked = SharedPassages.Mark(copy, source);
        Assert.Equal(["“Everyone is safe,” the harbour master said."], marked.Where(s => s.Shared).Select(s => s.Text.Trim()));
        Assert.Equal(copy, string.Concat(marked.Select(s => s.Text))); // nothing lost between the segments
    }

    [Fact]
    public void Share_NoLongSentence_IsZero() => Assert.Equal(0, SharedPassages.Share("Short. Tiny.", "Short. Tiny."));

    [Theory]
    [InlineData(1, 0, 0, 0, StoryCharacter.Single)]
    [InlineData(4, 2, 1, 0, StoryCharacter.Copies)]
    [InlineData(4, 0, 1, 2, StoryCharacter.Independent)]
    [InlineData(5, 1, 1, 2, StoryCharacter.Mixed)]
    public void StoryCharacter_Relations_InWords(int members, int duplicates, int rewrites, int related, string expected) =>
        Assert.Equal(expected, StoryCharacter.Describe(members, duplicates, rewrites, related));
}
