using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Parser;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Parsing;

/// <summary>
/// Turns fetched bytes into a <see cref="ParsedFeed"/> or a typed failure, and never throws. FeedReader does the
/// RSS/Atom mapping, but only on text we decoded and XML we streamed through a hardened reader first: FeedReader has no
/// XML settings, guesses encodings, and dies with a stack overflow on deep nesting (ARCHITECTURE step 3).
/// </summary>
public sealed class FeedParser(ParsingOptions options)
{
    private readonly ParsingOptions _options = options;

    public FeedParseResult Parse(ReadOnlyMemory<byte> body, string? contentType)
    {
        try
        {
            return ParseUnguarded(body.Span, contentType);
        }
        catch (Exception ex)
        {
            // The contract is "never throw": a bug here, or in FeedReader on a document we let through, is recorded
            // on the feed like any other bad document instead of stopping the worker.
            return FeedParseResult.Fail(ParseFailureKind.MalformedXml, $"the feed could not be read ({ex.GetType().Name}: {ex.Message})");
        }
    }

    private FeedParseResult ParseUnguarded(ReadOnlySpan<byte> body, string? contentType)
    {
        if (body.Length > _options.MaxDocumentBytes)
            return FeedParseResult.Fail(ParseFailureKind.TooLarge, $"the body has {body.Length} bytes, more than the limit of {_options.MaxDocumentBytes}");
        if (body.Length == 0)
            return FeedParseResult.Fail(ParseFailureKind.Empty, "the body is empty");

        DecodedFeed decoded;
        try
        {
            decoded = FeedDecoder.Decode(body, contentType);
        }
        catch (FeedDecodingException ex)
        {
            return FeedParseResult.Fail(ParseFailureKind.Encoding, ex.Message);
        }

        // Whitespace and stray byte order marks before the first tag would make the XML declaration illegal.
        var text = decoded.Text.TrimStart(' ', '\t', '\r', '\n', '\uFEFF', '\0');
        if (text.Length == 0)
            return FeedParseResult.Fail(ParseFailureKind.Empty, $"the body holds only whitespace ({body.Length} bytes)");

        if (IsJson(text, FeedDecoder.MediaType(contentType)))
            return JsonFeedReader.Read(text, decoded.EncodingName, _options.MaxItems);

        var warnings = new List<string>();
        if (decoded.Warning is not null)
            warnings.Add(decoded.Warning);

        var clean = SafeXmlReader.Clean(text, _options.MaxDepth, _options.MaxCharactersFromEntities, IsFeedRoot);
        var repaired = false;
        if (clean.IsWellFormednessError)
        {
            var repairedText = EntityRepair.Repair(text);
            if (!string.Equals(repairedText, text, StringComparison.Ordinal))
            {
                var second = SafeXmlReader.Clean(repairedText, _options.MaxDepth, _options.MaxCharactersFromEntities, IsFeedRoot);
                if (second.Failure == ParseFailureKind.None)
                {
                    clean = second;
                    repaired = true;
                }
                else if (!second.IsWellFormednessError)
                {
                    clean = second;
                }
                else
                {
                    // The error of the original document is the one the publisher can find and fix.
                    clean = clean with { Error = clean.Error + " (still not well-formed after repairing entities and ampersands)" };
                }
            }
        }

        if (clean.Failure != ParseFailureKind.None || clean.Xml is null)
        {
            if (clean.Failure == ParseFailureKind.MalformedXml && LooksLikeHtml(text))
                return FeedParseResult.Fail(ParseFailureKind.NotAFeed, $"the body is an HTML page, not a feed ({clean.Error})");
            return FeedParseResult.Fail(clean.Failure, clean.Error ?? "the XML could not be read");
        }

        var format = FormatOf(clean.RootName!);
        try
        {
            // FeedReader only ever sees the re-written document: no DTD, bounded depth, already decoded.
            var feed = FeedReader.ReadFromString(clean.Xml);
            return FeedParseResult.Ok(XmlFeedMapper.Map(feed, format, decoded.EncodingName, repaired, _options.MaxItems, warnings));
        }
        catch (Exception ex) when (ex is NullReferenceException or FeedTypeNotSupportedException or FormatException or InvalidOperationException)
        {
            // FeedReader assumes <rss version> and an un-namespaced <channel>; a feed it cannot map is still a feed.
            warnings.Add($"FeedReader could not map the document ({ex.GetType().Name}); read directly from the XML");
            var document = XDocument.Parse(clean.Xml);
            return FeedParseResult.Ok(XmlFeedMapper.MapWithoutFeedReader(document.Root!, format, decoded.EncodingName, repaired, _options.MaxItems, warnings));
        }
    }

    /// <summary>
    /// JSON by its first character, since servers label feeds badly; the media type decides only when the body starts
    /// with neither '{' nor '&lt;' (then a JSON type gives a JSON error, which names the real problem).
    /// </summary>
    private static bool IsJson(string text, string? mediaType) => text[0] switch
    {
        '{' or '[' => true,
        '<' => false,
        _ => mediaType is "application/feed+json" or "application/json" || mediaType?.EndsWith("+json", StringComparison.Ordinal) == true,
    };

    private static bool IsFeedRoot(string localName, string namespaceUri) => FormatOf(localName) != FeedFormat.Unknown;

    /// <summary>Root names as FeedReader accepts them (case-insensitive, any namespace).</summary>
    private static FeedFormat FormatOf(string rootLocalName) => rootLocalName.ToLowerInvariant() switch
    {
        "rss" => FeedFormat.Rss,
        "rdf" => FeedFormat.Rdf,
        "feed" => FeedFormat.Atom,
        _ => FeedFormat.Unknown,
    };

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 512));
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }
}
