using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class HintExtractorTests
{
    private static readonly FeedContext Memo = new(1, "memo", "Middle East Monitor", new Uri("https://www.middleeastmonitor.com/feed/"), "https://www.middleeastmonitor.com/");

    private readonly HintExtractor _extractor = new();

    private static List<string> Values(IEnumerable<ProvenanceHint> hints, HintKind kind) =>
        [.. hints.Where(h => h.Kind == kind).Select(h => h.Value)];

    [Theory]
    [InlineData("LONDON (Reuters) - Britain's economy grew faster than expected.", "Reuters")]
    [InlineData("LONDON, March 3 (Reuters) — Britain's economy grew faster than expected.", "Reuters")]
    [InlineData("WASHINGTON (AP) - The Senate passed the bill on Tuesday.", "AP")]
    [InlineData("(AP) — The Senate passed the bill on Tuesday.", "AP")]
    [InlineData("(AFP) - Protesters gathered in Paris on Saturday.", "AFP")]
    [InlineData("SAN FRANCISCO (AFP) – Protesters gathered on Saturday.", "AFP")]
    [InlineData("The Senate passed the bill on Tuesday, officials said. — Associated Press", "Associated Press")]
    [InlineData("The Senate passed the bill.\n\nThe Associated Press contributed to this report.", "The Associated Press")]
    [InlineData("The Senate passed the bill.\n\n(Reporting by Jane Doe in London; Editing by John Roe)", "Reuters")]
    [InlineData("The Senate passed the bill.\n\nThis story was originally published by ProPublica.", "ProPublica")]
    [InlineData("The Senate passed the bill.\n\nThis article originally appeared on The Conversation.", "The Conversation")]
    [InlineData("The Senate passed the bill.\n\nThe post Senate passes bill appeared first on Example Daily.", "Example Daily")]
    public void FromWireCredits_CreditLine_YieldsAgency(string text, string agency)
    {
        Assert.Contains(agency, Values(_extractor.FromWireCredits(text), HintKind.WireCredit));
    }

    [Theory]
    [InlineData("The minister (pictured) - who resigned - spoke later.")]
    [InlineData("Shares fell 3% (to 120p) - the lowest in a year.")]
    [InlineData("He was reporting by phone from Kyiv when the editing by his desk began.")]
    public void FromWireCredits_OrdinaryProse_YieldsNothing(string text)
    {
        Assert.Empty(_extractor.FromWireCredits(text));
    }

    [Fact]
    public void FromAttributions_Seed_YieldsTheGuardianWithEvidence()
    {
        var (_, body) = BoilerplateFilterTests.Seed();
        var hints = _extractor.FromAttributions(body);

        var guardian = Assert.Single(hints.Where(h => h.Value is "The Guardian" or "Guardian").Take(1));
        Assert.Contains("a report by The Guardian newspaper has revealed", guardian.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Seed_OnlyTheGuardian_Once()
    {
        var (_, body) = BoilerplateFilterTests.Seed();
        var hints = _extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/20230616-story/", body, []);

        // "quoted by the Guardian" is the same outlet; "According to Yörük Işık, an … expert" is a person.
        Assert.Equal(["The Guardian"], Values(hints, HintKind.Attribution));
    }

    [Theory]
    [InlineData("The ministry confirmed the figures, according to The Guardian.", "The Guardian")]
    [InlineData("The figures were confirmed, according to the New York Times.", "New York Times")]
    [InlineData("The ministry has not commented, Reuters reported.", "Reuters")]
    [InlineData("The plan was first reported by Haaretz on Monday.", "Haaretz")]
    [InlineData("As first reported by Politico, the plan was dropped.", "Politico")]
    [InlineData("\"We will not back down,\" he told Al Jazeera.", "Al Jazeera")]
    [InlineData("The official, quoted by the Times of Israel, denied it.", "Times of Israel")]
    [InlineData("Citing Bloomberg, the agency said shares fell.", "Bloomberg")]
    [InlineData("A report in the Financial Times said talks had stalled.", "Financial Times")]
    [InlineData("The Wall Street Journal reported on Friday that talks had stalled.", "The Wall Street Journal")]
    [InlineData("Talks had stalled, according to a Kommersant report.", "Kommersant")]
    [InlineData("According to Israel's Channel 12, the talks failed.", "Channel 12")]
    [InlineData("Earlier This Week Reuters reported the deal.", "Reuters")]
    public void FromAttributions_OutletPhrase_YieldsName(string text, string name)
    {
        Assert.Contains(name, Values(_extractor.FromAttributions(text), HintKind.Attribution));
    }

    [Theory]
    [InlineData("The strike killed 12 people, according to officials.")]
    [InlineData("According to the newspaper, the weapons crossed the border.")]
    [InlineData("Citing intelligence sources, the newspaper reported that weapons were sent.")]
    [InlineData("According to Yörük Işık, an Istanbul-based maritime affairs expert, the boxes were fragile.")]
    [InlineData("A PMF source told the newspaper that they were happy.")]
    [InlineData("Police reported three arrests on Sunday.")]
    [InlineData("According to the Pentagon, the drills were routine.")]
    [InlineData("A report by Human Rights Watch found abuses.")]
    [InlineData("According to Press Secretary Jane Roe, the talks went well.")]
    [InlineData("The figures were released, according to the Post Office.")]
    [InlineData("He told reporters on Monday that the deal was done.")]
    [InlineData("According to U.S. officials, the drills were routine.")]
    [InlineData("John Smith reported the crime to police.")]
    [InlineData("A report by Amnesty International found abuses.")]
    [InlineData("According to data from the Central Bank, inflation fell.")]
    [InlineData("State media reported the blast.")]
    public void FromAttributions_NotAnOutlet_YieldsNothing(string text)
    {
        Assert.Empty(_extractor.FromAttributions(text));
    }

    [Fact]
    public void FromAttributions_SentenceOpener_IsNotTakenForAName()
    {
        Assert.Equal(["Middle East Eye"], Values(_extractor.FromAttributions("As reported by Middle East Eye, the talks stalled."), HintKind.Attribution));
    }

    [Fact]
    public void FromDeclaredSource_SourceNameAndUrl_YieldsDeclared()
    {
        var hints = _extractor.FromDeclaredSource(new ParsedItem { SourceName = " The  Guardian ", SourceUrl = "https://www.theguardian.com/world/rss?utm_source=x" });
        var hint = Assert.Single(hints);
        Assert.Equal(new ProvenanceHint(HintKind.Declared, "The Guardian", "https://www.theguardian.com/world/rss"), hint);
    }

    [Fact]
    public void FromDeclaredSource_UrlOnly_YieldsUrl()
    {
        var hint = Assert.Single(_extractor.FromDeclaredSource(new ParsedItem { SourceUrl = "https://apnews.com/" }));
        Assert.Equal("https://apnews.com/", hint.Value);
    }

    [Fact]
    public void Extract_Links_KeepsOtherNewsSitesOnly()
    {
        string[] links =
        [
            "https://www.theguardian.com/world/2023/jun/16/iraq-weapons",
            "https://www.middleeastmonitor.com/tag/iran/",
            "https://cdn.middleeastmonitor.com/img.jpg",
            "https://twitter.com/intent/tweet?url=x",
            "https://www.facebook.com/sharer.php?u=x",
            "https://en.wikipedia.org/wiki/Iran",
            "https://www.bbc.co.uk/news/world-123",
            "https://www.theguardian.com/world/2023/jun/16/iraq-weapons",
        ];
        var hints = _extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/20230616-story/", "", links);

        Assert.Equal(["https://www.theguardian.com/world/2023/jun/16/iraq-weapons", "https://www.bbc.co.uk/news/world-123"], Values(hints, HintKind.Link));
    }

    [Fact]
    public void Extract_ItemLinkOnAnotherSite_YieldsCanonical()
    {
        var aggregator = new FeedContext(2, "agg", "Some Aggregator", new Uri("https://agg.example/rss"), "https://agg.example/");
        var hints = _extractor.Extract(new ParsedItem(), aggregator, "https://www.reuters.com/world/story-1/", "", []);
        Assert.Equal(["https://www.reuters.com/world/story-1/"], Values(hints, HintKind.Canonical));
    }

    [Fact]
    public void Extract_ItemLinkOnOwnSubdomain_NoCanonical()
    {
        var feed = new FeedContext(3, "reuters", "Reuters", new Uri("https://feeds.reuters.com/world"), null);
        var hints = _extractor.Extract(new ParsedItem(), feed, "https://www.reuters.com/world/story-1/", "", []);
        Assert.Empty(Values(hints, HintKind.Canonical));
    }

    [Fact]
    public void Extract_OwnOutletCredit_IsDropped()
    {
        var feed = new FeedContext(3, "reuters", "Reuters", new Uri("https://feeds.reuters.com/world"), null);
        var hints = _extractor.Extract(new ParsedItem(), feed, "https://www.reuters.com/world/story-1/", "LONDON (Reuters) - Shares fell.", []);
        Assert.Empty(hints);
    }

    [Fact]
    public void Extract_RepeatedAttribution_IsDeduplicated()
    {
        const string text = "Talks stalled, according to The Guardian. Later, the Guardian reported more. As the guardian noted, quoted by The Guardian.";
        var hints = _extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/x/", text, []);
        Assert.Single(Values(hints, HintKind.Attribution));
    }

    [Fact]
    public void Extract_ReutersDatelineAndAttribution_KeepsBothKinds()
    {
        const string text = "LONDON (Reuters) - Talks stalled, Reuters reported.";
        var hints = _extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/x/", text, []);
        Assert.Equal(["Reuters"], Values(hints, HintKind.WireCredit));
        Assert.Equal(["Reuters"], Values(hints, HintKind.Attribution));
    }
}
