using System.Text;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Tests.Parsing;

public sealed class FeedParserTests
{
    private readonly FeedParser _parser = new(new ParsingOptions());

    private const string SmallRss = """
        <?xml version="1.0" encoding="{0}"?>
        <rss version="2.0"><channel><title>Caf{1} news</title><link>https://example.org/</link>
        <item><title>One</title><link>/one</link></item></channel></rss>
        """;

    [Fact]
    public void Parse_Utf16LeWithBom_DecodesText()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Rss("utf-16", "\u00e9"))).ToArray();

        var result = _parser.Parse(bytes, "application/rss+xml");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Caf\u00e9 news", result.Feed!.Title);
        Assert.Equal("utf-16", result.Feed.Encoding);
    }

    [Fact]
    public void Parse_Utf16BeWithoutBomWithDeclaration_DecodesText()
    {
        var bytes = Encoding.BigEndianUnicode.GetBytes(Rss("UTF-16BE", "\u00e9"));

        var result = _parser.Parse(bytes, null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Caf\u00e9 news", result.Feed!.Title);
    }

    [Fact]
    public void Parse_Windows1252SmartQuotesWithoutDeclaration_FallsBackToWindows1252()
    {
        // 0x93 and 0x94 are “ and ” in windows-1252 and invalid alone in UTF-8.
        var bytes = Encoding.ASCII.GetBytes("<rss version=\"2.0\"><channel><title>\u0001quoted\u0002</title></channel></rss>")
            .Select(b => b switch { 1 => (byte)0x93, 2 => (byte)0x94, _ => b }).ToArray();

        var result = _parser.Parse(bytes, "application/rss+xml");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("\u201cquoted\u201d", result.Feed!.Title);
        Assert.Equal("windows-1252", result.Feed.Encoding);
    }

    [Theory]
    [InlineData("text/xml; charset=windows-1251", "\u0439", "windows-1251")]
    [InlineData("application/rss+xml; charset=\"windows-1251\"", "\u0439", "windows-1251")]
    [InlineData("application/octet-stream; charset=windows-1251", "\u00e9", "iso-8859-1")]
    [InlineData("text/xml; charset=no-such-charset", "\u00e9", "iso-8859-1")]
    [InlineData(null, "\u00e9", "iso-8859-1")]
    public void Parse_HttpCharsetAgainstDeclaration_HttpWinsForXmlTypes(string? contentType, string expected, string encoding)
    {
        // Byte 0xE9 is é in iso-8859-1 and й in windows-1251.
        var bytes = Encoding.Latin1.GetBytes(Rss("iso-8859-1", "\u00e9"));

        var result = _parser.Parse(bytes, contentType);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal($"Caf{expected} news", result.Feed!.Title);
        Assert.Equal(encoding, result.Feed.Encoding);
    }

    [Theory]
    [InlineData("big5", "\u4e2d\u6587")]
    [InlineData("euc-kr", "\ud55c\uad6d\uc5b4")]
    [InlineData("gb2312", "\u4e2d\u6587")]
    [InlineData("koi8-r", "\u0420\u0443\u0441\u0441\u043a\u0438\u0439")]
    [InlineData("shift_jis", "\u65e5\u672c\u8a9e")]
    public void Parse_CodePageDeclaration_DecodesText(string encoding, string word)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Rss(encoding, word));

        var result = _parser.Parse(bytes, null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal($"Caf{word} news", result.Feed!.Title);
    }

    [Fact]
    public void Parse_NbspAndBareAmpersand_RepairsAndMarksRepaired()
    {
        var result = Parse("""
            <rss version="2.0"><channel><title>Fish & Chips&nbsp;Daily</title>
            <item><title>Caf&eacute; &mdash; &#233; &amp; AT&T</title><link>https://example.org/?a=1&b=2</link></item></channel></rss>
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Feed!.Repaired);
        Assert.Equal("Fish & Chips\u00a0Daily", result.Feed.Title);
        Assert.Equal("Caf\u00e9 \u2014 \u00e9 & AT&T", result.Feed.Items[0].Title);
        Assert.Equal("https://example.org/?a=1&b=2", result.Feed.Items[0].Link);
    }

    [Fact]
    public void Parse_WellFormedFeed_IsNotMarkedRepaired()
    {
        var result = Parse("<rss version=\"2.0\"><channel><title>A &amp; B</title></channel></rss>");

        Assert.False(result.Feed!.Repaired);
    }

    [Fact]
    public void Parse_BrokenBeyondRepair_RejectsMalformedWithPosition()
    {
        var result = Parse("<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n</channel></rss>");

        Assert.Equal(ParseFailureKind.MalformedXml, result.Failure);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Rss091WithNetscapeDoctype_Parses()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old school</title><link>http://example.com/</link><language>en</language>
            <item><title>Caf&eacute;</title><link>http://example.com/1</link><description>First</description></item>
            </channel></rss>
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(FeedFormat.Rss, result.Feed!.Format);
        Assert.Equal("Old school", result.Feed.Title);
        Assert.Equal("en", result.Feed.Language);
        Assert.Equal("Caf\u00e9", result.Feed.Items[0].Title);
    }

    [Fact]
    public void Parse_RssItem_MapsEveryField()
    {
        var result = Parse("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Memo</title><link>https://memo.example/</link><language>en-gb</language>
            <item>
              <title>Report: talks collapse</title>
              <link>/2024/01/talks</link>
              <guid isPermaLink="false">memo-123</guid>
              <description>&lt;p&gt;Summary&lt;/p&gt;</description>
              <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
              <pubDate>Tue, 02 Jan 2024 10:30:00 +0100</pubDate>
              <dc:creator>A. Writer</dc:creator>
              <category>Politics</category><category>World</category>
              <source url="https://www.theguardian.com/world/rss">The Guardian</source>
            </item></channel></rss>
            """);

        Assert.True(result.Succeeded, result.Error);
        var item = Assert.Single(result.Feed!.Items);
        Assert.Equal("memo-123", item.Id);
        Assert.Equal("https://memo.example/2024/01/talks", item.Link);
        Assert.Equal("Report: talks collapse", item.Title);
        Assert.Equal("<p>Summary</p>", item.SummaryHtml);
        Assert.Equal("<p>Full <b>text</b></p>", item.ContentHtml);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.Zero), item.Published);
        Assert.Equal("A. Writer", item.Author);
        Assert.Equal(["Politics", "World"], item.Categories);
        Assert.Equal("The Guardian", item.SourceName);
        Assert.Equal("https://www.theguardian.com/world/rss", item.SourceUrl);
        Assert.Equal("en-gb", result.Feed.Language);
    }

    [Fact]
    public void Parse_AtomWithSourceAndXmlBase_MapsSourceAndResolvesLinks()
    {
        var result = Parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://agg.example/news/" xml:lang="fr">
              <title>Aggregator</title>
              <link rel="self" href="https://agg.example/feed.atom"/>
              <link href="https://agg.example/"/>
              <author><name>Desk</name></author>
              <entry>
                <id>tag:agg.example,2024:1</id>
                <title type="html">Talks &lt;em&gt;collapse&lt;/em&gt;</title>
                <link rel="alternate" href="item/1"/>
                <published>2024-01-02T10:30:00+01:00</published>
                <updated>2024-01-02T11:00:00Z</updated>
                <summary>Short</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Long</p></div></content>
                <category term="world"/>
                <source>
                  <id>tag:reuters.com,2024:feed</id>
                  <title>Reuters World</title>
                  <link rel="alternate" href="https://www.reuters.com/world/"/>
                </source>
              </entry>
            </feed>
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(FeedFormat.Atom, result.Feed!.Format);
        Assert.Equal("https://agg.example/", result.Feed.Link);
        Assert.Equal("fr", result.Feed.Language);
        var item = Assert.Single(result.Feed.Items);
        Assert.Equal("tag:agg.example,2024:1", item.Id);
        Assert.Equal("https://agg.example/news/item/1", item.Link);
        Assert.Equal("Talks <em>collapse</em>", item.Title);
        Assert.Equal("Short", item.SummaryHtml);
        Assert.Equal("<p xmlns=\"http://www.w3.org/1999/xhtml\">Long</p>", item.ContentHtml);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 11, 0, 0, TimeSpan.Zero), item.Updated);
        Assert.Equal("Desk", item.Author);
        Assert.Equal(["world"], item.Categories);
        Assert.Equal("Reuters World", item.SourceName);
        Assert.Equal("https://www.reuters.com/world/", item.SourceUrl);
    }

    [Fact]
    public void Parse_Rdf_DetectsFormatAndDcDate()
    {
        var result = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://rdf.example/"><title>RDF</title><link>https://rdf.example/</link></channel>
              <item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link><dc:date>2003-12-31T10:14:55Z</dc:date></item>
            </rdf:RDF>
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(FeedFormat.Rdf, result.Feed!.Format);
        Assert.Equal(new DateTimeOffset(2003, 12, 31, 10, 14, 55, TimeSpan.Zero), result.Feed.Items[0].Published);
    }

    [Fact]
    public void Parse_RssWithoutChannel_ReadsItemsDirectly()
    {
        // FeedReader throws on this shape; the parser reads the elements itself.
        var result = Parse("<rss><item><title>Loose</title><link>https://x.example/1</link></item></rss>");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Loose", Assert.Single(result.Feed!.Items).Title);
    }

    [Fact]
    public void Parse_JsonFeed11_MapsItems()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "JSON News",
              "home_page_url": "https://json.example/",
              "language": "en",
              "authors": [{ "name": "Feed Author" }],
              "items": [
                {
                  "id": "1", "url": "/posts/1", "title": "First",
                  "content_html": "<p>Hello</p>", "summary": "Hi & bye",
                  "date_published": "2024-01-02T10:30:00+01:00", "date_modified": "2024-01-03T00:00:00Z",
                  "authors": [{ "name": "Ann" }, { "name": "Bob" }], "tags": ["a", "b", "a"],
                  "external_url": "https://origin.example/story"
                },
                { "id": 2, "content_text": "Plain <text>" }
              ]
            }
            """), "application/feed+json");

        Assert.True(result.Succeeded, result.Error);
        var feed = result.Feed!;
        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("JSON News", feed.Title);
        Assert.Equal("en", feed.Language);
        Assert.Equal(2, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal("https://json.example/posts/1", first.Link);
        Assert.Equal("<p>Hello</p>", first.ContentHtml);
        Assert.Equal("Hi &amp; bye", first.SummaryHtml);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 9, 30, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero), first.Updated);
        Assert.Equal("Ann, Bob", first.Author);
        Assert.Equal(["a", "b"], first.Categories);
        Assert.Equal("https://origin.example/story", first.SourceUrl);
        Assert.Equal("2", feed.Items[1].Id);
        Assert.Equal("Plain &lt;text&gt;", feed.Items[1].ContentHtml);
        Assert.Equal("Feed Author", feed.Items[1].Author);
    }

    [Fact]
    public void Parse_JsonFeed10Author_MapsAuthor()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("""
            {"version":"https://jsonfeed.org/version/1","title":"Old","author":{"name":"Solo"},"items":[{"id":"x","title":"T"}]}
            """), "application/json");

        Assert.Equal("Solo", result.Feed!.Items[0].Author);
    }

    [Theory]
    [InlineData("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [")]
    [InlineData("{ not json }")]
    public void Parse_BadJson_RejectsMalformedJson(string json)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(json), "application/feed+json");

        Assert.Equal(ParseFailureKind.MalformedJson, result.Failure);
        Assert.Contains("line 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedJson_RejectsWithoutCrashing()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);

        var result = _parser.Parse(Encoding.UTF8.GetBytes(json), "application/json");

        Assert.False(result.Succeeded);
        Assert.Equal(ParseFailureKind.TooDeep, result.Failure);
    }

    [Theory]
    [InlineData("<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Hi</p></body></html>")]
    [InlineData("<!DOCTYPE html><html><head><meta charset=utf-8><title>Sloppy</title><body><br></html>")]
    [InlineData("<?xml version=\"1.0\"?><opml version=\"2.0\"><body/></opml>")]
    public void Parse_HtmlPageOrOtherXml_RejectsNotAFeed(string body)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(body), "text/html; charset=utf-8");

        Assert.Equal(ParseFailureKind.NotAFeed, result.Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("\uFEFF")]
    public void Parse_EmptyOrWhitespace_RejectsEmpty(string body)
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(body), "application/rss+xml");

        Assert.Equal(ParseFailureKind.Empty, result.Failure);
    }

    [Fact]
    public void Parse_MoreItemsThanLimit_CapsAndWarns()
    {
        var parser = new FeedParser(new ParsingOptions { MaxItems = 3 });
        var items = string.Concat(Enumerable.Range(1, 5).Select(i => $"<item><title>{i}</title></item>"));

        var result = parser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel>{items}</channel></rss>"), null);

        Assert.Equal(["1", "2", "3"], result.Feed!.Items.Select(i => i.Title));
        Assert.Contains(result.Feed.Warnings, w => w.Contains("2 of 5 items", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BogusEncodingName_FallsBackToUtf8()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes(Rss("bogus-encoding", "\u00e9")), null);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Caf\u00e9 news", result.Feed!.Title);
        Assert.Contains(result.Feed.Warnings, w => w.Contains("bogus-encoding", StringComparison.Ordinal));
    }

    private FeedParseResult Parse(string xml) => _parser.Parse(Encoding.UTF8.GetBytes(xml), "application/rss+xml");

    private static string Rss(string encoding, string letters) => SmallRss.Replace("{0}", encoding, StringComparison.Ordinal).Replace("{1}", letters, StringComparison.Ordinal);
}
