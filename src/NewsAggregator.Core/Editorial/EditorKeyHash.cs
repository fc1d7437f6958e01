using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsAggregator.Core.Editorial;

/// <summary>
/// An editor's key as configuration stores it: <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64).
/// The string carries its own salt and work factor, so keys hashed with an older iteration count keep working
/// after the default rises. Keys are never stored or logged in clear.
/// </summary>
public sealed record EditorKeyHash(int Iterations, byte[] Salt, byte[] Hash)
{
    public const string Prefix = "pbkdf2-sha256";

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a quarter of a second per check on one core here.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>Below this a stored hash is refused: it would make guessing a weak key cheap.</summary>
    public const int MinIterations = 100_000;

    public const int MaxIterations = 10_000_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static EditorKeyHash Create(string key, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return new EditorKeyHash(iterations, salt, Derive(key, salt, iterations, HashBytes));
    }

    /// <summary>A new random key for a person to type: 24 characters of base64url (144 bits).</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string? text, [NotNullWhen(true)] out EditorKeyHash? hash)
    {
        hash = null;
        var parts = text?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < MinIterations or > MaxIterations)
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var derived = Convert.FromBase64String(parts[3]);
            if (salt.Length < 8 || derived.Length < 16)
                return false;
            hash = new EditorKeyHash(iterations, salt, derived);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="key"/> is the key hashed here. The comparison takes the same time wherever the bytes differ.</summary>
    public bool Matches(string key) =>
        CryptographicOperations.FixedTimeEquals(Derive(key ?? "", Salt, Iterations, Hash.Length), Hash);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}${Iterations}${Convert.ToBase64String(Salt)}${Convert.ToBase64String(Hash)}");

    private static byte[] Derive(string key, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(key), salt, iterations, HashAlgorithmName.SHA256, length);
}
