using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Tests.Configuration;

public sealed class FeedListTests : IDisposable
{
    private static readonly OutletDirectory Outlets = new([new Outlet { Id = "meridian", Name = "Meridian", Kind = "newspaper" }]);
    private readonly string _folder = Directory.CreateTempSubdirectory("newsagg-feedlist-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "metadata.google.internal")]
    [InlineData("http://10.0.0.5/feed.xml", "10.0.0.5")]
    public void Load_UrlThePolicyRefuses_NamesTheFeedAndHowToAllowIt(string url, string host)
    {
        var path = Write(url);

        var e = Assert.Throws<ConfigurationException>(() => FeedList.Load(path, Outlets, new AddressPolicy(new FetchOptions())));

        Assert.StartsWith($"{path}: feeds[0] (one): \"url\" {url} is not fetched, refused: {host}", e.Message, StringComparison.Ordinal);
        Assert.Contains("Fetch:AllowedPrivateEndpoints", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrivateEndpointTheOperatorAllowed_IsAccepted()
    {
        var path = Write("http://127.0.0.1:8080/feed.xml");

        var feeds = FeedList.Load(path, Outlets, new AddressPolicy(new FetchOptions { AllowedPrivateEndpoints = ["127.0.0.1:8080"] }));

        Assert.Equal("http://127.0.0.1:8080/feed.xml", Assert.Single(feeds).Url.AbsoluteUri);
    }

    [Fact]
    public void Load_PublicHostName_IsAcceptedWithoutLookingItUp()
    {
        var path = Write("https://feeds.example.org/world.xml");

        Assert.Single(FeedList.Load(path, Outlets, new AddressPolicy(new FetchOptions())));
    }

    private string Write(string url)
    {
        var path = Path.Combine(_folder, "feeds.json");
        File.WriteAllText(path, $$"""{ "feeds": [ { "id": "one", "outlet": "meridian", "url": "{{url}}" } ] }""");
        return path;
    }
}
