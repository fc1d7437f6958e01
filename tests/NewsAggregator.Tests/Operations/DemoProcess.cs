using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.Operations;

/// <summary>
/// `newsagg demo` as an operator starts it: the built executable as a child process on a temporary database, a
/// free loopback port (printed as "Web page: URL") and the environment the test gives. Every line it prints is kept.
/// </summary>
internal sealed partial class DemoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<Uri> _address = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DemoProcess(Process process, string folder)
    {
        _process = process;
        Folder = folder;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "demo.db");

    public int Id => _process.Id;

    public IReadOnlyCollection<string> StandardOutput => _stdout;

    public IReadOnlyCollection<string> StandardError => _stderr;

    public Uri Address => _address.Task.IsCompletedSuccessfully ? _address.Task.Result : throw new InvalidOperationException("not started");

    public string Output => $"stdout:{Environment.NewLine}{string.Join(Environment.NewLine, _stdout.TakeLast(60))}{Environment.NewLine}stderr:{Environment.NewLine}{string.Join(Environment.NewLine, _stderr.TakeLast(60))}";

    /// <summary>Starts the demo and waits until it printed its page address; fails with its output if it does not.</summary>
    public static async Task<DemoProcess> StartAsync(IEnumerable<string>? args = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-ops-").FullName;
        var info = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepoPaths.Executable);
        foreach (var arg in new[] { "demo", "--db", Path.Combine(folder, "demo.db"), "--urls", "http://127.0.0.1:0" }.Concat(args ?? []))
            info.ArgumentList.Add(arg);
        // Whatever supervises the test run must not receive this child's notifications.
        foreach (var name in new[] { "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID" })
            info.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start newsagg");
        var demo = new DemoProcess(process, folder);
        process.OutputDataReceived += (_, e) => demo.Read(e.Data, demo._stdout);
        process.ErrorDataReceived += (_, e) => demo.Read(e.Data, demo._stderr);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var first = await Task.WhenAny(demo._address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != demo._address.Task)
        {
            var output = demo.Output;
            await demo.DisposeAsync();
            Assert.Fail($"newsagg demo did not print its address within 60 s.{Environment.NewLine}{output}");
        }
        return demo;
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGTERM, as systemd stops a unit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan patience)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(patience);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // exited between the check and the kill
        }
        _process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held open; the temp folder is cleaned by the system
        }
    }

    private void Read(string? line, ConcurrentQueue<string> lines)
    {
        if (line is null)
            return;
        lines.Enqueue(line);
        // The banner goes to stdout, or to stderr when stdout carries JSON logs.
        if (PageLine().Match(line) is { Success: true } page)
            _address.TrySetResult(new Uri(page.Groups[1].Value));
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"^Web page: (http://\S+)$")]
    private static partial Regex PageLine();
}
