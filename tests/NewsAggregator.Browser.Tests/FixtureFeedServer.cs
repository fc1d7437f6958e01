using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Browser.Tests;

/// <summary>
/// The feedparser sanitisation fixtures served as feeds over loopback, one feed per case. The fixtures' entries have
/// no links (feedparser tests content only), and an item without a URL cannot be stored, so each entry gets a link
/// naming its case; a case whose hostile markup is feed-level (title, subtitle, tagline, info, copyright) gets one
/// entry carrying that markup, with the same type attributes, as its content. The hostile payloads are untouched.
/// </summary>
internal sealed partial class FixtureFeedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _feeds = new(StringComparer.Ordinal);

    public FixtureFeedServer(string folder)
    {
        Port = ServiceProcess.FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}";
        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var (xml, linked) = WithLinks(File.ReadAllText(file), name);
            _feeds[name] = Encoding.UTF8.GetBytes(xml);
            if (linked)
                Linked.Add(name);
        }
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    public IReadOnlyCollection<string> Cases => _feeds.Keys;

    /// <summary>Cases that carry an item with a link: each must become a stored article.</summary>
    public HashSet<string> Linked { get; } = new(StringComparer.Ordinal);

    public string FeedUrl(string name) => $"{BaseUrl}/feeds/{name}.xml";

    /// <summary>The article URL of a case's entry <paramref name="n"/>; the case name is recovered from it.</summary>
    public string ArticleUrl(string name, int n) => $"{BaseUrl}/articles/{name}/{n}";

    public static string? CaseOf(string articleUrl) => ArticlePath().Match(articleUrl) is { Success: true } m ? m.Groups[1].Value : null;

    public void Dispose() => _listener.Close();

    private (string Xml, bool Linked) WithLinks(string xml, string name)
    {
        var n = 0;
        var linked = EntryOpen().Replace(xml, m =>
        {
            var url = ArticleUrl(name, n++);
            return m.Groups[1].Value == "entry"
                ? $"{m.Value}<link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>"
                : $"{m.Value}<link>{url}</link>";
        });
        if (n > 0)
            return (linked, true);
        if (FeedLevel().Match(xml) is not { Success: true } payload)
            return (xml, false);
        var close = xml.LastIndexOf("</feed>", StringComparison.Ordinal) is var f and >= 0 ? f : xml.LastIndexOf("</channel>", StringComparison.Ordinal);
        if (close < 0)
            return (xml, false);
        var entry = xml[close..].StartsWith("</feed>", StringComparison.Ordinal)
            ? $"<entry><link rel=\"alternate\" type=\"text/html\" href=\"{ArticleUrl(name, 0)}\"/><title>{name}</title><content{payload.Groups[2].Value}>{payload.Groups[3].Value}</content></entry>"
            : $"<item><link>{ArticleUrl(name, 0)}</link><title>{name}</title><description>{payload.Groups[3].Value}</description></item>";
        return (xml[..close] + entry + xml[close..], true);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            var name = Path.GetFileNameWithoutExtension(context.Request.Url!.AbsolutePath);
            if (context.Request.Url.AbsolutePath.StartsWith("/feeds/", StringComparison.Ordinal) && _feeds.TryGetValue(name, out var body))
            {
                context.Response.ContentType = "application/xml";
                await context.Response.OutputStream.WriteAsync(body);
            }
            else if (context.Request.Url.AbsolutePath == "/hook-self-test")
            {
                // Proves the hook can see what it counts: a page of ours without CSP that does run script.
                context.Response.ContentType = "text/html";
                await context.Response.OutputStream.WriteAsync("<!doctype html><div id=\"content\"><script>alert('ran')</script><img src=\"data:,\" onerror=\"alert('handler')\"></div>"u8.ToArray());
            }
            else
            {
                context.Response.StatusCode = 404;
            }
            context.Response.Close();
        }
    }

    [GeneratedRegex("<(entry|item)(\\s[^>]*)?>")]
    private static partial Regex EntryOpen();

    [GeneratedRegex("<(title|subtitle|tagline|info|copyright|rights|description)(\\s[^>]*)?>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex FeedLevel();

    [GeneratedRegex("/articles/([^/]+)/\\d+")]
    private static partial Regex ArticlePath();
}
