using System.Xml;
using System.Xml.Linq;

namespace NewsAggregator.Core.Configuration;

/// <summary>One feed outline of an OPML subscription list.</summary>
public sealed record OpmlFeed(string? Title, Uri XmlUrl, Uri? HtmlUrl);

/// <summary>OPML 1.0/2.0 subscription lists, read with the same XML hardening as feeds (no DTD, no resolver).</summary>
public static class Opml
{
    public static IReadOnlyList<OpmlFeed> Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0 };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new ConfigurationException($"Not an OPML file: {e.Message}");
        }
        if (document.Root?.Name.LocalName != "opml")
            throw new ConfigurationException("Not an OPML file: the root element is not <opml>");
        var feeds = new List<OpmlFeed>();
        // Outlines nest in folders; every outline with an xmlUrl is a feed, whatever its depth or type attribute.
        foreach (var outline in document.Descendants().Where(e => e.Name.LocalName == "outline"))
        {
            var xmlUrl = (string?)outline.Attribute("xmlUrl") ?? (string?)outline.Attribute("xmlurl");
            if (!Uri.TryCreate(xmlUrl?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                continue;
            Uri.TryCreate((string?)outline.Attribute("htmlUrl"), UriKind.Absolute, out var html);
            feeds.Add(new OpmlFeed((string?)outline.Attribute("title") ?? (string?)outline.Attribute("text"), url, html));
        }
        return feeds;
    }

    public static string Write(string title, IEnumerable<(string Title, string XmlUrl, string? HtmlUrl, string Outlet)> feeds, DateTimeOffset now)
    {
        var body = new XElement("body", feeds.Select(f => new XElement("outline",
            new XAttribute("type", "rss"), new XAttribute("text", f.Title), new XAttribute("title", f.Title),
            new XAttribute("xmlUrl", f.XmlUrl), f.HtmlUrl is null ? null : new XAttribute("htmlUrl", f.HtmlUrl),
            new XAttribute("category", f.Outlet))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"),
                new XElement("head", new XElement("title", title), new XElement("dateCreated", now.ToString("r"))),
                body));
        return document.Declaration + Environment.NewLine + document.ToString();
    }
}
