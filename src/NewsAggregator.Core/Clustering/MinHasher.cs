namespace NewsAggregator.Core.Clustering;

/// <summary>
/// MinHash signatures over word shingles (Broder 1997): the share of equal slots between two signatures estimates
/// the Jaccard resemblance of their shingle sets. The permutations are fixed (seeded constants) so signatures
/// stored by one process compare with those of another.
/// </summary>
public static class MinHasher
{
    public const int Length = 64;
    public const int ShingleWords = 3;

    private static readonly ulong[] Multipliers = new ulong[Length];
    private static readonly ulong[] Addends = new ulong[Length];

    static MinHasher()
    {
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < Length; i++)
        {
            Multipliers[i] = SplitMix(ref state) | 1;
            Addends[i] = SplitMix(ref state);
        }
    }

    public static uint[] Signature(IReadOnlyList<string> tokens)
    {
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        if (tokens.Count == 0)
            return signature;
        var count = Math.Max(1, tokens.Count - ShingleWords + 1);
        var tokenHashes = new uint[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
            tokenHashes[i] = TextTokens.Hash(tokens[i]);
        for (var s = 0; s < count; s++)
        {
            ulong shingle = 0xCBF29CE484222325UL;
            for (var w = s; w < Math.Min(tokens.Count, s + ShingleWords); w++)
                shingle = (shingle ^ tokenHashes[w]) * 0x100000001B3UL;
            for (var i = 0; i < Length; i++)
            {
                var h = (uint)((Multipliers[i] * shingle + Addends[i]) >> 32);
                if (h < signature[i])
                    signature[i] = h;
            }
        }
        return signature;
    }

    /// <summary>Estimated Jaccard resemblance of the two shingle sets.</summary>
    public static double Resemblance(uint[] a, uint[] b)
    {
        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            if (a[i] == b[i] && a[i] != uint.MaxValue)
                equal++;
        }
        return equal / (double)Length;
    }

    /// <summary>The key of one LSH band: the rows of that band hashed together with the band number.</summary>
    public static ulong BandKey(uint[] signature, int band, int rows)
    {
        ulong h = 0xCBF29CE484222325UL ^ (ulong)band;
        for (var r = band * rows; r < (band + 1) * rows; r++)
            h = (h ^ signature[r]) * 0x100000001B3UL;
        return h;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
