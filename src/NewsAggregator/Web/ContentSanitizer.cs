using System.Text.Encodings.Web;

namespace NewsAggregator.Web;

/// <summary>
/// Turns a feed's HTML into markup that is safe to show on our pages. Placeholder until the sanitiser lands: it
/// shows the HTML as text, which is safe but unreadable.
/// </summary>
public sealed class ContentSanitizer
{
    /// <summary>Safe markup for <paramref name="html"/>; relative links resolve against <paramref name="baseUrl"/>.</summary>
    public string Sanitize(string html, string? baseUrl) => "<pre>" + HtmlEncoder.Default.Encode(html) + "</pre>";
}
