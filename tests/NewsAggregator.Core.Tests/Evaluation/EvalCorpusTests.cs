using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation;

namespace NewsAggregator.Core.Tests.Evaluation;

public sealed class EvalCorpusTests
{
    private static string Eval(string file) => Path.Combine(SharedPaths.Shared, "eval", file);

    // Sizes as ../shared/eval/README.md documents them.
    [Theory]
    [InlineData("uci-headlines.dev.jsonl", 2989, 44)]
    [InlineData("basil-events.dev.jsonl", 135, 45)]
    public void Read_DevCorpus_HasDocumentedArticlesAndStories(string file, int articles, int stories)
    {
        var corpus = EvalCorpus.Read(Eval(file)).Articles;

        Assert.Equal(articles, corpus.Count);
        Assert.Equal(stories, corpus.Select(a => a.Story).Distinct().Count());
    }

    [Fact]
    public void Read_Basil_KnowsEveryArticleIsIndependent()
    {
        var corpus = EvalCorpus.Read(Eval("basil-events.dev.jsonl")).Articles;

        Assert.All(corpus, a => Assert.True(a.DerivedFromKnown && a.DerivedFrom is null));
    }

    [Fact]
    public void Read_RepeatedId_KeepsBothArticlesAndWarns()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [Line("a", "First"), Line("a", "Second")]);

            var corpus = EvalCorpus.Read(path);

            Assert.Equal(["a", "a#2"], corpus.Articles.Select(x => x.Id));
            Assert.Equal("Second", corpus.Articles[1].Title);
            Assert.Contains($"{path}:2: id \"a\" repeats", Assert.Single(corpus.Warnings));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Line(string id, string title) =>
        $$"""{"id":"{{id}}","outlet":"X","url":"https://x.example/{{title}}","title":"{{title}}","published":"2026-11-20T08:00:00Z"}""";

    [Fact]
    public void Read_BadLine_NamesFileAndLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, [Line("1", "T"), "{not json"]);

            var e = Assert.Throws<ConfigurationException>(() => EvalCorpus.Read(path));

            Assert.Contains($"{path}:2:", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
