using System.IO.Compression;

namespace NewsAggregator.Core.Fetching;

/// <summary>
/// Undoes Content-Encoding by hand. The handler's automatic decompression is off so that the byte cap counts
/// decompressed bytes while they are produced: a small compressed bomb is stopped at the cap, not after inflating.
/// </summary>
internal static class ContentDecoding
{
    /// <summary>Wraps the raw body in decoders, last applied encoding first; null names an unsupported encoding.</summary>
    public static async Task<(Stream? Stream, string? Unsupported)> DecodeAsync(Stream raw, IEnumerable<string> encodings, CancellationToken ct)
    {
        var applied = encodings
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(e => e.ToLowerInvariant())
            .Where(e => e != "identity")
            .ToList();
        var stream = raw;
        // Encodings are listed in the order they were applied, so they are undone from the last one.
        for (var i = applied.Count - 1; i >= 0; i--)
        {
            switch (applied[i])
            {
                case "gzip" or "x-gzip":
                    stream = new GZipStream(stream, CompressionMode.Decompress);
                    break;
                case "br":
                    stream = new BrotliStream(stream, CompressionMode.Decompress);
                    break;
                case "deflate":
                    stream = await OpenDeflateAsync(stream, ct);
                    break;
                default:
                    return (null, applied[i]);
            }
        }
        return (stream, null);
    }

    /// <summary>
    /// HTTP "deflate" means zlib-wrapped deflate, but many servers send raw deflate; the first two bytes tell which
    /// (a zlib header names method 8 and is a multiple of 31), the same sniff that browsers use.
    /// </summary>
    private static async Task<Stream> OpenDeflateAsync(Stream stream, CancellationToken ct)
    {
        var head = new byte[2];
        var read = 0;
        while (read < head.Length)
        {
            var n = await stream.ReadAsync(head.AsMemory(read), ct);
            if (n == 0)
                break;
            read += n;
        }
        var isZlib = read == 2 && (head[0] & 0x0F) == 8 && (head[0] >> 4) <= 7 && ((head[0] << 8) | head[1]) % 31 == 0;
        var replay = new PrefixedStream(head.AsSpan(0, read), stream);
        return isZlib ? new ZLibStream(replay, CompressionMode.Decompress) : new DeflateStream(replay, CompressionMode.Decompress);
    }
}
