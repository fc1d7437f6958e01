using NewsAggregator.Core.Normalizing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class UrlCanonicalizerTests
{
    [Theory]
    [InlineData("https://example.com/story?utm_source=rss&utm_medium=feed&utm_campaign=x", "https://example.com/story")]
    [InlineData("https://example.com/story?id=7&UTM_Source=rss&page=2", "https://example.com/story?id=7&page=2")]
    [InlineData("https://example.com/a?fbclid=IwAR0abc", "https://example.com/a")]
    [InlineData("https://example.com/a?gclid=1&msclkid=2&mc_cid=3&mc_eid=4&yclid=5&igshid=6&_ga=7&ref_src=twsrc&CMP=twt_gu&ocid=msn&cmpid=rss&__twitter_impression=true", "https://example.com/a")]
    public void Canonicalize_TrackingParameters_AreRemoved(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_OtherParameters_KeepTheirOrder()
    {
        Assert.Equal("https://example.com/a?z=1&a=2&m=3", UrlCanonicalizer.Canonicalize("https://example.com/a?z=1&utm_term=x&a=2&m=3"));
    }

    [Theory]
    [InlineData("https://example.com/a?", "https://example.com/a")]
    [InlineData("https://example.com/a?&&", "https://example.com/a")]
    [InlineData("https://example.com/a?x=1&&y=2", "https://example.com/a?x=1&y=2")]
    public void Canonicalize_EmptyQuery_IsRemoved(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Theory]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    public void Canonicalize_Port_DefaultRemovedOtherKept(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_SchemeAndHostCase_AreLowered_PathCaseKept()
    {
        Assert.Equal("https://www.example.com/News/Story-1", UrlCanonicalizer.Canonicalize("HTTPS://WWW.Example.COM/News/Story-1"));
    }

    [Fact]
    public void Canonicalize_Fragment_IsRemoved()
    {
        Assert.Equal("https://example.com/a?x=1", UrlCanonicalizer.Canonicalize("https://example.com/a?x=1#comments"));
    }

    [Theory]
    [InlineData("/world/2024/story", "https://example.com/world/2024/story")]
    [InlineData("story.html", "https://example.com/news/story.html")]
    [InlineData("//cdn.example.org/x", "https://cdn.example.org/x")]
    [InlineData("../a?utm_source=x", "https://example.com/a")]
    public void Canonicalize_Relative_IsResolvedAgainstBase(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input, new Uri("https://example.com/news/index.html")));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("mailto:desk@example.com")]
    [InlineData("ftp://example.com/file")]
    [InlineData("data:text/html,hi")]
    [InlineData("tag:example.com,2024:1")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("http://")]
    [InlineData("http://exa mple.com/")]
    public void Canonicalize_NotHttp_ReturnsNull(string? input)
    {
        Assert.Null(UrlCanonicalizer.Canonicalize(input, new Uri("https://example.com/")));
    }

    [Fact]
    public void Canonicalize_RelativeWithoutBase_ReturnsNull()
    {
        Assert.Null(UrlCanonicalizer.Canonicalize("/world/story"));
    }

    [Fact]
    public void Canonicalize_IdnHost_BecomesPunycode()
    {
        Assert.Equal("https://xn--bcher-kva.example/a", UrlCanonicalizer.Canonicalize("https://Bücher.example/a"));
    }

    [Theory]
    [InlineData("https://example.com/%7euser/%41b%2fc", "https://example.com/~user/Ab%2Fc")]
    [InlineData("https://example.com/caf%c3%a9", "https://example.com/caf%C3%A9")]
    [InlineData("https://example.com/a?q=%7e%2f", "https://example.com/a?q=~%2F")]
    public void Canonicalize_PercentEncoding_IsNormalized(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Theory]
    [InlineData("https://example.com/a/", "https://example.com/a/")]
    [InlineData("https://example.com/a", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com/")]
    [InlineData("https://example.com/index.html", "https://example.com/index.html")]
    public void Canonicalize_TrailingSlashAndIndex_AreKeptAsIs(string input, string expected)
    {
        Assert.Equal(expected, UrlCanonicalizer.Canonicalize(input));
    }

    [Fact]
    public void Canonicalize_UserInfoAndTrailingHostDot_AreDropped()
    {
        Assert.Equal("https://example.com/a", UrlCanonicalizer.Canonicalize("https://user:secret@example.com./a"));
    }

    [Fact]
    public void Canonicalize_SameStoryFromTwoFeeds_SameKey()
    {
        var a = UrlCanonicalizer.Canonicalize("https://Example.com:443/story?utm_source=feedA#top");
        var b = UrlCanonicalizer.Canonicalize("https://example.com/story?fbclid=xyz");
        Assert.Equal(a, b);
    }
}
