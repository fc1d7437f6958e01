using System.Text;

namespace NewsAggregator.Core.Parsing;

/// <summary>The decoded text of a feed body and how it was decoded.</summary>
internal sealed record DecodedFeed(string Text, string EncodingName, string? Warning);

/// <summary>
/// Turns feed bytes into text before any XML parser sees them, because FeedReader guesses encodings badly and an
/// XmlReader over a string never second-guesses our choice.
/// </summary>
/// <remarks>
/// The rule, in order (a later step runs only when the earlier ones decided nothing):
/// 1. A byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) is authoritative: nothing a server or a declaration says
///    can make a BOM mean something else.
/// 2. UTF-16/32 without a BOM is recognised from the zero bytes around the first '&lt;' (XML 1.0 appendix F).
///    This is physical evidence, so an HTTP charset naming a single-byte encoding cannot override it.
/// 3. An HTTP charset wins over the XML declaration when the media type is text/* or an XML type
///    (application/xml, application/*+xml): RFC 7303 §3 (successor of RFC 3023) makes the charset parameter
///    authoritative. Unlike RFC 3023 we do not force us-ascii on text/xml without a charset; like RFC 7303 and every
///    browser we then use the declaration. Charsets on other media types (octet-stream, say) are ignored.
/// 4. The XML declaration's encoding.
/// 5. Strict UTF-8, then windows-1252 as the last resort (it decodes every byte, and "smart quotes" feeds are the
///    common case of undeclared non-UTF-8).
/// A named encoding that does not decode the bytes strictly gives way to the next step, except UTF-8: a feed that
/// says UTF-8 and holds a stray invalid byte keeps its UTF-8 text with U+FFFD in place of that byte, because
/// re-reading it all as windows-1252 would garble every correct accented letter (the same holds under a UTF-8 BOM).
/// UTF-16/32 that does not decode is rejected as an encoding error. Unknown names are skipped.
/// </remarks>
internal static class FeedDecoder
{
    static FeedDecoder()
    {
        // big5, euc-kr, gb2312, koi8-r, shift_jis, windows-125x... live in the code pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding LossyUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    public static DecodedFeed Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var decoded = DecodeBytes(bytes, contentType);
        return decoded with { Text = Demoronize(decoded.Text) };
    }

    /// <summary>
    /// C1 control characters (U+0080..U+009F) never belong in a feed; they appear when windows-1252 text was
    /// converted as if it were latin-1. They are mapped back to what windows-1252 meant (0x92 → ’).
    /// </summary>
    private static string Demoronize(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\u0080', '\u009F') < 0)
            return text;
        var cp1252 = Encoding.GetEncoding(1252);
        var chars = text.ToCharArray();
        Span<byte> one = stackalloc byte[1];
        Span<char> mapped = stackalloc char[2];
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < '\u0080' or > '\u009F')
                continue;
            one[0] = (byte)chars[i];
            if (cp1252.GetChars(one, mapped) == 1)
                chars[i] = mapped[0];
        }

        return new string(chars);
    }

    private static DecodedFeed DecodeBytes(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is not null && bomEncoding.CodePage == Encoding.UTF8.CodePage)
        {
            // A UTF-8 BOM over a stray invalid byte is still UTF-8 text: keep it, with U+FFFD for that byte.
            if (TryStrict(bytes[bomLength..], StrictUtf8, out var utf8))
                return new DecodedFeed(utf8, "utf-8", null);
            return new DecodedFeed(LossyUtf8.GetString(bytes[bomLength..]), "utf-8",
                $"UTF-8 byte order mark but invalid bytes (first at byte {bomLength + FirstInvalidUtf8(bytes[bomLength..])}); they were replaced by U+FFFD");
        }

        if (bomEncoding is not null)
            return DecodeUnicode(bytes[bomLength..], bomEncoding, "byte order mark");

        var patternEncoding = DetectUnicodeWithoutBom(bytes);
        if (patternEncoding is not null)
            return DecodeUnicode(bytes, patternEncoding, "zero-byte pattern of the first characters");

        var httpCharset = HttpCharset(contentType);
        var declared = DeclaredEncoding(bytes);
        string? warning = null;
        foreach (var name in new[] { httpCharset, declared })
        {
            if (string.IsNullOrWhiteSpace(name))
                continue;
            var encoding = Resolve(name);
            if (encoding is null)
            {
                warning ??= $"unknown encoding name '{name}' ignored";
                continue;
            }

            if (encoding.CodePage == Encoding.UTF8.CodePage)
            {
                if (TryStrict(bytes, StrictUtf8, out var utf8))
                    return new DecodedFeed(utf8, "utf-8", warning);
                return new DecodedFeed(LossyUtf8.GetString(bytes), "utf-8",
                    $"declared utf-8 but holds invalid bytes (first at byte {FirstInvalidUtf8(bytes)}); they were replaced by U+FFFD");
            }

            if (IsWideUnicode(encoding))
            {
                // A declaration of UTF-16/32 over bytes without zero bytes is a lie (the text is ASCII-compatible).
                warning ??= $"encoding '{name}' does not match the bytes";
                continue;
            }

            var strict = (Encoding)encoding.Clone();
            strict.DecoderFallback = DecoderFallback.ExceptionFallback;
            if (TryStrict(bytes, strict, out var text))
                return new DecodedFeed(text, encoding.WebName, warning);
            warning ??= $"bytes are not valid {encoding.WebName}; encoding '{name}' ignored";
        }

        if (TryStrict(bytes, StrictUtf8, out var fallbackUtf8))
            return new DecodedFeed(fallbackUtf8, "utf-8", warning);

        var cp1252 = Encoding.GetEncoding(1252);
        return new DecodedFeed(cp1252.GetString(bytes), cp1252.WebName, warning);
    }

    /// <summary>Media type without parameters, lower case; null when absent.</summary>
    public static string? MediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
            return null;
        var semicolon = contentType.IndexOf(';');
        var type = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
        return type.Length == 0 ? null : type;
    }

    private static DecodedFeed DecodeUnicode(ReadOnlySpan<byte> bytes, Encoding encoding, string evidence)
    {
        if (TryStrict(bytes, encoding, out var text))
            return new DecodedFeed(text, encoding.WebName, null);
        throw new FeedDecodingException(
            $"the {evidence} says {encoding.WebName}, but the bytes are not valid {encoding.WebName} (length {bytes.Length})");
    }

    private static (Encoding? Encoding, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        // UTF-32 LE must be tested before UTF-16 LE: FF FE 00 00 starts with the UTF-16 LE mark.
        if (b is [0xFF, 0xFE, 0x00, 0x00, ..])
            return (new UTF32Encoding(false, false, true), 4);
        if (b is [0x00, 0x00, 0xFE, 0xFF, ..])
            return (new UTF32Encoding(true, false, true), 4);
        if (b is [0xEF, 0xBB, 0xBF, ..])
            return (StrictUtf8, 3);
        if (b is [0xFF, 0xFE, ..])
            return (new UnicodeEncoding(false, false, true), 2);
        if (b is [0xFE, 0xFF, ..])
            return (new UnicodeEncoding(true, false, true), 2);
        return (null, 0);
    }

    private static Encoding? DetectUnicodeWithoutBom(ReadOnlySpan<byte> b)
    {
        // The first character of an XML document is '<' (or whitespace); its zero bytes give the width and order.
        if (b is [0x00, 0x00, 0x00, 0x3C, ..])
            return new UTF32Encoding(true, false, true);
        if (b is [0x3C, 0x00, 0x00, 0x00, ..])
            return new UTF32Encoding(false, false, true);
        if (b is [0x00, 0x3C, 0x00, _, ..])
            return new UnicodeEncoding(true, false, true);
        if (b is [0x3C, 0x00, _, 0x00, ..])
            return new UnicodeEncoding(false, false, true);
        return null;
    }

    private static string? HttpCharset(string? contentType)
    {
        var mediaType = MediaType(contentType);
        if (mediaType is null || contentType is null)
            return null;
        var isXmlOrText = mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType == "application/xml"
            || mediaType.EndsWith("+xml", StringComparison.Ordinal)
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType == "application/json";
        if (!isXmlOrText)
            return null;

        foreach (var parameter in contentType.Split(';').Skip(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals < 0)
                continue;
            if (!parameter[..equals].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                continue;
            var value = parameter[(equals + 1)..].Trim().Trim('"', '\'').Trim();
            return value.Length == 0 ? null : value;
        }

        return null;
    }

    /// <summary>The encoding pseudo-attribute of an XML declaration at the start of ASCII-compatible bytes.</summary>
    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        var start = 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            start++;
        head = head[start..];
        if (!head.StartsWith("<?xml"u8))
            return null;
        var end = head.IndexOf("?>"u8);
        if (end < 0)
            return null;
        var declaration = Encoding.Latin1.GetString(head[..end]);
        var key = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (key < 0)
            return null;
        var rest = declaration[(key + "encoding".Length)..].TrimStart();
        if (!rest.StartsWith('='))
            return null;
        rest = rest[1..].TrimStart();
        if (rest.Length == 0 || rest[0] is not ('"' or '\''))
            return null;
        var close = rest.IndexOf(rest[0], 1);
        return close < 0 ? null : rest[1..close].Trim();
    }

    private static Encoding? Resolve(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsWideUnicode(Encoding encoding) => encoding.CodePage is 1200 or 1201 or 12000 or 12001;

    private static bool TryStrict(ReadOnlySpan<byte> bytes, Encoding encoding, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }
}

/// <summary>Bytes that the encoding their own byte order mark or zero-byte pattern names cannot decode.</summary>
internal sealed class FeedDecodingException(string message) : Exception(message);
