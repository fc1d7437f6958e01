using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>
/// The pages' shared layout and encoding. Every value that came from a feed or an editor goes through
/// <see cref="E"/>; the pages carry no script and no inline style (the stylesheet is <c>/static/site.css</c>).
/// </summary>
public static class Html
{
    // Letters of every script stay readable in the source; markup characters and quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    public static string E(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A UTC time as shown on every page: "2026-11-25 14:03 UTC".</summary>
    public static string When(long ms) => Time.FromMs(ms).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    public static string When(long? ms) => ms is { } v ? When(v) : "–";

    public static string Number(double value, string format = "0.00") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The document around <paramref name="body"/>: header navigation back to the stories page on every page.</summary>
    public static string Page(string title, string body)
    {
        var html = new StringBuilder(body.Length + 1024);
        html.Append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · NewsAggregator</title>")
            .Append("<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>")
            .Append("<header class=\"site\"><a class=\"brand\" href=\"/\">NewsAggregator</a><nav>")
            .Append("<a href=\"/stories\">Stories</a><a href=\"/feeds\">Feeds</a><a href=\"/openapi/v1.json\">API</a></nav></header><main>")
            .Append(body)
            .Append("</main></body></html>");
        return html.ToString();
    }

    public static IResult Result(string title, string body, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(Page(title, body), "text/html; charset=utf-8", Encoding.UTF8, status);

    public static IResult NotFound(string what) => Result("Not found", $"<h1>Not found</h1><p>{E(what)}</p><p><a href=\"/stories\">Back to the stories</a></p>", StatusCodes.Status404NotFound);

    public static IResult BadRequest(string why) => Result("Bad request", $"<h1>Bad request</h1><p>{E(why)}</p><p><a href=\"/stories\">Back to the stories</a></p>", StatusCodes.Status400BadRequest);

    /// <summary>An outlet's name linked to its page, marked "external" when it was found only in attributions.</summary>
    public static string Outlet(string id, string name, bool external) =>
        $"<a href=\"/outlets/{Uri.EscapeDataString(id)}\">{E(name)}</a>" + (external ? " <span class=\"tag external\">external</span>" : "");
}
