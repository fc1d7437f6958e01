using System.Net;
using System.Net.Sockets;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Fetching;

/// <summary>
/// Decides whether a feed may be fetched from an address (SSRF). Feed URLs come from users and from redirects of
/// servers we do not control, so anything that reaches the machine itself, its network or a cloud metadata service
/// is refused unless the operator allows it.
/// </summary>
public sealed class AddressPolicy
{
    // Host names that cloud platforms answer with their instance metadata service; refused before any DNS lookup.
    private static readonly HashSet<string> MetadataHostNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
    };

    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    private readonly bool _allowPrivateNetworks;
    private readonly HashSet<string> _allowedEndpoints;

    public AddressPolicy(FetchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _allowPrivateNetworks = options.AllowPrivateNetworks;
        _allowedEndpoints = new HashSet<string>(options.AllowedPrivateEndpoints.Select(NormalizeEndpoint), StringComparer.Ordinal);
    }

    /// <summary>Null when the connection may go ahead; otherwise the refusal as an operator reads it.</summary>
    public string? CheckAddress(string host, int port, IPAddress address)
    {
        if (_allowPrivateNetworks)
            return null;
        var reason = Classify(address);
        if (reason is null || IsAllowed(host, port, address))
            return null;
        var hostText = TrimBrackets(host);
        var subject = IPAddress.TryParse(hostText, out var literal) && literal.Equals(address)
            ? $"{hostText}"
            : $"{hostText} resolves to {address}";
        return $"refused: {subject} ({reason}); allow it with Fetch:AllowedPrivateEndpoints \"{EndpointOf(host, port)}\" or Fetch:AllowPrivateNetworks";
    }

    /// <summary>
    /// What can be judged from a URL alone, before any lookup: an IP literal in a refused range or a metadata host
    /// name. Null when the URL may be fetched (its host's addresses are checked again when it is resolved).
    /// </summary>
    public string? CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.IdnHost;
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            && IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            return CheckAddress(host, url.Port, literal);
        return CheckHostName(host, url.Port);
    }

    /// <summary>Refuses known metadata host names before they are resolved.</summary>
    public string? CheckHostName(string host, int port)
    {
        if (_allowPrivateNetworks || !MetadataHostNames.Contains(host.TrimEnd('.')) || IsAllowed(host, port, null))
            return null;
        return $"refused: {host} (cloud metadata host name); allow it with Fetch:AllowedPrivateEndpoints \"{EndpointOf(host, port)}\" or Fetch:AllowPrivateNetworks";
    }

    /// <summary>Why an address must not be fetched by default, or null for an ordinary public address.</summary>
    public static string? Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
            return Classify(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            // Anything that is neither IPv4 nor IPv6 cannot be judged, so it is not trusted.
            _ => "unknown address family",
        };
    }

    private static string? ClassifyV4(ReadOnlySpan<byte> b)
    {
        if (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)
            return "unspecified address";
        if (b[0] == 0)
            return "this network, 0.0.0.0/8";
        if (b[0] == 127)
            return "loopback";
        if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168))
            return "private network";
        if (b[0] == 169 && b[1] == 254)
            return b[2] == 169 && b[3] == 254 ? "cloud metadata endpoint" : "link-local";
        if (b[0] == 100 && (b[1] & 0xC0) == 64)
            return "carrier-grade NAT";
        if (b[0] == 255 && b[1] == 255 && b[2] == 255 && b[3] == 255)
            return "broadcast";
        if ((b[0] & 0xF0) == 224)
            return "multicast";
        if ((b[0] & 0xF0) == 240)
            return "reserved, 240.0.0.0/4";
        return null;
    }

    private static string? ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
            return "unspecified address";
        if (address.Equals(IPAddress.IPv6Loopback))
            return "loopback";
        if (address.Equals(AwsMetadataV6))
            return "cloud metadata endpoint";
        var b = address.GetAddressBytes();
        // Forms that carry an IPv4 address inside (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16)
        // would otherwise smuggle a private IPv4 target past the IPv6 rules.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
            return ClassifyV4(b.AsSpan(12, 4));
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return ClassifyV4(b.AsSpan(12, 4));
        if (b[0] == 0x20 && b[1] == 0x02)
            return ClassifyV4(b.AsSpan(2, 4));
        if ((b[0] & 0xFE) == 0xFC)
            return "private network";
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80)
            return "link-local";
        if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0)
            return "site-local";
        if (b[0] == 0xFF)
            return "multicast";
        return null;
    }

    private bool IsAllowed(string host, int port, IPAddress? address)
    {
        if (_allowedEndpoints.Contains(EndpointOf(host, port)))
            return true;
        if (address is null)
            return false;
        if (_allowedEndpoints.Contains(new IPEndPoint(address, port).ToString()))
            return true;
        return address.IsIPv4MappedToIPv6 && _allowedEndpoints.Contains(new IPEndPoint(address.MapToIPv4(), port).ToString());
    }

    /// <summary>"host:port" as written in the allow list: lower-case, IPv6 in brackets.</summary>
    private static string EndpointOf(string host, int port)
    {
        var bare = TrimBrackets(host);
        return IPAddress.TryParse(bare, out var ip)
            ? new IPEndPoint(ip, port).ToString()
            : $"{bare.TrimEnd('.').ToLowerInvariant()}:{port}";
    }

    private static string NormalizeEndpoint(string entry)
    {
        var trimmed = entry.Trim();
        if (IPEndPoint.TryParse(trimmed, out var ep) && ep.Port != 0)
            return ep.ToString();
        return trimmed.ToLowerInvariant();
    }

    private static string TrimBrackets(string host) =>
        host.Length > 1 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;
}
