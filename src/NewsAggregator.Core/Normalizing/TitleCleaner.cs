using System.Net;
using System.Text.RegularExpressions;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// Cleans a feed title for display and for title similarity: "Story – Middle East Monitor" and "Story | Reuters"
/// must compare as "Story", or every title of an outlet shares words that say nothing about the story.
/// </summary>
/// <remarks>
/// Removed: tags, entities (decoded, twice at most for double-escaped feeds), runs of whitespace; an outlet name or
/// alias as a suffix after a separator (" - ", " – ", " — ", " | ", " · ", " • ", " :: ", " » ") or as a prefix
/// before one (including "Name: "); and, for outlets we were not told about (aggregated feeds), a trailing segment
/// that looks like a site name: after " | " any short segment, after a dash only a segment with a domain or a media
/// word ("BBC News", "World news", "example.com"), because a dash also joins two halves of a real headline.
/// The result is never empty when the input was not: a title that is nothing but a site name stays as it was.
/// </remarks>
public static partial class TitleCleaner
{
    private const int MaxSiteSegmentWords = 5;
    private const int MaxSiteSegmentLength = 50;
    private const int MaxPasses = 3;

    private static readonly string[] SuffixSeparators = [" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " » ", " ~ "];
    private static readonly string[] PrefixSeparators = [": ", " | ", " - ", " – ", " — ", " · ", " :: ", " » "];
    private static readonly string[] DashSeparators = [" - ", " – ", " — "];

    /// <summary>Words that make a trailing dash segment a site or section name rather than part of the headline.</summary>
    private static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "news", "times", "post", "journal", "guardian", "telegraph", "herald", "tribune", "gazette", "observer",
        "monitor", "express", "mirror", "independent", "press", "daily", "weekly", "magazine", "radio", "tv",
        "television", "broadcasting", "network", "wire", "newswire", "chronicle", "courier", "dispatch", "bulletin",
        "insider", "globe", "examiner", "inquirer", "sentinel", "reuters", "bloomberg", "bbc", "cnn", "npr", "ap",
        "afp", "online", "blog", "edition",
    };

    /// <summary>The cleaned title; "" only when <paramref name="title"/> has no text at all.</summary>
    public static string Clean(string? title, string? outletName, IEnumerable<string>? outletAliases = null)
    {
        if (string.IsNullOrWhiteSpace(title))
            return "";
        var text = PlainText(title);
        if (text.Length == 0)
            return title.Trim();

        var names = OutletNames(outletName, outletAliases);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var next = StripOutletName(text, names) ?? StripSiteSuffix(text);
            if (next is null || next.Length == 0)
                break;
            text = next;
        }
        return text;
    }

    private static string PlainText(string title)
    {
        var text = title;
        for (var i = 0; i < 2 && text.Contains('&', StringComparison.Ordinal); i++)
            text = WebUtility.HtmlDecode(text);
        text = TagRegex().Replace(text, " ");
        return HtmlText.CollapseWhitespace(text);
    }

    /// <summary>Names to strip, longest first so that "BBC News" goes before "BBC"; each also without a leading "The".</summary>
    private static List<string> OutletNames(string? outletName, IEnumerable<string>? aliases)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in (aliases ?? []).Prepend(outletName ?? ""))
        {
            var name = HtmlText.CollapseWhitespace(raw);
            if (name.Length == 0)
                continue;
            names.Add(name);
            if (name.StartsWith("The ", StringComparison.OrdinalIgnoreCase) && name.Length > 4)
                names.Add(name[4..]);
        }
        return [.. names.OrderByDescending(n => n.Length)];
    }

    private static string? StripOutletName(string text, List<string> names)
    {
        foreach (var name in names)
        {
            foreach (var sep in SuffixSeparators)
            {
                var suffix = sep + name;
                if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && text.Length > suffix.Length)
                    return text[..^suffix.Length].Trim();
            }
            foreach (var sep in PrefixSeparators)
            {
                var prefix = name + sep;
                if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length)
                    return text[prefix.Length..].Trim();
            }
        }
        return null;
    }

    private static string? StripSiteSuffix(string text)
    {
        foreach (var sep in SuffixSeparators)
        {
            var at = text.LastIndexOf(sep, StringComparison.Ordinal);
            if (at <= 0)
                continue;
            var segment = text[(at + sep.Length)..].Trim();
            var head = text[..at].Trim();
            if (head.Length == 0 || !LooksLikeSiteName(segment, isDash: DashSeparators.Contains(sep)))
                continue;
            return head;
        }
        return null;
    }

    private static bool LooksLikeSiteName(string segment, bool isDash)
    {
        if (segment.Length == 0 || segment.Length > MaxSiteSegmentLength)
            return false;
        if (segment[^1] is '.' or '!' or '?' or '"' or '”')
            return false; // a sentence or a quotation, not a name
        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxSiteSegmentWords)
            return false;
        if (DomainRegex().IsMatch(segment))
            return true;
        if (!isDash)
            return words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0])) || words.Any(MediaWords.Contains);
        return words.Any(MediaWords.Contains);
    }

    [GeneratedRegex("<[^>]{0,500}>", RegexOptions.CultureInvariant, 200)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\b[\w-]+\.(com|org|net|co\.uk|co|io|info|news|tv|de|fr|uk|eu|ru|in|au|ca)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex DomainRegex();
}
