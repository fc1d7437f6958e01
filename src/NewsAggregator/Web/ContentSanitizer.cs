using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace NewsAggregator.Web;

/// <summary>
/// Turns a feed's HTML into markup that is safe to show on our pages. An allow-list, not a block-list: only text
/// structure, links and images survive. No scripts, forms, frames, objects, styles (tags or attributes: a
/// <c>position:fixed</c> box could overlay the page and its buttons), event handlers, <c>&lt;base&gt;</c>,
/// <c>&lt;meta&gt;</c> or <c>&lt;link&gt;</c>; URLs are absolute http(s) (or mailto), resolved against the article URL,
/// or dropped; links carry <c>rel="nofollow noopener noreferrer"</c>. The stored HTML stays as fetched: a better
/// sanitiser then applies to old articles too.
/// </summary>
public sealed class ContentSanitizer
{
    /// <summary>Text structure, links and images. Everything else is removed with its content.</summary>
    private static readonly string[] Tags =
    [
        "a", "abbr", "b", "bdi", "bdo", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ];

    /// <summary>
    /// No style, class or id (ids could shadow our page's own anchors), no srcset (URLs the filter below would not
    /// see), no target (a new window gets a handle on ours).
    /// </summary>
    private static readonly string[] Attributes =
    [
        "href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "headers", "abbr", "datetime", "lang", "dir",
        "start", "reversed", "align", "valign",
    ];

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private const string LinkRel = "nofollow noopener noreferrer";

    private readonly HtmlSanitizer _sanitizer;

    public ContentSanitizer()
    {
        _sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(Schemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        _sanitizer.AllowDataAttributes = false;
        _sanitizer.FilterUrl += (_, e) => e.SanitizedUrl = Absolute(e.SanitizedUrl);
        _sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IHtmlAnchorElement anchor && anchor.HasAttribute("href"))
                anchor.SetAttribute("rel", LinkRel);
        };
    }

    /// <summary>Safe markup for <paramref name="html"/>; relative links resolve against <paramref name="baseUrl"/>.</summary>
    public string Sanitize(string html, string? baseUrl)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        // Only an http(s) base may resolve anything: a javascript: or data: "article URL" must not lend its scheme.
        var usableBase = Uri.TryCreate(baseUrl, UriKind.Absolute, out var b) && (b.Scheme == Uri.UriSchemeHttp || b.Scheme == Uri.UriSchemeHttps)
            ? b.AbsoluteUri : "";
        return _sanitizer.Sanitize(html, usableBase);
    }

    /// <summary>
    /// What survives of a URL the sanitiser let through: absolute http, https or mailto only. A relative URL left
    /// unresolved (no article URL) would point into our own site, so it is dropped with its attribute.
    /// </summary>
    private static string? Absolute(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return null;
        return uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
    }
}
