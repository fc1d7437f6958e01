using System.Security.Cryptography;
using System.Text;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// One parsed feed item to the article the store keeps (ARCHITECTURE step 4): canonical URL, clean title, plain
/// story text, UTC dates, provenance hints and the content hash that decides whether an edit is a new version.
/// </summary>
public sealed class ArticleNormalizer
{
    /// <summary>Feed clocks run ahead (time zones typed as UTC, scheduled posts); beyond this the date is not believed.</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromDays(1);

    /// <summary>Dates before this are parser defaults or epoch zeros, not publication dates.</summary>
    public static readonly DateTimeOffset EarliestPlausibleDate = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int MaxDerivedTitleLength = 120;

    /// <summary>
    /// Feed HTML kept per version (256 Ki characters): full articles fit, a feed stuffing megabytes into one item does
    /// not bloat every version. A cut may split a tag; the sanitiser's HTML5 parser closes what is left open.
    /// </summary>
    public const int MaxContentHtmlChars = 256 * 1024;

    private readonly HtmlText _html;
    private readonly BoilerplateFilter _boilerplate;
    private readonly HintExtractor _hints;

    public ArticleNormalizer()
        : this(new HtmlText(), new BoilerplateFilter(), new HintExtractor())
    {
    }

    /// <summary>A normalizer whose attribution rules know the directory's outlets by name and alias.</summary>
    public ArticleNormalizer(Outlets.OutletDirectory outlets)
        : this(new HtmlText(), new BoilerplateFilter(), new HintExtractor(outlets.Outlets.SelectMany(o => o.Aliases.Prepend(o.Name)), outlets.Outlets.SelectMany(o => o.Domains)))
    {
    }

    public ArticleNormalizer(HtmlText html, BoilerplateFilter boilerplate, HintExtractor hints)
    {
        _html = html;
        _boilerplate = boilerplate;
        _hints = hints;
    }

    /// <summary>The normalized article, or null when the item has no usable http(s) URL (it cannot be keyed).</summary>
    public NormalizedArticle? Normalize(ParsedItem item, FeedContext feed, DateTimeOffset firstSeenUtc)
    {
        var siteBase = SiteBase(feed);
        var canonicalUrl = UrlCanonicalizer.Canonicalize(item.Link, siteBase)
            // Many feeds put the permalink in guid only; a guid that is not an absolute URL (tag:, urn:uuid:, a
            // database id) is no address, so it is not resolved against the site.
            ?? UrlCanonicalizer.Canonicalize(item.Id);
        if (canonicalUrl is null)
            return null;

        // The longer of content and summary: feeds put the full text in either, or a teaser in both.
        var bodyHtml = (item.ContentHtml?.Length ?? 0) > (item.SummaryHtml?.Length ?? 0) ? item.ContentHtml : item.SummaryHtml;
        // Links in content are relative to the article page, not to the feed.
        var (fullText, links) = _html.ToTextAndLinks(bodyHtml, new Uri(canonicalUrl));
        // Hints come from the unfiltered text: "This article originally appeared on X" is boilerplate and a clue.
        var hints = _hints.Extract(item, feed, canonicalUrl, fullText, links, _boilerplate.IsBoilerplate);

        var title = TitleCleaner.Clean(item.Title, feed.OutletName);
        var body = DropRepeatedTitle(_boilerplate.Filter(fullText), title);
        if (title.Length == 0)
            title = DeriveTitle(body);

        var (published, isFirstSeen) = PublishedDate(item, firstSeenUtc);
        return new NormalizedArticle
        {
            CanonicalUrl = canonicalUrl,
            Guid = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
            Title = title,
            Body = body,
            Author = string.IsNullOrWhiteSpace(item.Author) ? null : HtmlText.CollapseWhitespace(item.Author),
            PublishedUtc = published,
            PublishedIsFirstSeen = isFirstSeen,
            UpdatedUtc = Plausible(item.Updated, firstSeenUtc),
            ContentHash = ContentHash(title, body),
            Hints = hints,
            Categories = Categories(item.Categories),
            ContentHtml = StoredHtml(item),
        };
    }

    /// <summary>The item's content, failing that its summary, bounded; null when it has neither.</summary>
    private static string? StoredHtml(ParsedItem item)
    {
        var html = !string.IsNullOrWhiteSpace(item.ContentHtml) ? item.ContentHtml
            : !string.IsNullOrWhiteSpace(item.SummaryHtml) ? item.SummaryHtml
            : null;
        return html is { Length: > MaxContentHtmlChars } ? html[..MaxContentHtmlChars] : html;
    }

    /// <summary>Hex SHA-256 of title, a line break and body, as normalized: boilerplate churn does not change it.</summary>
    public static string ContentHash(string title, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + body)));

    private static Uri? SiteBase(FeedContext feed)
    {
        if (feed.SiteLink is not null && Uri.TryCreate(feed.SiteLink, UriKind.Absolute, out var site)
            && (site.Scheme == Uri.UriSchemeHttp || site.Scheme == Uri.UriSchemeHttps))
            return site;
        return feed.FeedUrl.IsAbsoluteUri ? feed.FeedUrl : null;
    }

    /// <summary>
    /// Published, else updated, in UTC. Missing, implausibly old, or more than <see cref="MaxFutureSkew"/> after first
    /// sight: first-seen time, flagged. A future date would otherwise pin an article to the top of "newest" and, worse,
    /// make provenance believe it came last (or first) in a story's time order; first sight is the earliest time we can
    /// vouch for. Within the skew we keep the feed's date: time-zone slop is common and usually honest.
    /// </summary>
    private static (DateTimeOffset Published, bool IsFirstSeen) PublishedDate(ParsedItem item, DateTimeOffset firstSeenUtc)
    {
        var firstSeen = firstSeenUtc.ToUniversalTime();
        var date = Plausible(item.Published, firstSeen) ?? Plausible(item.Updated, firstSeen);
        return date is { } d ? (d, false) : (firstSeen, true);
    }

    private static DateTimeOffset? Plausible(DateTimeOffset? date, DateTimeOffset firstSeenUtc)
    {
        if (date is not { } d)
            return null;
        var utc = d.ToUniversalTime();
        return utc < EarliestPlausibleDate || utc > firstSeenUtc.ToUniversalTime() + MaxFutureSkew ? null : utc;
    }

    /// <summary>Full-content feeds often repeat the headline as the body's first line; it is not story text twice.</summary>
    private static string DropRepeatedTitle(string body, string title)
    {
        if (title.Length == 0 || body.Length == 0)
            return body;
        var firstBreak = body.IndexOf(HtmlText.ParagraphSeparator, StringComparison.Ordinal);
        var first = firstBreak < 0 ? body : body[..firstBreak];
        if (!first.Equals(title, StringComparison.OrdinalIgnoreCase))
            return body;
        return firstBreak < 0 ? body : body[(firstBreak + HtmlText.ParagraphSeparator.Length)..];
    }

    /// <summary>An untitled item (allowed in RSS) is titled by its first sentence, cut at a word boundary.</summary>
    private static string DeriveTitle(string body)
    {
        if (body.Length == 0)
            return ""; // nothing to say; the editor page shows the URL instead
        var firstParagraph = body.Split(HtmlText.ParagraphSeparator)[0];
        var end = -1;
        for (var i = 0; i < firstParagraph.Length - 1 && end < 0; i++)
        {
            if (firstParagraph[i] is '.' or '!' or '?' && firstParagraph[i + 1] == ' ')
                end = i + 1;
        }
        var sentence = end > 0 ? firstParagraph[..end] : firstParagraph;
        if (sentence.Length <= MaxDerivedTitleLength)
            return sentence;
        var cut = sentence.LastIndexOf(' ', MaxDerivedTitleLength - 1);
        return (cut > MaxDerivedTitleLength / 2 ? sentence[..cut] : sentence[..(MaxDerivedTitleLength - 1)]).TrimEnd(',', ';', ':') + "…";
    }

    private static List<string> Categories(IReadOnlyList<string> categories)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>();
        foreach (var raw in categories)
        {
            var c = HtmlText.CollapseWhitespace(raw ?? "");
            if (c.Length > 0 && seen.Add(c))
                result.Add(c);
        }
        return result;
    }
}
