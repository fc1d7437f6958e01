using System.Xml.Linq;

namespace NewsAggregator.Core.Parsing;

/// <summary>Relative links in feeds, resolved against xml:base and the feed's own link where one is known.</summary>
internal static class FeedUrls
{
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    /// <summary>href made absolute against baseUrl when it is relative and baseUrl is absolute; else href as given.</summary>
    public static string? Resolve(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        var trimmed = href.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile)
            return trimmed;
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri)
            && baseUri.Scheme is "http" or "https"
            && Uri.TryCreate(baseUri, trimmed, out var resolved))
            return resolved.AbsoluteUri;
        return trimmed;
    }

    /// <summary>The base URL in effect at an element: xml:base attributes from the root down, over the fallback.</summary>
    public static string? BaseOf(XElement element, string? fallback)
    {
        var current = fallback;
        // Ancestors run from the element up; bases apply from the root down. Depth is bounded by the hardened pass.
        foreach (var ancestor in element.AncestorsAndSelf().Reverse())
        {
            var value = ancestor.Attribute(XmlBase)?.Value;
            if (!string.IsNullOrWhiteSpace(value))
                current = Resolve(value, current);
        }

        return current;
    }
}
