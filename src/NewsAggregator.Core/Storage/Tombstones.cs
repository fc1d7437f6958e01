using System.Security.Cryptography;
using System.Text;

namespace NewsAggregator.Core.Storage;

/// <summary>
/// The key an article removed by retention leaves behind (table article_tombstones): ingest matches an item on its
/// canonical URL, so the tombstone is a hash of that URL, shortened to 16 bytes (collisions among billions of URLs are
/// still far less likely than a disk error).
/// </summary>
public static class Tombstones
{
    public const int KeyBytes = 16;

    public static byte[] Key(string canonicalUrl) => SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl))[..KeyBytes];
}
