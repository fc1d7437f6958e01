namespace NewsAggregator.Core.Storage;

/// <summary>Milliseconds since the Unix epoch, UTC: how every time is stored.</summary>
public static class Time
{
    public static long ToMs(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static long? ToMs(DateTimeOffset? t) => t?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    public static DateTimeOffset? FromMs(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
