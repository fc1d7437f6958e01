using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Hosting;
using NewsAggregator.Tests.Cli;
using NewsAggregator.Tests.Web;

namespace NewsAggregator.Tests.Hosting;

/// <summary>The Editor section, key hashing, the hash-key verb and the demo's one-time editor.</summary>
public sealed partial class EditorSettingsTests
{
    private static readonly string GoodHash = EditorKeyHash.Create("a-good-long-key", EditorKeyHash.MinIterations).ToString();

    private static AppSettings Load(Dictionary<string, string?> values) =>
        AppSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

    [Fact]
    public void Load_ShippedAppSettings_EditorDefaults()
    {
        var file = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "config", "appsettings.json")).Build();
        Assert.Equivalent(new EditorOptions(), AppSettings.Load(file, [file]).Editor);
        Assert.True(new EditorOptions().AnonymousRead);
    }

    [Fact]
    public void Load_Account_Binds()
    {
        var settings = Load(new() { ["Editor:Accounts:0:Name"] = "alice", ["Editor:Accounts:0:KeyHash"] = GoodHash, ["Editor:AnonymousRead"] = "false" });

        var account = Assert.Single(settings.Editor.Accounts);
        Assert.Equal(("alice", GoodHash), (account.Name, account.KeyHash));
        Assert.False(settings.Editor.AnonymousRead);
    }

    [Theory]
    [InlineData("the-plain-key")]
    [InlineData("pbkdf2-sha256$1000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha1$600000$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("pbkdf2-sha256$600000$not base64$aGFzaGhhc2hoYXNoaGFzaA==")]
    [InlineData("")]
    public void Load_MalformedKeyHash_NamesTheKeyWithoutEchoingIt(string hash)
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Editor:Accounts:0:Name"] = "alice", ["Editor:Accounts:0:KeyHash"] = hash }));

        Assert.Contains("Editor:Accounts:0:KeyHash must be pbkdf2-sha256$ITERATIONS$SALT$HASH", e.Message);
        Assert.Contains("newsagg editor hash-key", e.Message);
        if (hash.Length > 0)
            Assert.DoesNotContain(hash, e.Message);
    }

    [Fact]
    public void Load_MisspeltAccountKeyAndDuplicateName_Reported()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new()
        {
            ["Editor:Accounts:0:Name"] = "alice", ["Editor:Accounts:0:KeyHash"] = GoodHash, ["Editor:Accounts:0:Key"] = "plain",
            ["Editor:Accounts:1:Name"] = "Alice", ["Editor:Accounts:1:KeyHash"] = GoodHash, ["Editor:AnonymousReads"] = "true",
        }));

        Assert.Contains("Editor:Accounts:0:Key is not a known key; allowed: Name, KeyHash", e.Message);
        Assert.Contains("Editor:Accounts:1:Name \"Alice\" is listed twice", e.Message);
        Assert.Contains("Editor:AnonymousReads is not a known key", e.Message);
    }

    [Fact]
    public void KeyHash_RoundTrip_MatchesOnlyTheKey()
    {
        var hash = EditorKeyHash.Create("correct horse battery", EditorKeyHash.MinIterations);
        Assert.True(EditorKeyHash.TryParse(hash.ToString(), out var parsed));

        Assert.True(parsed.Matches("correct horse battery"));
        Assert.False(parsed.Matches("correct horse batterY"));
        Assert.False(parsed.Matches(""));
        Assert.Matches(@"^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$", hash.ToString());
        // Salted: the same key hashes differently each time.
        Assert.NotEqual(hash.ToString(), EditorKeyHash.Create("correct horse battery", EditorKeyHash.MinIterations).ToString());
    }

    [Fact]
    public async Task HashKeyVerb_KeyOnStdin_PrintsAHashThatMatches()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepoPaths.Executable, "editor", "hash-key" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("stdin key with spaces");
        process.StandardInput.Close();
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.True(EditorKeyHash.TryParse(output, out var hash), output);
        Assert.Equal(EditorKeyHash.DefaultIterations, hash.Iterations);
        Assert.True(hash.Matches("stdin key with spaces"));
    }

    [Fact]
    public async Task HashKeyVerb_ShortKey_RefusedExit2()
    {
        var result = await NewsaggProcess.RunAsync("editor", "hash-key", "--key", "short");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("at least 12 characters", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Demo_PrintsOneTimeEditorKey_ThatSignsIn()
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-demo-editor-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { RepoPaths.Executable, "demo", "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(folder, "demo.db") })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        try
        {
            string? key = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (key is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (DemoKeyLine().Match(line) is { Success: true } m)
                    key = m.Groups[1].Value;
            }
            Assert.NotNull(key);

            var host = new Uri($"http://127.0.0.1:{port}");
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host };
            Assert.Equal(HttpStatusCode.Unauthorized, (await EditorHost.SignInAsync(client, "demo", key + "x")).StatusCode);
            Assert.Equal(HttpStatusCode.SeeOther, (await EditorHost.SignInAsync(client, "demo", key)).StatusCode);
            // Only the hash was kept: the key is in no file the demo wrote.
            foreach (var file in Directory.EnumerateFiles(folder))
                Assert.DoesNotContain(key, await ReadSharedAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Editor sign-in: name demo, key (\S+)$")]
    private static partial Regex DemoKeyLine();
}
