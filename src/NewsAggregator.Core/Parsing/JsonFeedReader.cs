using System.Net;
using System.Text.Json;

namespace NewsAggregator.Core.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) read with System.Text.Json.</summary>
internal static class JsonFeedReader
{
    /// <summary>JSON Feed nests four levels; 64 leaves room for extensions and stops stack attacks long before harm.</summary>
    private const int MaxJsonDepth = 64;

    public static FeedParseResult Read(string text, string encodingName, int maxItems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            // The reader reports its depth limit only in the message ("The maximum configured depth of 64...").
            var kind = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase) ? ParseFailureKind.TooDeep : ParseFailureKind.MalformedJson;
            return FeedParseResult.Fail(kind, $"JSON is not valid at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return FeedParseResult.Fail(ParseFailureKind.NotAFeed, $"the JSON root is {root.ValueKind}, not a JSON Feed object");
            var version = String(root, "version");
            var hasItems = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            if (version?.StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase) != true && !hasItems)
                return FeedParseResult.Fail(ParseFailureKind.NotAFeed, "the JSON has neither a jsonfeed.org version nor an items array; this is not a JSON Feed");

            var homePage = String(root, "home_page_url");
            var feedAuthor = Author(root);
            var parsed = new List<ParsedItem>();
            var total = 0;
            if (hasItems)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                        continue;
                    total++;
                    if (parsed.Count < maxItems)
                        parsed.Add(MapItem(item, homePage, feedAuthor));
                }
            }

            return FeedParseResult.Ok(new ParsedFeed
            {
                Format = FeedFormat.JsonFeed,
                Title = String(root, "title"),
                Link = homePage,
                Language = String(root, "language"),
                Items = parsed,
                Encoding = encodingName,
                Warnings = total > parsed.Count ? [$"{total - parsed.Count} of {total} items ignored beyond the limit of {maxItems}"] : [],
            });
        }
    }

    private static ParsedItem MapItem(JsonElement item, string? homePage, string? feedAuthor)
    {
        var html = String(item, "content_html");
        var text = String(item, "content_text");
        var summary = String(item, "summary");
        return new ParsedItem
        {
            Id = String(item, "id"),
            Link = FeedUrls.Resolve(String(item, "url"), homePage),
            Title = String(item, "title"),
            // summary and content_text are plain text by the spec; ParsedItem carries HTML, so they are escaped.
            SummaryHtml = summary is null ? null : WebUtility.HtmlEncode(summary),
            ContentHtml = html ?? (text is null ? null : WebUtility.HtmlEncode(text)),
            Published = FeedDates.Parse(String(item, "date_published")),
            Updated = FeedDates.Parse(String(item, "date_modified")),
            Author = Author(item) ?? feedAuthor,
            // external_url points at the page this item is about or quotes: the closest JSON Feed has to a source.
            SourceUrl = FeedUrls.Resolve(String(item, "external_url"), homePage),
            Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                ? tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).Distinct().ToList()
                : [],
        };
    }

    /// <summary>Names of "authors" (1.1) or "author" (1.0), joined.</summary>
    private static string? Author(JsonElement owner)
    {
        if (owner.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "name") : null)
                .Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            if (names.Count > 0)
                return string.Join(", ", names);
        }

        return owner.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;
    }

    /// <summary>A string property; numbers are accepted as text because feeds write "id": 123.</summary>
    private static string? String(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
            return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
