namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// A keyed bijection of [0, size): a four-round Feistel network over the smallest even number of bits that covers
/// size, walked until it lands inside the range. Drawing "the k-th story's subject" as Map(k) gives every story its
/// own subject until size stories have passed (sampling without replacement), yet each story finds its own in
/// constant time, so stories can still be written in parallel and in any order.
/// </summary>
internal readonly struct SyntheticPermutation
{
    private readonly ulong _key;
    private readonly int _half;
    private readonly uint _mask;

    public SyntheticPermutation(ulong key, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        _key = key;
        var bits = 2;
        while ((1L << bits) < size)
            bits += 2;
        _half = bits / 2;
        _mask = (1u << _half) - 1;
    }

    public int Size { get; }

    /// <summary>The image of x mod Size.</summary>
    public int Map(long x)
    {
        var v = (uint)(x % Size);
        do
        {
            var left = v >> _half;
            var right = v & _mask;
            for (var round = 0; round < 4; round++)
            {
                var f = (uint)(Round(right, round) & _mask);
                (left, right) = (right, left ^ f);
            }
            v = (left << _half) | right;
        }
        while (v >= Size);
        return (int)v;
    }

    private ulong Round(uint value, int round)
    {
        var z = _key ^ ((ulong)value * 0x9E3779B97F4A7C15UL) ^ ((ulong)(round + 1) * 0xD1B54A32D192ED03UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
