using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Operations;

/// <summary>
/// What a service manager and a log collector see of the real `newsagg demo` process: the sd_notify datagrams
/// (READY=1, WATCHDOG=1, STOPPING=1) on a socket the test binds as systemd would, and JSON console logs.
/// </summary>
public sealed class ServiceManagerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Systemd_NotifySocketAndWatchdog_ReadyThenPingsWithinIntervalThenStoppingOnSigterm()
    {
        if (!OperatingSystem.IsLinux())
            return; // sd_notify is Linux only
        var socketPath = Path.Combine(Path.GetTempPath(), $"newsagg-notify-{Guid.NewGuid():N}.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        var received = new List<(TimeSpan At, string Message)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var listening = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var n = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                    lock (received)
                        received.Add((clock.Elapsed, Encoding.UTF8.GetString(buffer, 0, n)));
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        try
        {
            // WatchdogSec=2: systemd expects a ping at least every 2 s.
            await using var demo = await DemoProcess.StartAsync(environment: new Dictionary<string, string?>
            {
                ["NOTIFY_SOCKET"] = socketPath,
                ["WATCHDOG_USEC"] = "2000000",
            });
            await WaitUntilAsync(() => Messages(received).Count(m => m == "WATCHDOG=1") >= 5, TimeSpan.FromSeconds(30));
            var exitCode = await demo.TerminateAsync(TimeSpan.FromSeconds(30));
            await WaitUntilAsync(() => Messages(received).Contains("STOPPING=1"), TimeSpan.FromSeconds(5));

            List<(TimeSpan At, string Message)> seen;
            lock (received)
                seen = [.. received];
            output.WriteLine(string.Join(Environment.NewLine, seen.Select(r => $"{r.At.TotalSeconds:F2} s {r.Message}")));
            Assert.Equal(0, exitCode);
            Assert.Equal("READY=1", seen[0].Message);
            var stopping = seen.FindIndex(r => r.Message == "STOPPING=1");
            Assert.True(stopping > 0, string.Join(", ", seen.Select(r => r.Message)));
            var running = seen[1..stopping];
            Assert.All(running, r => Assert.Equal("WATCHDOG=1", r.Message));
            Assert.True(running.Count >= 5, string.Join(", ", seen.Select(r => r.Message)));
            // Every half interval (1 s): never later than WatchdogSec, from READY=1 to STOPPING=1.
            var times = seen[..(stopping + 1)].Select(r => r.At).ToList();
            var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
            output.WriteLine($"gaps: {string.Join(", ", gaps.Select(g => g.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} s");
            Assert.All(gaps.SkipLast(1), g => Assert.True(g < 2.0, $"a gap of {g:F2} s exceeds WatchdogSec=2"));
        }
        finally
        {
            await stop.CancelAsync();
            await listening;
            File.Delete(socketPath);
        }
    }

    [Fact]
    public async Task Logs_JsonConsoleOption_EveryLineJsonWithStructuredProperties()
    {
        await using var demo = await DemoProcess.StartAsync(
            ["--Logging:Console:FormatterName=json", "--Logging:LogLevel:NewsAggregator.Core.Polling.FeedPoller=Debug"]);

        await WaitUntilAsync(() => demo.StandardOutput.Any(l => l.Contains("\"Stored article ", StringComparison.Ordinal))
            && demo.StandardOutput.Any(l => l.Contains("\"Clustered {Articles}", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        await demo.TerminateAsync(TimeSpan.FromSeconds(30));

        var lines = demo.StandardOutput.ToList();
        output.WriteLine($"{lines.Count} lines on standard output; first: {lines.FirstOrDefault()}");
        var entries = lines.Select(line =>
        {
            try
            {
                return JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException e)
            {
                throw new Xunit.Sdk.XunitException($"not JSON: {line} ({e.Message})");
            }
        }).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _)));

        var stored = entries.First(e => e.GetProperty("Message").GetString()!.StartsWith("Stored article ", StringComparison.Ordinal));
        var state = stored.GetProperty("State");
        Assert.Equal("Stored article {Url} from {FeedKey}", state.GetProperty("{OriginalFormat}").GetString());
        Assert.StartsWith("https://", state.GetProperty("Url").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(state.GetProperty("FeedKey").GetString()));
        Assert.Equal($"Stored article {state.GetProperty("Url").GetString()} from {state.GetProperty("FeedKey").GetString()}", stored.GetProperty("Message").GetString());

        var polled = entries.First(e => e.GetProperty("State").TryGetProperty("{OriginalFormat}", out var f) && f.GetString()!.StartsWith("Polled {FeedKey}", StringComparison.Ordinal)).GetProperty("State");
        Assert.True(polled.TryGetProperty("Outcome", out _) && polled.TryGetProperty("New", out _) && polled.TryGetProperty("ElapsedMs", out _));
        var clustered = entries.First(e => e.GetProperty("Message").GetString()!.StartsWith("Clustered ", StringComparison.Ordinal)).GetProperty("State");
        Assert.True(clustered.GetProperty("Articles").GetInt32() > 0);

        // The banner for people went to standard error, so standard output stays JSON Lines.
        Assert.Contains(demo.StandardError, l => l.StartsWith("Web page: ", StringComparison.Ordinal));
    }

    private static List<string> Messages(List<(TimeSpan At, string Message)> received)
    {
        lock (received)
            return received.Select(r => r.Message).ToList();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var started = DateTime.UtcNow;
        while (!condition() && DateTime.UtcNow - started < patience)
            await Task.Delay(200);
    }
}
