namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// xoshiro256** seeded through SplitMix64. The corpus must be byte-identical for a seed on every machine and runtime,
/// which System.Random does not promise across .NET versions; every story gets its own generator derived from the
/// seed and its index, so stories can be written in parallel in any order and still come out the same. Only integer
/// operations and IEEE additions, multiplications and divisions are used: Math.Log or Math.Exp may differ in the last
/// bit between platforms, which would be enough to move a time by a second.
/// </summary>
internal sealed class SyntheticRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SyntheticRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A generator for one purpose of one item: seed, then a stream number and an index, mixed.</summary>
    public static SyntheticRandom For(long seed, ulong stream, long index) => new(Mix(seed, stream, index));

    /// <summary>Mixes the three numbers so that neighbouring indexes give unrelated seeds.</summary>
    public static ulong Mix(long seed, ulong stream, long index)
    {
        var x = unchecked((ulong)seed) ^ 0x9E3779B97F4A7C15UL;
        var h = SplitMix(ref x);
        x = h ^ (stream * 0xD1B54A32D192ED03UL);
        h = SplitMix(ref x);
        x = h ^ unchecked((ulong)index);
        return SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0 ≤ result &lt; n (Lemire's multiply-shift; its bias of at most n/2^32 does not matter here).</summary>
    public int Next(int n) => n <= 0 ? 0 : (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

    /// <summary>min ≤ result ≤ max.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>0 ≤ result &lt; 1 with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>
    /// An approximately standard normal deviate: the sum of twelve uniforms less six (Irwin–Hall), within ±6, which is
    /// all a publication delay needs, and free of transcendental functions.
    /// </summary>
    public double Normal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
            sum += NextDouble();
        return sum - 6.0;
    }

    /// <summary>e^x for |x| ≤ 8 by a Taylor series of x/16 squared four times: plain arithmetic, the same everywhere.</summary>
    public static double Exp(double x)
    {
        var r = x / 16.0;
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k <= 14; k++)
        {
            term *= r / k;
            sum += term;
        }
        for (var i = 0; i < 4; i++)
            sum *= sum;
        return sum;
    }

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Fisher–Yates over the items from <paramref name="start"/> on.</summary>
    public void Shuffle<T>(IList<T> items, int start = 0)
    {
        for (var i = items.Count - 1; i > start; i--)
        {
            var j = start + Next(i - start + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
