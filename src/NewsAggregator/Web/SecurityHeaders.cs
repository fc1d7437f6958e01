namespace NewsAggregator.Web;

/// <summary>
/// Headers on every response (pages, API, redirects, errors), set as the response starts so nothing later drops them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Our pages carry no JavaScript at all, so no script may run (<c>script-src 'none'</c>): if feed HTML ever got
    /// past the sanitiser, the browser would still refuse to run it. Styles: the pages keep their small CSS in a
    /// &lt;style&gt; block, so inline style is allowed; styles cannot run code, and the sanitiser strips every style
    /// from feed HTML. Images: the article page shows the publisher's own images, which live on the publisher's
    /// servers (http or https), so <c>img-src</c> allows them; with <c>Referrer-Policy: no-referrer</c> the publisher
    /// learns the reader's address but not which of our pages showed the image. Nothing may frame us, no plugin may
    /// load, a <c>&lt;base&gt;</c> cannot move our links, and forms post only to us.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' https: http:; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            // Links to publishers and their images do not tell them which story or search led there.
            headers["Referrer-Policy"] = "no-referrer";
            // For browsers older than frame-ancestors.
            headers.XFrameOptions = "DENY";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
