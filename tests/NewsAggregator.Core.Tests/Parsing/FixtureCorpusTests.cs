using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Parsing;
using Xunit.Abstractions;

namespace NewsAggregator.Core.Tests.Parsing;

/// <summary>
/// Every file of the feedparser test suite (../shared/fixtures/feedparser/tests) through the real parser: each one is
/// either parsed or rejected with a typed reason, none throws or hangs.
/// </summary>
public sealed partial class FixtureCorpusTests(ITestOutputHelper output)
{
    /// <summary>Files in the suite when it was copied to ../shared; a changed count means the corpus changed.</summary>
    private const int ExpectedFileCount = 2107;

    private static readonly FeedParser Parser = new(new ParsingOptions());

    [Fact]
    public void Parse_EveryFixtureFile_ParsesOrRejectsWithTypedReason()
    {
        var root = SharedPaths.Fixtures;
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedFileCount, files.Count);

        var byOutcome = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byDirectory = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        var problems = new List<string>();
        var total = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var directory = DirectoryKey(relative);
            var bytes = File.ReadAllBytes(file);
            var contentType = HeaderContentType(bytes);

            var watch = Stopwatch.StartNew();
            FeedParseResult result;
            try
            {
                result = Parser.Parse(bytes, contentType);
            }
            catch (Exception ex)
            {
                problems.Add($"{relative}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            watch.Stop();
            if (watch.Elapsed > TimeSpan.FromSeconds(2))
                problems.Add($"{relative}: took {watch.ElapsedMilliseconds} ms");
            if (!result.Succeeded && (result.Failure == ParseFailureKind.None || string.IsNullOrWhiteSpace(result.Error)))
                problems.Add($"{relative}: rejected without a typed reason");

            var outcome = result.Succeeded ? (result.Feed!.Repaired ? "Repaired" : "Parsed") : result.Failure.ToString();
            byOutcome[outcome] = byOutcome.GetValueOrDefault(outcome) + 1;
            var counts = byDirectory.TryGetValue(directory, out var c) ? c : byDirectory[directory] = new(StringComparer.Ordinal);
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            if (!result.Succeeded && !directory.EndsWith("cdf", StringComparison.Ordinal))
                output.WriteLine($"rejected {relative}: {result.Failure}: {result.Error}");
        }

        total.Stop();
        output.WriteLine($"{files.Count} files in {total.ElapsedMilliseconds} ms");
        output.WriteLine("outcomes: " + string.Join(", ", byOutcome.Select(p => $"{p.Key} {p.Value}")));
        foreach (var (directory, counts) in byDirectory)
            output.WriteLine($"  {directory}: " + string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}")));

        Assert.Empty(problems);
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(60), $"corpus took {total.Elapsed}");

        var wellformed = byDirectory.Where(p => p.Key.StartsWith("wellformed/", StringComparison.Ordinal)).SelectMany(p => p.Value).ToList();
        var wellformedParsed = wellformed.Where(p => p.Key is "Parsed" or "Repaired").Sum(p => p.Value);
        var wellformedTotal = wellformed.Sum(p => p.Value);
        // cdf/ holds Channel Definition Format files, which are well-formed but not feeds.
        Assert.True(wellformedParsed >= wellformedTotal * 0.95, $"only {wellformedParsed} of {wellformedTotal} wellformed files parsed");

        var entities = byDirectory["entities"];
        Assert.True(entities.GetValueOrDefault("Parsed") + entities.GetValueOrDefault("Repaired") >= entities.Values.Sum() * 0.95,
            "HTML entities should parse or repair");

        // illformed/ holds broken documents: most must be repaired or rejected. Two are well-formed XML that
        // feedparser flags for other reasons (a high-bit date, a DOCTYPE it strips), so they parse cleanly here.
        var illformed = byDirectory["illformed"];
        Assert.True(illformed.GetValueOrDefault("Parsed") <= 2, $"{illformed.GetValueOrDefault("Parsed")} illformed files parsed as clean");
    }

    [Theory]
    [InlineData("wellformed/rss/channel_title.xml", "Example feed")]
    [InlineData("entities/eacute.xml", "testing \u00e9 entity")]
    [InlineData("entities/nbsp.xml", "testing \u00a0 entity")]
    [InlineData("entities/hellip.xml", "testing \u2026 entity")]
    [InlineData("json/example.json", "My Example Feed")]
    public void Parse_FixtureWithExpectedTitle_ReadsTitle(string file, string title)
    {
        var result = ParseFixture(file);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(title, result.Feed!.Title);
    }

    [Theory]
    [InlineData("encoding/http_text_xml_charset_overrides_encoding.xml", "us-ascii")]
    [InlineData("encoding/http_application_atom_xml_charset_overrides_encoding.xml", "us-ascii")]
    [InlineData("encoding/big5.xml", "big5")]
    [InlineData("encoding/euc-kr.xml", "euc-kr")]
    [InlineData("encoding/utf-16le-bom.xml", "utf-16")]
    [InlineData("encoding/utf-16be-autodetect.xml", "utf-16BE")]
    [InlineData("encoding/utf-32le-autodetect.xml", "utf-32")]
    [InlineData("encoding/utf-32be-bom.xml", "utf-32BE")]
    [InlineData("encoding/utf-8-bom.xml", "utf-8")]
    public void Parse_EncodingFixture_ReportsEncoding(string file, string encoding)
    {
        var result = ParseFixture(file);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(encoding, result.Feed!.Encoding, ignoreCase: true);
    }

    [Fact]
    public void Parse_Windows1252PointsWithoutDeclaration_ReadsSmartQuote()
    {
        var result = ParseFixture("encoding/demoronize-1.xml");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("don\u2019t", result.Feed!.Items[0].SummaryHtml);
    }

    [Fact]
    public void Parse_CorruptedAmpersandsInLink_RepairsLink()
    {
        var result = ParseFixture("illformed/rss_item_link_corrupted_ampersands.xml");

        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.Feed!.Repaired);
        Assert.Equal("http://link/get?a=1&b=2", result.Feed.Items[0].Link);
    }

    [Fact]
    public void Parse_RssItemSource_ReadsDeclaredSource()
    {
        var title = ParseFixture("wellformed/rss/item_source.xml");
        var url = ParseFixture("wellformed/rss/item_source_url.xml");

        Assert.Equal("Example source", title.Feed!.Items[0].SourceName);
        Assert.Equal("http://example.com/", url.Feed!.Items[0].SourceUrl);
    }

    [Fact]
    public void Parse_AtomEntrySource_ReadsSourceTitle()
    {
        var result = ParseFixture("wellformed/atom10/entry_source_title.xml");

        Assert.Equal("Example Atom", result.Feed!.Items[0].SourceName);
    }

    [Fact]
    public void Parse_RssPubDate_ReadsUtcDate()
    {
        var result = ParseFixture("wellformed/rss/item_pubDate.xml");

        Assert.Equal(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero), result.Feed!.Items[0].Published);
    }

    [Fact]
    public void Parse_IllformedDocument_RejectsWithPosition()
    {
        var result = ParseFixture("illformed/undeclared_namespace.xml");

        Assert.Equal(ParseFailureKind.MalformedXml, result.Failure);
        Assert.Contains("line 8, position 2", result.Error, StringComparison.Ordinal);
    }

    private static FeedParseResult ParseFixture(string relative)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedPaths.Fixtures, relative));
        return Parser.Parse(bytes, HeaderContentType(bytes));
    }

    /// <summary>wellformed/rss/x.xml → wellformed/rss; encoding/x.xml → encoding.</summary>
    private static string DirectoryKey(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length <= 2 ? parts[0] : parts[0] + "/" + parts[1];
    }

    /// <summary>
    /// The "Header: Content-type: ..." line of a fixture's leading comment. Zero bytes are dropped first so that the
    /// UTF-16 and UTF-32 fixtures read like the others; the header itself is always ASCII.
    /// </summary>
    internal static string? HeaderContentType(byte[] bytes)
    {
        var ascii = Encoding.Latin1.GetString(bytes.Where(b => b != 0).Take(4096).ToArray());
        var match = HeaderLine().Match(ascii);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    [GeneratedRegex(@"^\s*Header:\s*Content-type:\s*(.*?)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();
}
