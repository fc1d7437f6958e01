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
    [InlineData("OSLO (Reuters) - Norway's wealth fund lost money in the first quarter.", "Reuters")]
    [InlineData("AP — The storm made landfall near the border on Monday.", "AP")]
    [InlineData("Paris (AFP) - Farmers blocked roads around the capital on Monday.", "AFP")]
    [InlineData("BEIRUT, Lebanon (AFP) — Power was cut across the city overnight.", "AFP")]
    [InlineData("Farmers blocked roads around the capital.\n\n-- AFP", "AFP")]
    [InlineData("Farmers blocked roads around the capital.\n\nAFP", "AFP")]
    [InlineData("Farmers blocked roads around the capital.\n\nkb/dj (AFP, dpa)", "AFP")]
    [InlineData("Farmers blocked roads around the capital.\n\nkb/dj (AFP, dpa)", "dpa")]
    [InlineData("Farmers blocked roads around the capital. (with AFP)", "AFP")]
    [InlineData("This investigation was first published by The Markup.", "The Markup")]
    [InlineData("A version of this story originally appeared in the Texas Tribune.", "Texas Tribune")]
    [InlineData("The column originally appeared in the Baltimore Sun on Sunday.", "Baltimore Sun")]
    [InlineData("Ports stayed shut.\n\nThe post Storm closes ports appeared first on Coastal Herald.", "Coastal Herald")]
    public void FromWireCredits_CreditLine_YieldsAgency(string text, string agency)
    {
        Assert.Contains(agency, Values(_extractor.FromWireCredits(text), HintKind.WireCredit));
    }

    [Theory]
    [InlineData("OSLO (Reuters) - Norway's wealth fund lost money in the first quarter. It blamed tech stocks.", "OSLO (Reuters) - Norway's wealth fund lost money in the first quarter.")]
    [InlineData("Farmers blocked roads.\n\nkb/dj (AFP, dpa)", "kb/dj (AFP, dpa)")]
    [InlineData("Ports stayed shut. A version of this story originally appeared in the Texas Tribune. Share it.", "A version of this story originally appeared in the Texas Tribune.")]
    public void FromWireCredits_Credit_EvidenceIsItsSentenceVerbatim(string text, string sentence)
    {
        var hints = _extractor.FromWireCredits(text);
        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.Equal(sentence, h.Evidence));
    }

    [Theory]
    [InlineData("The minister (pictured) - who resigned - spoke later.")]
    [InlineData("Shares fell 3% (to 120p) - the lowest in a year.")]
    [InlineData("He was reporting by phone from Kyiv when the editing by his desk began.")]
    [InlineData("Jane Roe (Labour) - the MP for Leeds - voted against the bill.")]
    [InlineData("AP — short for Advanced Placement — courses are popular.")]
    [InlineData("The rules, first published in 2019, were revised last year.")]
    [InlineData("The novel was first published by Penguin Books in 1998.")]
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

    /// <summary>The seed as <see cref="ArticleNormalizer"/> hands it over: content HTML to text, then Extract.</summary>
    private List<ProvenanceHint> SeedHints(out string text)
    {
        var (title, body) = BoilerplateFilterTests.Seed();
        var html = string.Concat(body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p.Trim())}</p>"));
        var item = new ParsedItem { Link = "https://www.middleeastmonitor.com/20230616-iraqi-militias/", Title = title, ContentHtml = html };
        var canonicalUrl = UrlCanonicalizer.Canonicalize(item.Link)!;
        (text, var links) = new HtmlText().ToTextAndLinks(item.ContentHtml, new Uri(canonicalUrl));
        return [.. _extractor.Extract(item, Memo, canonicalUrl, text, links)];
    }

    private static bool IsGuardian(string value) => value is "The Guardian" or "Guardian";

    [Fact]
    public void Extract_SeedAsNormalized_EveryHintIsTheGuardian()
    {
        var hints = SeedHints(out var text);

        Assert.Contains(hints, h => h.Kind == HintKind.Attribution);
        Assert.All(hints, h => Assert.True(IsGuardian(h.Value), $"{h.Kind} hint names \"{h.Value}\""));
        foreach (var other in new[] { "Carnegie", "Yörük", "Middle East Monitor", "Comments", "Iran’s Supreme Leader", "Supreme Leader", "PMF" })
            Assert.DoesNotContain(hints, h => h.Value.Contains(other, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(hints, h => h.Evidence?.Contains("a report by The Guardian newspaper has revealed", StringComparison.Ordinal) == true);
        Assert.All(hints, h => Assert.Contains(h.Evidence!, text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("the newspaper reported")]
    [InlineData("According to the newspaper")]
    [InlineData("cited by the newspaper")]
    [InlineData("told the newspaper")]
    [InlineData("quoted by the Guardian")]
    public void Extract_SeedPhrase_ResolvesToTheGuardian(string phrase)
    {
        SeedHints(out var text);
        var hints = _extractor.AttributionsInTextOrder(text).Where(h => h.Evidence!.Contains(phrase, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.True(IsGuardian(h.Value), h.Value));
    }

    [Fact]
    public void Extract_SeedFileWithItsTitleLine_EveryHintIsTheGuardian()
    {
        // The title line ends "… via Iran – Middle East Monitor": a route and the feed's own outlet, neither a source.
        var text = File.ReadAllText(Path.Combine(SharedPaths.Shared, "seeds", "memo-rewrite-of-guardian-report.txt")).ReplaceLineEndings("\n");
        var hints = _extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/20230616-iraqi-militias/", text, []);

        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.True(IsGuardian(h.Value), $"{h.Kind} hint names \"{h.Value}\""));
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
    [InlineData("Lina Haddad, a researcher at the Carnegie Middle East Center, said the truce was fragile.")]
    [InlineData("The clinic was overwhelmed, according to Human Rights Watch.")]
    [InlineData("Forty people were admitted overnight, according to the Ministry of Health.")]
    [InlineData("Weapons reached the coast via Iran and the Caspian Sea.")]
    [InlineData("The parade ran via Times Square before noon.")]
    [InlineData("The letter was sent via the Foreign Office on Friday.")]
    [InlineData("Smoke rose over the harbour on Sunday. Photo via Reuters")]
    [InlineData("According to the daily briefing, the ferries were late.")]
    [InlineData("According to the daily’s Editor Jane Roe, the ferries were late.")]
    [InlineData("China reported 20 new cases on Monday.")]
    [InlineData("Pfizer reported a quarterly profit.")]
    [InlineData("A flaw revealed by Google affects older phones.")]
    [InlineData("According to the Star Wars creator, the sequel is finished.")]
    public void FromAttributions_NotAnOutlet_YieldsNothing(string text)
    {
        Assert.Empty(_extractor.FromAttributions(text));
    }

    [Theory]
    [InlineData("Turnout was higher than expected, according to the Irish Times.", "Irish Times")]
    [InlineData("The Toronto Star reported that the plant would close in spring.", "The Toronto Star")]
    [InlineData("Fishing fleets ignored the quota for years, a report by The Observer newspaper has revealed.", "The Observer")]
    [InlineData("Citing Le Monde, the minister's office said the visit was off.", "Le Monde")]
    [InlineData("\"The count was rigged,\" the opposition leader told Sky News on Sunday.", "Sky News")]
    [InlineData("Exports fell sharply in May, Kyodo News said in a report.", "Kyodo News")]
    [InlineData("The Economist said in a report on Thursday that rents had doubled.", "The Economist")]
    [InlineData("A harbour official, quoted by the Irish Independent, said the ferry was delayed.", "Irish Independent")]
    [InlineData("The footage, obtained via Al Arabiya, shows the convoy at dawn.", "Al Arabiya")]
    [InlineData("The statement was released late on Friday (via Reuters).", "Reuters")]
    [InlineData("In an interview he gave to Der Spiegel, the chancellor ruled out new taxes.", "Der Spiegel")]
    [InlineData("According to the Kenyan newspaper Daily Nation, the ferry sank near the shore.", "Daily Nation")]
    [InlineData("The mayor told the German weekly Die Zeit that the bridge would reopen.", "Die Zeit")]
    [InlineData("The talks stalled on Friday, Tortoise reported.", "Tortoise")]
    [InlineData("A senior aide told CNN's State of the Union that talks would resume.", "CNN")]
    [InlineData("The route is closed, a port engineer quoted by the Guardian’s Middle East editor said.", "Guardian")]
    public void FromAttributions_EachPhrasing_YieldsOutletWithItsSentence(string text, string name)
    {
        var hint = Assert.Single(_extractor.FromAttributions(text), h => h.Value == name);
        Assert.Equal(text, hint.Evidence);
    }

    [Fact]
    public void FromAttributions_LongSentence_EvidenceIsAVerbatimWindowAroundThePhrase()
    {
        var filler = string.Join(' ', Enumerable.Repeat("the harbour stayed closed while crews cleared the debris", 8));
        var text = $"Officials said {filler}, according to the Irish Times, and {filler}.";

        var hint = Assert.Single(_extractor.FromAttributions(text));

        Assert.Contains("according to the Irish Times", hint.Evidence, StringComparison.Ordinal);
        Assert.InRange(hint.Evidence!.Length, 200, 300);
        // Verbatim, and cut at spaces rather than inside words.
        var at = text.IndexOf(hint.Evidence, StringComparison.Ordinal);
        Assert.True(at > 0, "evidence is not a substring of the text");
        Assert.Equal(' ', text[at - 1]);
        Assert.Equal(' ', text[at + hint.Evidence.Length]);
    }

    [Theory]
    [InlineData("An economist quoted by the Financial Times said rates would stay high.", "Financial Times")]
    [InlineData("Jane Roe, a shipping analyst quoted by the Guardian, said the route was closed.", "Guardian")]
    [InlineData("According to Jane Roe, a port engineer quoted by The Guardian, the cranes were idle.", "The Guardian")]
    public void FromAttributions_PersonQuotedByOutlet_OnlyTheOutlet(string text, string outlet)
    {
        Assert.Equal([outlet], Values(_extractor.FromAttributions(text), HintKind.Attribution));
    }

    [Theory]
    [InlineData("The Irish Times published the letters on Monday. According to the newspaper, the council knew in May.", "The Irish Times", "According to the newspaper")]
    [InlineData("The Irish Times published the letters on Monday. The paper reported that the council knew in May.", "The Irish Times", "The paper reported")]
    [InlineData("The Irish Times published the letters on Monday. A council official told the newspaper that nobody knew.", "The Irish Times", "told the newspaper")]
    [InlineData("The Irish Times published the letters on Monday. One letter, cited by the newspaper, was dated May 3.", "The Irish Times", "cited by the newspaper")]
    [InlineData("Kyodo News published the figures on Friday. According to the agency, exports fell for a third month.", "Kyodo News", "According to the agency")]
    [InlineData("Sky News aired the footage on Monday. The broadcaster said the convoy was hit twice.", "Sky News", "The broadcaster said")]
    [InlineData("ProPublica obtained the emails last week. The outlet reported that the fund was never audited.", "ProPublica", "The outlet reported")]
    [InlineData("The Times of Malta broke the story and the Daily Star followed. According to the newspaper, the ship left at night.", "Daily Star", "According to the newspaper")]
    [InlineData("The Irish Times published the letters and Reuters confirmed them. According to the newspaper, the council knew.", "The Irish Times", "According to the newspaper")]
    public void FromAttributions_BackReference_ResolvesToTheOutletNamedBefore(string text, string outlet, string phrase)
    {
        var hint = Assert.Single(_extractor.FromAttributions(text));
        Assert.Equal(outlet, hint.Value);
        Assert.Contains(phrase, hint.Evidence, StringComparison.Ordinal);
        Assert.Contains(hint.Evidence!, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Reuters saw the documents. According to the newspaper, the talks stalled.")]
    [InlineData("Reuters obtained the draft. The European Medicines Agency has not approved the drug, the agency said.")]
    [InlineData("The Guardian covered the trial. A paper by economists at Yale found that rents rose; according to the paper, wages did not.")]
    [InlineData("The Guardian published the ministry's paper on Monday. According to the paper, exports fell.")]
    public void FromAttributions_BackReferenceToNothingSuitable_YieldsNothing(string text)
    {
        Assert.Empty(_extractor.FromAttributions(text));
    }

    [Fact]
    public void AttributionsInTextOrder_ChainOfBackReferences_EachResolvesToTheSameOutlet()
    {
        const string text = "The Irish Times obtained the files. The paper reported that the council knew, and according to the paper, nobody acted.";
        var hints = _extractor.AttributionsInTextOrder(text);
        Assert.Equal(["The Irish Times", "The Irish Times"], hints.Select(h => h.Value));
    }

    [Fact]
    public void FromAttributions_NewspaperNamedAfterTheNoun_IsThatNewspaper()
    {
        const string text = "The Guardian ran the story first. According to the newspaper Haaretz, talks stalled.";
        Assert.Equal(["Haaretz"], Values(_extractor.FromAttributions(text), HintKind.Attribution));
    }

    [Fact]
    public void FromAttributions_RepeatedOutlet_KeepsTheFirstOccurrenceAsEvidence()
    {
        const string text = "The council knew of the cracks, a report by the Irish Times has revealed. Later, the newspaper reported that engineers had warned it.";
        var hint = Assert.Single(_extractor.FromAttributions(text));
        Assert.Equal("The council knew of the cracks, a report by the Irish Times has revealed.", hint.Evidence);
    }

    [Theory]
    [InlineData("Protesters criticized CNN for its coverage of the strike.")]
    [InlineData("The senator sued The New York Times for libel last year.")]
    [InlineData("A CNN journalist was injured during the clashes on Friday.")]
    [InlineData("Activists urged viewers to boycott Fox News over the interview.")]
    [InlineData("The strike killed 12 people, according to officials.")]
    [InlineData("Exports rose again.\n\nIsrael Reports Record Exports\n\nThe shekel held steady.")]
    [InlineData("The council met on Tuesday.\n\nTurkey’s President Warns EU Over Migrant Deal\n\nThe vote was delayed again.\n\nComments are closed.")]
    public void Extract_OutletMentionedNotCited_YieldsNoHint(string text)
    {
        Assert.Empty(_extractor.Extract(new ParsedItem(), Memo, "https://www.middleeastmonitor.com/x/", text, []));
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
    // An extractor that knows a small directory: its names, aliases and domains.
    private static readonly HintExtractor Directory = new(
        ["Austria Presse Agentur", "Austria Press Agency", "APA", "New York Post", "Dawn", "Kestrel Bay"],
        ["apa.at", "nypost.com", "dawn.com", "harbourcourier.example"]);

    [Theory]
    [InlineData("The fire burned 7,342 hectares, according to a report by Austria Press Agency.", "Austria Press Agency")]
    [InlineData("Details of the event were first reported by Kestrel Bay.", "Kestrel Bay")]
    public void FromAttributions_DirectoryOutletWithoutMediaWord_IsACredit(string text, string expected)
    {
        Assert.Equal([expected], Values(Directory.FromAttributions(text), HintKind.Attribution));
        // Without the directory the same names look like institutions or people: no credit.
        Assert.Empty(Values(_extractor.FromAttributions(text), HintKind.Attribution));
    }

    [Fact]
    public void FromSignOffs_AnotherOutletsSignOff_NamesThePageItWasCopiedFrom()
    {
        var filter = new BoilerplateFilter();
        const string text = "The fire burned 7,342 hectares of forest.\n\nDownload our app to stay informed with New York Post.\n\n" +
            "More coverage is available at dawn.com.\n\nThe New York Post reported the fire first, residents said on Friday.";
        var hints = Directory.FromSignOffs(text, filter.IsBoilerplate);
        // Story text naming an outlet is no sign-off (the attribution rules judge it); furniture naming one is.
        Assert.Equal(["New York Post", "dawn.com"], hints.Select(h => h.Value));
        Assert.Equal("Download our app to stay informed with New York Post.", hints[0].Evidence);
        Assert.Empty(_extractor.FromSignOffs(text, filter.IsBoilerplate));
    }
}
