namespace NewsAggregator.Core.Fetching;

/// <summary>
/// Thrown inside the connect callback when the SSRF policy refuses an address; the fetcher unwraps it from the
/// HttpRequestException so that the feed records RefusedAddress instead of a generic connect failure.
/// </summary>
public sealed class RefusedAddressException : Exception
{
    public RefusedAddressException(string message) : base(message)
    {
    }
}
