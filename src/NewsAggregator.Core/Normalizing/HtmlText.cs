using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// Feed HTML to plain text with a real HTML5 parser (feed HTML is tag soup; regexes lose text or keep scripts).
/// Output: paragraphs separated by "\n\n", whitespace collapsed inside a paragraph, entities decoded.
/// </summary>
public sealed class HtmlText
{
    public const string ParagraphSeparator = "\n\n";

    /// <summary>
    /// Elements whose content is never story text. <c>figure</c> goes with its caption: captions carry photo credits
    /// ("Photograph: Reuters") that would read as wire credits for the story. <c>nav</c>, <c>aside</c> and
    /// <c>form</c> hold related-links boxes, share widgets and sign-up forms. <c>header</c>/<c>footer</c> stay: they
    /// may hold bylines and credits, and the boilerplate filter handles their noise line by line.
    /// </summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math", "canvas", "video",
        "audio", "picture", "map", "form", "button", "select", "textarea", "input", "nav", "aside", "figure",
        "figcaption", "head", "title", "meta", "link",
    };

    /// <summary>Elements that start and end a paragraph (CSS display:block and friends in browsers' UA style sheets).</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        "br", "html", "legend", "option",
    };

    /// <summary>Table cells sit side by side: a space between them, not a paragraph break.</summary>
    private static readonly HashSet<string> Cells = new(StringComparer.OrdinalIgnoreCase) { "td", "th" };

    // AngleSharp's parser is not thread-safe (its maintainer suggests one per thread) and normalizing runs in
    // parallel Quartz jobs; building one per call costs about as much as parsing a short item.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private static HtmlParser Parser => t_parser ??= new HtmlParser();

    /// <summary>Plain text of <paramref name="html"/>; text without tags passes through with entities decoded.</summary>
    public string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return "";
        return LooksLikeHtml(html) ? TextOf(Parser.ParseDocument(html)) : PlainText(html);
    }

    /// <summary>
    /// Absolute, canonical http(s) targets of the links in <paramref name="html"/>, in document order, each once.
    /// Links inside dropped elements (navigation, asides, forms) are left out: they are site furniture, not sources.
    /// </summary>
    public IReadOnlyList<string> Links(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html) || !LooksLikeHtml(html))
            return [];
        return LinksOf(Parser.ParseDocument(html), baseUri);
    }

    /// <summary><see cref="ToText"/> and <see cref="Links"/> from one parse: parsing is the expensive part.</summary>
    public (string Text, IReadOnlyList<string> Links) ToTextAndLinks(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
            return ("", []);
        if (!LooksLikeHtml(html))
            return (PlainText(html), []);
        var document = Parser.ParseDocument(html);
        return (TextOf(document), LinksOf(document, baseUri));
    }

    private static string TextOf(IHtmlDocument document)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        if (document.Body is not null)
            Walk(document.Body, paragraphs, current);
        Flush(paragraphs, current);
        return string.Join(ParagraphSeparator, paragraphs);
    }

    private static List<string> LinksOf(IHtmlDocument document, Uri? baseUri)
    {
        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in document.QuerySelectorAll("a[href], area[href]"))
        {
            if (HasDroppedAncestor(anchor))
                continue;
            var url = UrlCanonicalizer.Canonicalize(anchor.GetAttribute("href"), baseUri);
            if (url is not null && seen.Add(url))
                links.Add(url);
        }
        return links;
    }

    /// <summary>A tag, comment or doctype opener: "a &lt; b" in a plain-text summary is not HTML.</summary>
    private static bool LooksLikeHtml(string s)
    {
        for (var i = s.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < s.Length - 1; i = s.IndexOf('<', i + 1))
        {
            var next = s[i + 1];
            if (char.IsAsciiLetter(next) || next is '/' or '!')
                return true;
        }
        return false;
    }

    /// <summary>Plain text keeps its line structure: every non-empty line is a paragraph.</summary>
    private static string PlainText(string text)
    {
        var decoded = WebUtility.HtmlDecode(text);
        var paragraphs = new List<string>();
        foreach (var line in decoded.Split('\n'))
        {
            var collapsed = CollapseWhitespace(line);
            if (collapsed.Length > 0)
                paragraphs.Add(collapsed);
        }
        return string.Join(ParagraphSeparator, paragraphs);
    }

    /// <summary>Depth-first walk with an explicit stack: hostile HTML nests deep enough to overflow recursion.</summary>
    private static void Walk(INode root, List<string> paragraphs, StringBuilder current)
    {
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                current.Append(text.Data);
                continue;
            }
            if (node is not IElement element)
                continue; // comments, processing instructions

            var name = element.LocalName;
            if (exit)
            {
                if (Blocks.Contains(name))
                    Flush(paragraphs, current);
                else if (Cells.Contains(name))
                    current.Append(' ');
                continue;
            }
            if (Dropped.Contains(name) || element.HasAttribute("hidden"))
                continue;
            if (Blocks.Contains(name))
                Flush(paragraphs, current);
            else if (element is IHtmlImageElement)
                current.Append(' '); // an image between words separates them

            stack.Push((node, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push((element.ChildNodes[i], false));
        }
    }

    private static bool HasDroppedAncestor(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (Dropped.Contains(e.LocalName) || e.HasAttribute("hidden"))
                return true;
        }
        return false;
    }

    private static void Flush(List<string> paragraphs, StringBuilder current)
    {
        if (current.Length == 0)
            return;
        var text = CollapseWhitespace(current.ToString());
        current.Clear();
        if (text.Length > 0)
            paragraphs.Add(text);
    }

    /// <summary>
    /// Runs of whitespace (including no-break spaces) become one space; zero-width characters and soft hyphens go,
    /// so that "co\u00ADoperate" and "cooperate" hash and match alike.
    /// </summary>
    internal static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
                continue;
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
