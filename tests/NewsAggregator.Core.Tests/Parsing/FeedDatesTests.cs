using System.Globalization;
using System.Text;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Tests.Parsing;

public sealed class FeedDatesTests
{
    [Theory]
    [InlineData("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07T00:00:01+00:00")]
    [InlineData("Sat, 07 Sep 2002 00:00:01 +0000", "2002-09-07T00:00:01+00:00")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 EST", "2003-06-10T09:00:00+00:00")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 PDT", "2003-06-10T11:00:00+00:00")]
    [InlineData("Tue, 10 Jun 2003 04:00 -0230", "2003-06-10T06:30:00+00:00")]
    [InlineData("10 Jun 2003 04:00:00 Z", "2003-06-10T04:00:00+00:00")]
    [InlineData("10 June 03 04:00:00 UT", "2003-06-10T04:00:00+00:00")]
    [InlineData("  Thu,  1 Jan 2004 19:48:21 GMT ", "2004-01-01T19:48:21+00:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21", "2004-01-01T19:48:21+00:00")]
    [InlineData("Thu, 01 Jan 2004 19:48:21 +01:00", "2004-01-01T18:48:21+00:00")]
    [InlineData("Jan 01 2004 19:48:21 GMT", "2004-01-01T19:48:21+00:00")]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55+00:00")]
    [InlineData("2003-12-31T10:14:55.250-08:00", "2003-12-31T18:14:55.25+00:00")]
    [InlineData("2003-12-31T10:14-05:00", "2003-12-31T15:14:00+00:00")]
    [InlineData("2003-12-31 10:14:55", "2003-12-31T10:14:55+00:00")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00+00:00")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55+00:00")]
    public void Parse_KnownFormat_ReadsInstant(string text, string expected)
    {
        var parsed = FeedDates.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Thu, 32 Jan 2004 19:48:21 GMT")]
    [InlineData("2003-13-31T10:14:55Z")]
    [InlineData("Thu, 01 Foo 2004 19:48:21 GMT")]
    [InlineData("2004-02-30")]
    [InlineData("Thu, 01 Jan 2004 25:48:21 GMT")]
    [InlineData("01.02.2004")]
    public void Parse_UnparsableDate_ReturnsNull(string? text)
    {
        Assert.Null(FeedDates.Parse(text));
    }

    [Fact]
    public void Parse_SameFeedUnderDifferentCultures_GivesIdenticalDates()
    {
        var feed = Encoding.UTF8.GetBytes("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Dates</title>
            <item><title>a</title><pubDate>Tue, 10 Jun 2003 04:00:00 EST</pubDate></item>
            <item><title>b</title><pubDate>Wed, 31 Dec 2003 23:59:59 +1400</pubDate></item>
            <item><title>c</title><dc:date>2003-12-31T10:14:55.5-08:00</dc:date></item>
            <item><title>d</title><pubDate>Mon, 29 Feb 2016 12:00 GMT</pubDate></item>
            </channel></rss>
            """);
        var parser = new FeedParser(new ParsingOptions());
        var original = CultureInfo.CurrentCulture;
        var results = new Dictionary<string, DateTimeOffset?[]>();
        try
        {
            foreach (var name in new[] { "", "de-DE", "ar-SA", "th-TH" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                // Proof that the culture really switched (ICU is on in this test project): th-TH counts Buddhist years.
                if (name == "th-TH")
                    Assert.IsType<ThaiBuddhistCalendar>(CultureInfo.CurrentCulture.Calendar);
                results[name] = parser.Parse(feed, null).Feed!.Items.Select(i => i.Published).ToArray();
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }

        var invariant = results[""];
        Assert.All(invariant, d => Assert.NotNull(d));
        Assert.Equal(new DateTimeOffset(2003, 6, 10, 9, 0, 0, TimeSpan.Zero), invariant[0]);
        foreach (var (name, dates) in results)
            Assert.True(invariant.SequenceEqual(dates), $"dates differ under {name}");
    }
}
