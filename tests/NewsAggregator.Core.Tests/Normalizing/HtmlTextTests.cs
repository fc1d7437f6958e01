using NewsAggregator.Core.Normalizing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class HtmlTextTests
{
    private readonly HtmlText _html = new();

    [Fact]
    public void ToText_Paragraphs_AreSeparatedByBlankLine()
    {
        Assert.Equal("First one.\n\nSecond one.", _html.ToText("<p>First   one.</p>\n<p>Second\n one.</p>"));
    }

    [Fact]
    public void ToText_Br_BreaksParagraph()
    {
        Assert.Equal("Line one\n\nLine two", _html.ToText("Line one<br>Line two"));
    }

    [Fact]
    public void ToText_ListItemsAndHeadings_AreParagraphs()
    {
        var text = _html.ToText("<h2>Key points</h2><ul><li>One</li><li>Two <b>bold</b></li></ul><div>After</div>");
        Assert.Equal("Key points\n\nOne\n\nTwo bold\n\nAfter", text);
    }

    [Fact]
    public void ToText_InlineElements_DoNotBreakWords()
    {
        Assert.Equal("A linked word and emphasis.", _html.ToText("<p>A <a href=\"/x\">linked</a> word and <em>emph</em><em>asis</em>.</p>"));
    }

    [Fact]
    public void ToText_ScriptStyleAndFriends_AreRemoved()
    {
        var html = "<p>Story.</p><script>var x = 'evil';</script><style>p{color:red}</style><noscript>Enable JS</noscript>"
            + "<iframe src=\"https://ads.example\">frame</iframe><template><p>tpl</p></template><object>obj</object>"
            + "<figure><img src=\"a.jpg\"><figcaption>Photograph: Reuters</figcaption></figure><p>End.</p>";
        Assert.Equal("Story.\n\nEnd.", _html.ToText(html));
    }

    [Fact]
    public void ToText_Entities_AreDecoded()
    {
        Assert.Equal("Tom & Jerry — “quoted” café", _html.ToText("<p>Tom &amp; Jerry&nbsp;&mdash; &ldquo;quoted&rdquo; caf&eacute;</p>"));
    }

    [Fact]
    public void ToText_PlainText_PassesThroughWithEntitiesDecoded()
    {
        Assert.Equal("Profits rose 5% &amp; costs < 3%.\n\nSecond line.", _html.ToText("Profits rose 5% &amp;amp; costs &lt; 3%.\nSecond line."));
    }

    [Fact]
    public void ToText_PlainTextWithLessThan_IsNotTreatedAsHtml()
    {
        Assert.Equal("Growth was < 2% and > 1%.", _html.ToText("Growth was < 2% and > 1%."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<p> </p><div></div>")]
    public void ToText_Empty_ReturnsEmpty(string? html)
    {
        Assert.Equal("", _html.ToText(html));
    }

    [Fact]
    public void ToText_TableCells_AreSeparatedBySpaces()
    {
        Assert.Equal("a b\n\nc d", _html.ToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"));
    }

    [Fact]
    public void ToText_DeepNesting_DoesNotOverflow()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 5000)) + "deep" + string.Concat(Enumerable.Repeat("</span></div>", 5000));
        Assert.Equal("deep", _html.ToText(html));
    }

    [Fact]
    public void Links_RelativeAndAbsolute_AreResolvedAndCanonical()
    {
        var html = "<p><a href=\"/local\">a</a> <a href=\"https://Other.example/x?utm_source=a#f\">b</a>"
            + " <a href=\"javascript:void(0)\">c</a> <a href=\"mailto:x@y.z\">d</a> <a href=\"/local\">again</a></p>"
            + "<nav><a href=\"https://nav.example/\">menu</a></nav>";
        var links = _html.Links(html, new Uri("https://site.example/news/1"));
        Assert.Equal(["https://site.example/local", "https://other.example/x"], links);
    }

    [Fact]
    public void ToTextAndLinks_OneParse_SameAsSeparateCalls()
    {
        const string html = "<p>See <a href=\"https://other.example/a\">this</a>.</p><p>Next.</p>";
        var baseUri = new Uri("https://site.example/");
        var (text, links) = _html.ToTextAndLinks(html, baseUri);
        Assert.Equal(_html.ToText(html), text);
        Assert.Equal(_html.Links(html, baseUri), links);
    }

    [Fact]
    public void ToText_ParallelCalls_SameResultAsSerial()
    {
        var inputs = Enumerable.Range(0, 64).Select(i => $"<div><p>Item {i} &amp; more.</p><ul><li>{i}</li></ul></div>").ToArray();
        var expected = inputs.Select(_html.ToText).ToArray();
        var actual = new string[inputs.Length * 20];
        Parallel.For(0, actual.Length, i => actual[i] = _html.ToText(inputs[i % inputs.Length]));
        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % inputs.Length], actual[i]));
    }
}
