using System.Xml.Linq;
using CodeHollow.FeedReader;

namespace NewsAggregator.Core.Parsing;

/// <summary>
/// Maps what FeedReader read to our records, and reads from the item elements what FeedReader does not expose or
/// gets wrong: raw dates (parsed by <see cref="FeedDates"/>), declared sources, Atom links, content types and xml:base.
/// </summary>
internal static class XmlFeedMapper
{
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>Maps a feed FeedReader read; its items carry the XElement we read the rest from.</summary>
    public static ParsedFeed Map(Feed feed, FeedFormat format, string encodingName, bool repaired, int maxItems, List<string> warnings)
    {
        var channel = feed.SpecificFeed?.Element;
        var items = feed.Items.Select(i => (i.SpecificItem?.Element, (FeedItem?)i)).ToList();
        return Build(channel, feed.Title, feed.Link, feed.Language, items, format, encodingName, repaired, maxItems, warnings);
    }

    /// <summary>
    /// Maps a well-formed feed that FeedReader cannot read (it throws on RSS without &lt;channel&gt; or without a
    /// version, and on RSS in a namespace) straight from the elements, so such feeds are not lost.
    /// </summary>
    public static ParsedFeed MapWithoutFeedReader(XElement root, FeedFormat format, string encodingName, bool repaired, int maxItems, List<string> warnings)
    {
        var channel = format == FeedFormat.Atom ? root : Child(root, "channel") ?? root;
        var itemName = format == FeedFormat.Atom ? "entry" : "item";
        var items = channel.Elements().Concat(channel == root ? [] : root.Elements())
            .Where(e => e.Name.LocalName == itemName)
            .Select(e => ((XElement?)e, (FeedItem?)null))
            .ToList();
        return Build(channel, Child(channel, "title")?.Value, format == FeedFormat.Atom ? null : Child(channel, "link")?.Value,
            Child(channel, "language")?.Value, items, format, encodingName, repaired, maxItems, warnings);
    }

    private static ParsedFeed Build(XElement? channel, string? title, string? link, string? language, List<(XElement? Element, FeedItem? Item)> items,
        FeedFormat format, string encodingName, bool repaired, int maxItems, List<string> warnings)
    {
        var feedLink = format == FeedFormat.Atom && channel is not null ? AtomLink(channel, null) ?? Clean(link) : Clean(link);
        if (channel is not null)
            feedLink = FeedUrls.Resolve(feedLink, FeedUrls.BaseOf(channel, null));
        var feedAuthor = format == FeedFormat.Atom && channel is not null ? AtomAuthor(channel) : null;

        var mapped = new List<ParsedItem>(Math.Min(items.Count, maxItems));
        foreach (var (element, item) in items.Take(maxItems))
            mapped.Add(format == FeedFormat.Atom ? MapAtom(element, item, feedLink, feedAuthor) : MapRss(element, item, feedLink));
        if (items.Count > maxItems)
            warnings.Add($"{items.Count - maxItems} of {items.Count} items ignored beyond the limit of {maxItems}");

        var root = channel?.Document?.Root;
        return new ParsedFeed
        {
            Format = format,
            Title = Clean(title),
            Link = feedLink,
            Language = Clean(language) ?? Clean(root?.Attribute(XNamespace.Xml + "lang")?.Value),
            Items = mapped,
            Encoding = encodingName,
            Repaired = repaired,
            Warnings = warnings,
        };
    }

    private static ParsedItem MapRss(XElement? element, FeedItem? item, string? feedLink)
    {
        var baseUrl = element is null ? feedLink : FeedUrls.BaseOf(element, feedLink);
        var guid = Child(element, "guid");
        var link = Clean(item?.Link) ?? Clean(Child(element, "link")?.Value);
        // A guid is a permalink unless it says otherwise (RSS 2.0), so it stands in for a missing <link>.
        if (link is null && guid is not null && guid.Attribute("isPermaLink")?.Value != "false" && LooksLikeUrl(guid.Value))
            link = guid.Value.Trim();
        var source = Child(element, "source");
        var categories = element?.Elements().Where(e => e.Name.LocalName is "category" or "subject").Select(e => e.Value);
        return new ParsedItem
        {
            Id = Clean(item?.Id) ?? Clean(guid?.Value) ?? Clean(element?.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))?.Value),
            Link = FeedUrls.Resolve(link, baseUrl),
            Title = Clean(item?.Title) ?? Clean(Child(element, "title")?.Value),
            SummaryHtml = Clean(item?.Description) ?? Clean(Child(element, "description")?.Value),
            ContentHtml = Clean(item?.Content) ?? Clean(Child(element, "encoded")?.Value),
            Published = FeedDates.Parse(Child(element, "pubDate")?.Value) ?? FeedDates.Parse(element?.Element(Dc + "date")?.Value),
            Updated = FeedDates.Parse(Child(element, "updated")?.Value ?? Child(element, "modified")?.Value),
            Author = Clean(item?.Author) ?? Clean(Child(element, "author")?.Value) ?? Clean(element?.Element(Dc + "creator")?.Value),
            SourceName = Clean(source?.Value),
            SourceUrl = FeedUrls.Resolve(source?.Attribute("url")?.Value, baseUrl),
            Categories = Categories(item?.Categories, categories),
        };
    }

    private static ParsedItem MapAtom(XElement? element, FeedItem? item, string? feedLink, string? feedAuthor)
    {
        var baseUrl = element is null ? feedLink : FeedUrls.BaseOf(element, feedLink);
        var source = Child(element, "source");
        var categories = element?.Elements().Where(e => e.Name.LocalName == "category")
            .Select(e => e.Attribute("term")?.Value ?? e.Value);
        return new ParsedItem
        {
            Id = Clean(item?.Id) ?? Clean(Child(element, "id")?.Value),
            Link = (element is null ? null : AtomLink(element, baseUrl)) ?? FeedUrls.Resolve(item?.Link, baseUrl),
            Title = Clean(item?.Title) ?? Clean(Child(element, "title")?.Value),
            SummaryHtml = AtomText(Child(element, "summary")) ?? Clean(item?.Description),
            ContentHtml = AtomText(Child(element, "content")) ?? Clean(item?.Content),
            Published = FeedDates.Parse(Child(element, "published")?.Value ?? Child(element, "issued")?.Value),
            Updated = FeedDates.Parse(Child(element, "updated")?.Value ?? Child(element, "modified")?.Value),
            Author = (element is null ? null : AtomAuthor(element)) ?? Clean(item?.Author) ?? feedAuthor,
            SourceName = Clean(Child(source, "title")?.Value),
            SourceUrl = source is null ? null : AtomLink(source, FeedUrls.BaseOf(source, baseUrl)),
            Categories = Categories(categories, null),
        };
    }

    /// <summary>The alternate link of an Atom feed, entry or source: rel="alternate" (or no rel) first.</summary>
    private static string? AtomLink(XElement owner, string? baseUrl)
    {
        var links = owner.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var best = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate" && l.Attribute("href") is not null)
            ?? links.FirstOrDefault(l => l.Attribute("href") is not null);
        return best is null ? null : FeedUrls.Resolve(best.Attribute("href")!.Value, FeedUrls.BaseOf(best, baseUrl));
    }

    private static string? AtomAuthor(XElement owner)
    {
        var names = owner.Elements().Where(e => e.Name.LocalName == "author")
            .Select(a => Clean(Child(a, "name")?.Value) ?? Clean(a.Value)).Where(n => n is not null).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    /// <summary>Atom text construct as HTML: xhtml content is taken as markup (the wrapping div dropped).</summary>
    private static string? AtomText(XElement? element)
    {
        if (element is null)
            return null;
        var type = element.Attribute("type")?.Value ?? "";
        var isMarkup = type.Contains("xhtml", StringComparison.OrdinalIgnoreCase)
            || element.Attribute("mode")?.Value == "xml";
        if (!isMarkup)
            return Clean(element.Value);
        var nodes = element.Nodes().Where(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value)).ToList();
        if (nodes is [XElement { Name.LocalName: "div" } div])
            nodes = div.Nodes().ToList();
        return Clean(string.Concat(nodes.Select(n => n.ToString(SaveOptions.DisableFormatting))));
    }

    private static List<string> Categories(IEnumerable<string>? primary, IEnumerable<string>? secondary) =>
        (primary ?? []).Concat(secondary ?? [])
            .Select(c => c?.Trim())
            .Where(c => !string.IsNullOrEmpty(c))
            .Select(c => c!)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>First child by local name, whatever its namespace: feeds mix RSS, RDF and Atom namespaces freely.</summary>
    private static XElement? Child(XElement? owner, string localName) =>
        owner?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static bool LooksLikeUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
