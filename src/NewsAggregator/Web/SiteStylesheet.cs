namespace NewsAggregator.Web;

/// <summary>The pages' one stylesheet, embedded in the executable (site.css) and served with a day of caching.</summary>
public static class SiteStylesheet
{
    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(SiteStylesheet).Assembly.GetManifestResourceStream("site.css")
            ?? throw new InvalidOperationException("site.css is not embedded in the executable");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IResult Serve(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.Bytes(Bytes.Value, "text/css; charset=utf-8");
    }
}
