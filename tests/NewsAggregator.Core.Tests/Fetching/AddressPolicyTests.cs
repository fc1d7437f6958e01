using System.Net;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;

namespace NewsAggregator.Core.Tests.Fetching;

public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("0.0.0.0", "unspecified address")]
    [InlineData("::", "unspecified address")]
    [InlineData("0.1.2.3", "this network, 0.0.0.0/8")]
    [InlineData("10.1.2.3", "private network")]
    [InlineData("172.16.0.1", "private network")]
    [InlineData("172.31.255.255", "private network")]
    [InlineData("192.168.1.1", "private network")]
    [InlineData("fc00::1", "private network")]
    [InlineData("fd12:3456::1", "private network")]
    [InlineData("169.254.169.254", "cloud metadata endpoint")]
    [InlineData("fd00:ec2::254", "cloud metadata endpoint")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("::ffff:10.1.2.3", "private network")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata endpoint")]
    [InlineData("64:ff9b::a01:203", "private network")]
    [InlineData("2002:a01:203::1", "private network")]
    public void Classify_NonPublicAddress_ReturnsReason(string address, string reason)
    {
        Assert.Equal(reason, AddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classify_PublicAddress_ReturnsNull(string address)
    {
        Assert.Null(AddressPolicy.Classify(IPAddress.Parse(address)));
    }

    [Fact]
    public void CheckAddress_PrivateByDefault_RefusesWithHowToAllow()
    {
        var policy = new AddressPolicy(new FetchOptions());

        var refusal = policy.CheckAddress("example.test", 80, IPAddress.Parse("10.1.2.3"));

        Assert.Equal("refused: example.test resolves to 10.1.2.3 (private network); allow it with Fetch:AllowedPrivateEndpoints \"example.test:80\" or Fetch:AllowPrivateNetworks", refusal);
    }

    [Fact]
    public void CheckAddress_IpLiteral_NamesTheAddressOnce()
    {
        var policy = new AddressPolicy(new FetchOptions());

        var refusal = policy.CheckAddress("169.254.169.254", 80, IPAddress.Parse("169.254.169.254"));

        Assert.StartsWith("refused: 169.254.169.254 (cloud metadata endpoint);", refusal);
    }

    [Fact]
    public void CheckAddress_AllowedIpEndpoint_Allows()
    {
        var policy = new AddressPolicy(new FetchOptions { AllowedPrivateEndpoints = ["127.0.0.1:8080", "[::1]:8080"] });

        Assert.Null(policy.CheckAddress("127.0.0.1", 8080, IPAddress.Loopback));
        Assert.Null(policy.CheckAddress("any.name", 8080, IPAddress.Loopback));
        Assert.Null(policy.CheckAddress("[::1]", 8080, IPAddress.IPv6Loopback));
        Assert.Null(policy.CheckAddress("any.name", 8080, IPAddress.Parse("::ffff:127.0.0.1")));
    }

    [Fact]
    public void CheckAddress_AllowedEndpointOtherPort_Refuses()
    {
        var policy = new AddressPolicy(new FetchOptions { AllowedPrivateEndpoints = ["127.0.0.1:8080"] });

        Assert.NotNull(policy.CheckAddress("127.0.0.1", 8081, IPAddress.Loopback));
        Assert.NotNull(policy.CheckAddress("intranet.example", 8080, IPAddress.Parse("127.0.0.2")));
    }

    [Fact]
    public void CheckAddress_AllowedHostName_AllowsAnyAddressOfThatHost()
    {
        var policy = new AddressPolicy(new FetchOptions { AllowedPrivateEndpoints = ["Intranet.Example:443"] });

        Assert.Null(policy.CheckAddress("intranet.example", 443, IPAddress.Parse("10.0.0.5")));
        Assert.NotNull(policy.CheckAddress("other.example", 443, IPAddress.Parse("10.0.0.5")));
    }

    [Fact]
    public void CheckAddress_AllowPrivateNetworks_AllowsEverything()
    {
        var policy = new AddressPolicy(new FetchOptions { AllowPrivateNetworks = true });

        Assert.Null(policy.CheckAddress("metadata", 80, IPAddress.Parse("169.254.169.254")));
        Assert.Null(policy.CheckHostName("metadata.google.internal", 80));
    }

    [Fact]
    public void CheckAddress_PublicAddress_Allows()
    {
        Assert.Null(new AddressPolicy(new FetchOptions()).CheckAddress("example.org", 443, IPAddress.Parse("93.184.216.34")));
    }

    [Theory]
    [InlineData("metadata.google.internal")]
    [InlineData("METADATA.GOOGLE.INTERNAL.")]
    [InlineData("instance-data")]
    public void CheckHostName_MetadataName_Refuses(string host)
    {
        Assert.Contains("cloud metadata host name", new AddressPolicy(new FetchOptions()).CheckHostName(host, 80));
    }

    [Fact]
    public void CheckHostName_OrdinaryName_Allows()
    {
        Assert.Null(new AddressPolicy(new FetchOptions()).CheckHostName("feeds.example.org", 443));
    }
}
