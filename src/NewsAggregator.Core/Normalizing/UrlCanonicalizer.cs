using System.Globalization;
using System.Text;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// Turns a link from a feed into the one string an article is unique by (ARCHITECTURE "article": unique by canonical
/// URL across feeds). Two feeds that carry the same page with different tracking parameters, host case or fragments
/// must produce the same key; two different pages must never collapse into one.
/// </summary>
/// <remarks>
/// Rules, in order: absolute http/https only (relative links resolved against the base, anything else is null);
/// scheme and host lower-cased; IDN host to punycode; trailing dot of the host removed; user info dropped (never part
/// of a news page's identity, and we must not store credentials); default port removed; fragment removed; tracking
/// parameters removed (<see cref="TrackingParameters"/>, plus every <c>utm_*</c>); other query parameters kept in
/// their original order; an empty query removed; percent-encoding normalised in path and query (upper-case hex,
/// unreserved characters decoded). Deliberately left alone: <c>www.</c>, <c>/index.html</c>, a trailing slash and
/// parameter order, because servers are free to treat those as different resources and a false merge of two articles
/// is worse than a missed one (clustering finds duplicates by text anyway).
/// </remarks>
public static class UrlCanonicalizer
{
    /// <summary>
    /// Query parameters that only say how a reader arrived, never which page they read. Generic names such as
    /// <c>ref</c>, <c>source</c> or <c>id</c> are not listed: some CMSs use them to select content.
    /// </summary>
    public static readonly IReadOnlySet<string> TrackingParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        // Ad-click identifiers: Facebook, Google Ads, DoubleClick, Microsoft Ads, Yandex, Instagram, TikTok, Twitter.
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "ttclid", "twclid",
        // Mailchimp, HubSpot, Marketo, Vero, Olytics (newsletter links).
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking", "mkt_tok", "vero_id",
        "vero_conv", "oly_enc_id", "oly_anon_id",
        // Google Analytics linker, Twitter share attribution.
        "_ga", "_gl", "ref_src", "ref_url", "__twitter_impression",
        // Publisher campaign codes: Guardian (CMP), MSN (ocid), Washington Post/CNN (cmpid), AT Internet/Le Monde
        // (xtor), comScore (ns_*), Piano/AT (at_*), Sailthru, Spotify share (si is not listed: YouTube uses it too).
        "cmp", "cmpid", "ocid", "xtor", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "sr_share", "smid",
        "s_cid", "s_kwcid", "wt.mc_id", "wt_mc",
    };

    private const string UtmPrefix = "utm_";

    /// <summary>The canonical form of <paramref name="url"/>, or null when it is not a usable http(s) URL. Never throws.</summary>
    public static string? Canonicalize(string? url, Uri? baseUri = null)
    {
        if (string.IsNullOrWhiteSpace(url))
            return null;
        try
        {
            var uri = Resolve(url.Trim(), baseUri);
            return uri is null ? null : Build(uri);
        }
        catch (Exception)
        {
            // Uri throws on a few pathological inputs (over-long hosts, bad IDN labels); a bad link is simply no link.
            return null;
        }
    }

    private static Uri? Resolve(string url, Uri? baseUri)
    {
        // On Unix "/a/b" parses as an absolute file:// URI, so an absolute parse only counts when it is http(s);
        // everything else gets a chance as a reference relative to the base.
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && IsHttp(absolute))
            return absolute;
        if (HasExplicitNonHttpScheme(url))
            return null;
        if (baseUri is null || !baseUri.IsAbsoluteUri || !IsHttp(baseUri))
            return null;
        return Uri.TryCreate(baseUri, url, out var resolved) && IsHttp(resolved) ? resolved : null;
    }

    private static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0;

    /// <summary>True for "javascript:", "mailto:", "data:" and the like, which must not be resolved as paths.</summary>
    private static bool HasExplicitNonHttpScheme(string url)
    {
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        for (var i = 0; i < colon; i++)
        {
            var c = url[i];
            var ok = char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.'));
            if (!ok)
                return false; // the colon belongs to a path or query, not to a scheme
        }
        var scheme = url[..colon];
        return !scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
    }

    private static string Build(Uri uri)
    {
        var sb = new StringBuilder(uri.OriginalString.Length);
        sb.Append(uri.Scheme.ToLowerInvariant()).Append("://");

        // IdnHost is punycode for internationalised names and keeps IPv6 brackets; a trailing root dot names the
        // same host, so it goes.
        var host = uri.IdnHost.ToLowerInvariant().TrimEnd('.');
        if (uri.HostNameType == UriHostNameType.IPv6 && !host.StartsWith('['))
            host = "[" + host + "]";
        sb.Append(host);
        if (!uri.IsDefaultPort)
            sb.Append(':').Append(uri.Port.ToString(CultureInfo.InvariantCulture));

        var path = uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped);
        sb.Append(path.Length == 0 ? "/" : NormalizePercentEncoding(path));

        var query = CleanQuery(uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped));
        if (query.Length > 0)
            sb.Append('?').Append(query);
        return sb.ToString();
    }

    /// <summary>
    /// Drops tracking parameters and empty pairs; the rest keeps its order, since some CMSs read parameters
    /// positionally and order-sensitive caches would see a sorted URL as another page.
    /// </summary>
    private static string CleanQuery(string query)
    {
        if (query.Length == 0)
            return "";
        var kept = new List<string>();
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
                continue;
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (IsTracking(name))
                continue;
            kept.Add(NormalizePercentEncoding(pair));
        }
        return string.Join('&', kept);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith(UtmPrefix, StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);

    /// <summary>RFC 3986 6.2.2: upper-case hex digits, decode octets of unreserved characters.</summary>
    private static string NormalizePercentEncoding(string s)
    {
        if (!s.Contains('%', StringComparison.Ordinal))
            return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '%' && i + 2 < s.Length && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                var value = (char)Convert.ToByte(s.Substring(i + 1, 2), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                    sb.Append(value);
                else
                    sb.Append('%').Append(char.ToUpperInvariant(s[i + 1])).Append(char.ToUpperInvariant(s[i + 2]));
                i += 2;
            }
            else
            {
                sb.Append(s[i]);
            }
        }
        return sb.ToString();
    }
}
