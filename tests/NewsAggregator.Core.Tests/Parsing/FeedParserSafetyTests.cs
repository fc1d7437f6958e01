using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Tests.Parsing;

/// <summary>Hostile documents: each is rejected with its own reason, quickly, touching no file and no network.</summary>
public sealed class FeedParserSafetyTests
{
    private readonly FeedParser _parser = new(new ParsingOptions());

    [Fact]
    public void Parse_200000LevelsOfNesting_RejectsTooDeepQuickly()
    {
        // FeedReader alone dies of a stack overflow on this (it recurses over the XDocument); ours must stop early.
        const int levels = 200_000;
        var xml = new StringBuilder("<rss version=\"2.0\"><channel><item><description>");
        xml.Insert(xml.Length, "<a>", levels).Insert(xml.Length, "</a>", levels).Append("</description></item></channel></rss>");
        var bytes = Encoding.UTF8.GetBytes(xml.ToString());
        Assert.InRange(bytes.Length, 1_300_000, 1_500_000);
        _parser.Parse("<rss version=\"2.0\"><channel/></rss>"u8.ToArray(), null); // warm up the JIT

        var watch = Stopwatch.StartNew();
        var result = _parser.Parse(bytes, "application/rss+xml");
        watch.Stop();

        Assert.Equal(ParseFailureKind.TooDeep, result.Failure);
        Assert.Contains("limit of 64", result.Error, StringComparison.Ordinal);
        // A safety bound, not a benchmark: rejection must not scale with the depth of the attack.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Parse_BillionLaughs_RejectsEntityExpansion()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
        for (var i = 1; i <= 9; i++)
            xml.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        xml.Append("]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");

        var watch = Stopwatch.StartNew();
        var result = _parser.Parse(Encoding.UTF8.GetBytes(xml.ToString()), null);

        Assert.Equal(ParseFailureKind.EntityExpansion, result.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Parse_SmallInternalEntity_ExpandsIt()
    {
        var result = Parse("""
            <!DOCTYPE rss [<!ENTITY outlet "Example News">]>
            <rss version="2.0"><channel><title>&outlet; feed</title></channel></rss>
            """);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("Example News feed", result.Feed!.Title);
    }

    [Fact]
    public void Parse_ExternalEntityToFile_ReadsNoFile()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var path = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, secret);
        try
        {
            var uri = new Uri(path).AbsoluteUri;
            var results = new[]
            {
                Parse($"""
                    <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{uri}">]>
                    <rss version="2.0"><channel><title>t &xxe;</title><item><title>&xxe;</title><description>x</description></item></channel></rss>
                    """),
                Parse($"""
                    <!DOCTYPE rss [<!ENTITY % dtd SYSTEM "{uri}"> %dtd;]>
                    <rss version="2.0"><channel><title>t</title></channel></rss>
                    """),
                Parse($"""
                    <!DOCTYPE rss SYSTEM "{uri}">
                    <rss version="2.0"><channel><title>t</title></channel></rss>
                    """),
            };

            foreach (var result in results)
            {
                Assert.DoesNotContain(secret, Describe(result), StringComparison.Ordinal);
                Assert.True(result.Succeeded || result.Failure != ParseFailureKind.None);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Parse_ExternalEntityAndDtdOverHttp_MakesNoRequest()
    {
        using var server = new CountingLoopbackServer();
        // The listener must be able to count, or a zero below would prove nothing.
        using (var probe = new TcpClient())
            await probe.ConnectAsync(IPAddress.Loopback, server.Port);
        await server.WaitForAsync(1);
        var before = server.Connections;

        var url = $"http://127.0.0.1:{server.Port}/evil";
        Parse($"""
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "{url}/entity">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """);
        Parse($"""
            <!DOCTYPE rss [<!ENTITY % remote SYSTEM "{url}/param.dtd"> %remote;]>
            <rss version="2.0"><channel><title>t</title></channel></rss>
            """);
        Parse($"""
            <!DOCTYPE rss PUBLIC "-//Evil//DTD RSS//EN" "{url}/subset.dtd">
            <rss version="2.0"><channel><title>t</title></channel></rss>
            """);
        await Task.Delay(200);

        Assert.Equal(1, before);
        Assert.Equal(before, server.Connections);
    }

    [Fact]
    public void Parse_BodyAboveLimit_RejectsTooLarge()
    {
        var parser = new FeedParser(new ParsingOptions { MaxDocumentBytes = 1024 });

        var result = parser.Parse(new byte[2048], null);

        Assert.Equal(ParseFailureKind.TooLarge, result.Failure);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3C })]
    [InlineData(new byte[] { 0x3C, 0x3F, 0x78, 0x6D, 0x6C, 0xFF })]
    [InlineData(new byte[] { 0x7B, 0x22 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x3C, 0x72, 0x73, 0x73, 0x3E, 0xC0 })]
    public void Parse_Garbage_RejectsWithoutThrowing(byte[] body)
    {
        var result = _parser.Parse(body, "text/xml; charset=no-such-charset");

        Assert.False(result.Succeeded);
        Assert.NotEqual(ParseFailureKind.None, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    private FeedParseResult Parse(string xml) => _parser.Parse(Encoding.UTF8.GetBytes(xml), "application/rss+xml");

    private static string Describe(FeedParseResult result)
    {
        var text = new StringBuilder(result.Error);
        if (result.Feed is { } feed)
        {
            text.Append(feed.Title).Append(feed.Link);
            foreach (var item in feed.Items)
                text.Append(item.Title).Append(item.SummaryHtml).Append(item.ContentHtml).Append(item.Link);
        }

        return text.ToString();
    }

    /// <summary>A TCP listener on 127.0.0.1 that only counts the connections it receives.</summary>
    private sealed class CountingLoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _connections;

        public CountingLoopbackServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 100 && Connections < count; i++)
                await Task.Delay(10);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
