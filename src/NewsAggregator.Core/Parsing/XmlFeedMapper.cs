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

    public static ParsedFeed Map(Feed feed, FeedFormat format, string encodingName, bool repaired, int maxItems, List<string> warnings)
    {
        var channel = feed.SpecificFeed?.Element;
        var feedLink = format == FeedFormat.Atom && channel is not null ? AtomLink(channel, null) ?? feed.Link : feed.Link;
        feedLink = string.IsNullOrWhiteSpace(feedLink) ? null : feedLink.Trim();
        var feedAuthor = format == FeedFormat.Atom && channel is not null ? AtomAuthor(channel) : null;

        var items = new List<ParsedItem>(Math.Min(feed.Items.Count, maxItems));
        foreach (var item in feed.Items.Take(maxItems))
            items.Add(format == FeedFormat.Atom ? MapAtom(item, feedLink, feedAuthor) : MapRss(item, feedLink));
        if (feed.Items.Count > maxItems)
            warnings.Add($"{feed.Items.Count - maxItems} of {feed.Items.Count} items ignored beyond the limit of {maxItems}");

        var root = channel?.Document?.Root;
        return new ParsedFeed
        {
            Format = format,
            Title = Clean(feed.Title),
            Link = channel is null ? feedLink : FeedUrls.Resolve(feedLink, FeedUrls.BaseOf(channel, null)),
            Language = Clean(feed.Language) ?? Clean(root?.Attribute(XNamespace.Xml + "lang")?.Value),
            Items = items,
            Encoding = encodingName,
            Repaired = repaired,
            Warnings = warnings,
        };
    }

    private static ParsedItem MapRss(FeedItem item, string? feedLink)
    {
        var element = item.SpecificItem?.Element;
        var baseUrl = element is null ? feedLink : FeedUrls.BaseOf(element, feedLink);
        var guid = Child(element, "guid");
        var link = Clean(item.Link);
        // A guid is a permalink unless it says otherwise (RSS 2.0), so it stands in for a missing <link>.
        if (link is null && guid is not null && guid.Attribute("isPermaLink")?.Value != "false" && LooksLikeUrl(guid.Value))
            link = guid.Value.Trim();
        var source = Child(element, "source");
        return new ParsedItem
        {
            Id = Clean(item.Id) ?? Clean(guid?.Value) ?? Clean(element?.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))?.Value),
            Link = FeedUrls.Resolve(link, baseUrl),
            Title = Clean(item.Title),
            SummaryHtml = Clean(item.Description),
            ContentHtml = Clean(item.Content),
            Published = FeedDates.Parse(Child(element, "pubDate")?.Value) ?? FeedDates.Parse(element?.Element(Dc + "date")?.Value),
            Updated = FeedDates.Parse(Child(element, "updated")?.Value ?? Child(element, "modified")?.Value),
            Author = Clean(item.Author) ?? Clean(element?.Element(Dc + "creator")?.Value),
            SourceName = Clean(source?.Value),
            SourceUrl = FeedUrls.Resolve(source?.Attribute("url")?.Value, baseUrl),
            Categories = Categories(item.Categories, element?.Elements(Dc + "subject").Select(e => e.Value)),
        };
    }

    private static ParsedItem MapAtom(FeedItem item, string? feedLink, string? feedAuthor)
    {
        var element = item.SpecificItem?.Element;
        var baseUrl = element is null ? feedLink : FeedUrls.BaseOf(element, feedLink);
        var source = Child(element, "source");
        var categories = element?.Elements().Where(e => e.Name.LocalName == "category")
            .Select(e => e.Attribute("term")?.Value ?? e.Value);
        return new ParsedItem
        {
            Id = Clean(item.Id) ?? Clean(Child(element, "id")?.Value),
            Link = element is null ? FeedUrls.Resolve(item.Link, baseUrl) : AtomLink(element, baseUrl) ?? FeedUrls.Resolve(item.Link, baseUrl),
            Title = Clean(item.Title),
            SummaryHtml = AtomText(Child(element, "summary")) ?? Clean(item.Description),
            ContentHtml = AtomText(Child(element, "content")) ?? Clean(item.Content),
            Published = FeedDates.Parse(Child(element, "published")?.Value ?? Child(element, "issued")?.Value),
            Updated = FeedDates.Parse(Child(element, "updated")?.Value ?? Child(element, "modified")?.Value),
            Author = (element is null ? null : AtomAuthor(element)) ?? Clean(item.Author) ?? feedAuthor,
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
