using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class ArticleNormalizerTests
{
    private static readonly FeedContext Memo = new(1, "memo", "Middle East Monitor", new Uri("https://www.middleeastmonitor.com/feed/"), "https://www.middleeastmonitor.com/");
    private static readonly DateTimeOffset FirstSeen = new(2023, 6, 16, 12, 0, 0, TimeSpan.Zero);

    private readonly ArticleNormalizer _normalizer = new();

    private const string StoryHtml =
        "<p>The minister resigned on Tuesday after weeks of pressure from his own party.</p>"
        + "<p>Officials declined to comment on the timing of the announcement late on Tuesday.</p>";

    private static ParsedItem Item(string html = StoryHtml) => new()
    {
        Id = "memo-123",
        Link = "/20230616-minister-resigns/?utm_source=rss",
        Title = "Minister resigns – Middle East Monitor",
        ContentHtml = html,
        Published = new DateTimeOffset(2023, 6, 16, 9, 30, 0, TimeSpan.FromHours(3)),
        Author = " Jane  Doe ",
        Categories = ["Politics", "politics", " Europe "],
    };

    [Fact]
    public void Normalize_TypicalItem_FillsEveryField()
    {
        var article = _normalizer.Normalize(Item(), Memo, FirstSeen);

        Assert.NotNull(article);
        Assert.Equal("https://www.middleeastmonitor.com/20230616-minister-resigns/", article.CanonicalUrl);
        Assert.Equal("memo-123", article.Guid);
        Assert.Equal("Minister resigns", article.Title);
        Assert.Equal(
            "The minister resigned on Tuesday after weeks of pressure from his own party.\n\n"
            + "Officials declined to comment on the timing of the announcement late on Tuesday.", article.Body);
        Assert.Equal(new DateTimeOffset(2023, 6, 16, 6, 30, 0, TimeSpan.Zero), article.PublishedUtc);
        Assert.Equal(TimeSpan.Zero, article.PublishedUtc.Offset);
        Assert.False(article.PublishedIsFirstSeen);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal(["Politics", "Europe"], article.Categories);
        Assert.Equal(64, article.ContentHash.Length);
    }

    [Fact]
    public void Normalize_ContentHtml_KeptAsFetched()
    {
        var article = _normalizer.Normalize(Item() with { SummaryHtml = "<p>Teaser</p>" }, Memo, FirstSeen);
        Assert.Equal(StoryHtml, article!.ContentHtml);
    }

    [Fact]
    public void Normalize_OnlySummaryHtml_KeepsTheSummary()
    {
        var article = _normalizer.Normalize(Item(html: " ") with { SummaryHtml = "<p>Only a <b>teaser</b> here.</p>" }, Memo, FirstSeen);
        Assert.Equal("<p>Only a <b>teaser</b> here.</p>", article!.ContentHtml);
    }

    [Fact]
    public void Normalize_NoHtml_ContentHtmlNull()
    {
        var article = _normalizer.Normalize(Item() with { ContentHtml = null, SummaryHtml = null, Title = "Headline only" }, Memo, FirstSeen);
        Assert.Null(article!.ContentHtml);
    }

    [Fact]
    public void Normalize_HugeHtml_CutAtTheBound()
    {
        var huge = "<p>" + new string('x', ArticleNormalizer.MaxContentHtmlChars * 2) + "</p>";
        var article = _normalizer.Normalize(Item(huge), Memo, FirstSeen);
        Assert.Equal(ArticleNormalizer.MaxContentHtmlChars, article!.ContentHtml!.Length);
    }

    [Fact]
    public void Normalize_NoDate_UsesFirstSeenFlagged()
    {
        var article = _normalizer.Normalize(Item() with { Published = null, Updated = null }, Memo, FirstSeen);

        Assert.Equal(FirstSeen, article!.PublishedUtc);
        Assert.True(article.PublishedIsFirstSeen);
    }

    [Fact]
    public void Normalize_OnlyUpdated_UsesUpdated()
    {
        var updated = FirstSeen.AddHours(-2);
        var article = _normalizer.Normalize(Item() with { Published = null, Updated = updated }, Memo, FirstSeen);

        Assert.Equal(updated, article!.PublishedUtc);
        Assert.Equal(updated, article.UpdatedUtc);
        Assert.False(article.PublishedIsFirstSeen);
    }

    [Fact]
    public void Normalize_DateFarInFuture_ClampedToFirstSeenFlagged()
    {
        var article = _normalizer.Normalize(Item() with { Published = FirstSeen.AddDays(3) }, Memo, FirstSeen);

        Assert.Equal(FirstSeen, article!.PublishedUtc);
        Assert.True(article.PublishedIsFirstSeen);
    }

    [Fact]
    public void Normalize_DateSlightlyAhead_IsKept()
    {
        var ahead = FirstSeen.AddHours(5);
        var article = _normalizer.Normalize(Item() with { Published = ahead }, Memo, FirstSeen);

        Assert.Equal(ahead, article!.PublishedUtc);
        Assert.False(article.PublishedIsFirstSeen);
    }

    [Fact]
    public void Normalize_EpochZeroDate_UsesFirstSeen()
    {
        var article = _normalizer.Normalize(Item() with { Published = DateTimeOffset.UnixEpoch }, Memo, FirstSeen);
        Assert.True(article!.PublishedIsFirstSeen);
    }

    [Fact]
    public void Normalize_BoilerplateChange_SameHash()
    {
        var plain = _normalizer.Normalize(Item(), Memo, FirstSeen)!;
        var noisy = _normalizer.Normalize(Item(StoryHtml + "<p>Advertisement</p><p>Comments are closed.</p><script>track()</script>"), Memo, FirstSeen)!;

        Assert.Equal(plain.Body, noisy.Body);
        Assert.Equal(plain.ContentHash, noisy.ContentHash);
    }

    [Fact]
    public void Normalize_RealEdit_DifferentHash()
    {
        var before = _normalizer.Normalize(Item(), Memo, FirstSeen)!;
        var after = _normalizer.Normalize(Item(StoryHtml.Replace("Tuesday after", "Wednesday after", StringComparison.Ordinal)), Memo, FirstSeen)!;

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public void Normalize_TitleEdit_DifferentHash()
    {
        var before = _normalizer.Normalize(Item(), Memo, FirstSeen)!;
        var after = _normalizer.Normalize(Item() with { Title = "Minister quits" }, Memo, FirstSeen)!;

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public void Normalize_NoLinkButUrlGuid_UsesGuid()
    {
        var article = _normalizer.Normalize(Item() with { Link = null, Id = "https://www.middleeastmonitor.com/?p=123" }, Memo, FirstSeen);
        Assert.Equal("https://www.middleeastmonitor.com/?p=123", article!.CanonicalUrl);
    }

    [Theory]
    [InlineData(null, "tag:middleeastmonitor.com,2023:123")]
    [InlineData("javascript:void(0)", "memo-123")]
    [InlineData(null, null)]
    public void Normalize_NoUsableUrl_ReturnsNull(string? link, string? id)
    {
        Assert.Null(_normalizer.Normalize(Item() with { Link = link, Id = id }, Memo, FirstSeen));
    }

    [Fact]
    public void Normalize_NoTitle_UsesFirstSentence()
    {
        var article = _normalizer.Normalize(Item() with { Title = null }, Memo, FirstSeen);
        Assert.Equal("The minister resigned on Tuesday after weeks of pressure from his own party.", article!.Title);
    }

    [Fact]
    public void Normalize_NoTitleLongSentence_TruncatedAtWord()
    {
        var words = string.Join(' ', Enumerable.Repeat("resignation", 30));
        var article = _normalizer.Normalize(Item($"<p>{words}.</p>") with { Title = null }, Memo, FirstSeen);

        Assert.True(article!.Title.Length <= ArticleNormalizer.MaxDerivedTitleLength);
        Assert.EndsWith("resignation…", article.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SummaryLongerThanContent_UsesSummary()
    {
        var article = _normalizer.Normalize(Item("<p>Teaser.</p>") with { SummaryHtml = StoryHtml }, Memo, FirstSeen);
        Assert.StartsWith("The minister resigned", article!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_BodyRepeatsTitle_FirstLineDropped()
    {
        var article = _normalizer.Normalize(Item("<h1>Minister resigns</h1>" + StoryHtml), Memo, FirstSeen);
        Assert.StartsWith("The minister resigned", article!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Seed_HintsFromFullTextBodyWithoutNoise()
    {
        var (title, body) = BoilerplateFilterTests.Seed();
        var html = string.Concat(body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p.Trim())}</p>"))
            + "<p>This article originally appeared on The Guardian.</p>"
            + "<p><a href=\"https://www.theguardian.com/world/iraq-weapons\">source</a> <a href=\"/tag/iran\">Iran</a></p>";
        var item = new ParsedItem { Link = "https://www.middleeastmonitor.com/20230616-iraqi-militias/", Title = title, ContentHtml = html };

        var article = _normalizer.Normalize(item, Memo, FirstSeen)!;

        Assert.Equal("Iraqi militias smuggle weapons to Russia via Iran", article.Title);
        Assert.DoesNotContain("Comments are closed", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Supreme Leader Criticizes", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("originally appeared", article.Body, StringComparison.Ordinal);
        Assert.Contains(article.Hints, h => h.Kind == HintKind.Attribution && h.Value is "The Guardian" or "Guardian");
        Assert.Contains(article.Hints, h => h.Kind == HintKind.WireCredit && h.Value == "The Guardian");
        Assert.Contains(article.Hints, h => h.Kind == HintKind.Link && h.Value == "https://www.theguardian.com/world/iraq-weapons");
        Assert.DoesNotContain(article.Hints, h => h.Kind == HintKind.Link && h.Value.Contains("middleeastmonitor", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_DeclaredSource_IsAHint()
    {
        var article = _normalizer.Normalize(Item() with { SourceName = "Reuters", SourceUrl = "https://www.reuters.com/" }, Memo, FirstSeen);
        Assert.Contains(new ProvenanceHint(HintKind.Declared, "Reuters", "https://www.reuters.com/"), article!.Hints);
    }
}
