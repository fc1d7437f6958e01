using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.Durability;

/// <summary>
/// The real service (`dotnet newsagg.dll`, no verb) as a child process. Its standard output is read as it comes:
/// "Application started" marks start-up, and every "Stored article {Url} from {FeedKey}" line is an acknowledgment
/// that the article's transaction committed.
/// </summary>
public sealed partial class WorkerProcess : IDisposable
{
    private const int TailLines = 40;

    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _nextSave = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastAnnouncedSave = -1;
    private readonly ConcurrentQueue<string> _acknowledged = new();
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly StringBuilder _errors = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _stdout = Task.Run(() => ReadOutputAsync(process.StandardOutput));
        _stderr = Task.Run(() => ReadErrorsAsync(process.StandardError));
    }

    /// <summary>Acknowledged canonical URLs, in the order printed.</summary>
    public IReadOnlyCollection<string> Acknowledged => _acknowledged;

    /// <summary>
    /// Completes when the clustering consumer next announces a save ("Saving N clustered article versions up to queue
    /// position S", logged at debug level just before the transaction starts).
    /// </summary>
    public Task NextClusteringSave => Volatile.Read(ref _nextSave).Task;

    /// <summary>The queue position the last announced clustering save went up to, or null before any.</summary>
    public long? LastAnnouncedSave => Interlocked.Read(ref _lastAnnouncedSave) is >= 0 and var seq ? seq : null;

    /// <summary>Standard error so far; a configuration problem is printed here before exit code 2.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
                return _errors.ToString();
        }
    }

    /// <summary>The last lines of standard output other than acknowledgments, for failure messages.</summary>
    public string Tail => string.Join(Environment.NewLine, _tail);

    public static WorkerProcess Start(string workerDll, IEnumerable<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = Path.GetDirectoryName(workerDll)!,
        };
        info.ArgumentList.Add(workerDll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName} {workerDll}");
        return new WorkerProcess(process);
    }

    /// <summary>Waits for "Application started"; fails with the worker's standard error when it exits first.</summary>
    public async Task WaitUntilStartedAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_started.Task, exited, Task.Delay(timeout));
        if (first == _started.Task)
            return;
        if (first == exited)
        {
            await Task.WhenAll(_stdout, _stderr);
            Assert.Fail($"The worker exited with code {_process.ExitCode} before it started.{Environment.NewLine}" +
                $"stderr:{Environment.NewLine}{Errors}{Environment.NewLine}stdout (tail):{Environment.NewLine}{Tail}");
        }
        Assert.Fail($"The worker did not print \"Application started\" within {timeout.TotalSeconds} s.{Environment.NewLine}" +
            $"stderr:{Environment.NewLine}{Errors}{Environment.NewLine}stdout (tail):{Environment.NewLine}{Tail}");
    }

    /// <summary>
    /// SIGKILL on Linux (TerminateProcess on Windows): no shutdown code runs. Fails when the worker had already exited
    /// on its own. Returns after standard output reached its end, so every acknowledgment printed is collected.
    /// </summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            await Task.WhenAll(_stdout, _stderr);
            Assert.Fail($"The worker exited by itself with code {_process.ExitCode} before it was killed.{Environment.NewLine}" +
                $"stderr:{Environment.NewLine}{Errors}{Environment.NewLine}stdout (tail):{Environment.NewLine}{Tail}");
        }
        // Kill() is kill(pid, SIGKILL) at once. Kill(entireProcessTree: true) first walks /proc to find children,
        // which takes ~10 ms: as long as a whole poll, so the kill would always land after the ingest it aims at.
        // `dotnet newsagg.dll` starts no child processes; Dispose still kills the tree in case that ever changes.
        _process.Kill();
        await _process.WaitForExitAsync();
        await Task.WhenAll(_stdout, _stderr);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
        _process.Dispose();
    }

    private async Task ReadOutputAsync(StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line)
        {
            // A line cut short by the kill has no " from {FeedKey}" after its URL, so it never counts.
            var ack = AcknowledgmentLine().Match(line);
            if (ack.Success)
            {
                _acknowledged.Enqueue(ack.Groups["url"].Value);
                continue;
            }
            var save = SaveLine().Match(line);
            if (save.Success)
            {
                Interlocked.Exchange(ref _lastAnnouncedSave, long.Parse(save.Groups["seq"].Value, System.Globalization.CultureInfo.InvariantCulture));
                Interlocked.Exchange(ref _nextSave, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                continue;
            }
            if (line.Contains("Application started", StringComparison.Ordinal))
                _started.TrySetResult();
            // The tail is for diagnosis: acknowledgments and their "dbug:" headers would push everything else out.
            if (line.StartsWith("dbug: ", StringComparison.Ordinal))
                continue;
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
                _tail.TryDequeue(out _);
        }
    }

    private async Task ReadErrorsAsync(StreamReader errors)
    {
        while (await errors.ReadLineAsync() is { } line)
        {
            lock (_errors)
                _errors.AppendLine(line);
        }
    }

    /// <summary>dotnet itself: the SDK tells test hosts where it is; otherwise the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"Stored article (?<url>\S+) from \S+")]
    private static partial Regex AcknowledgmentLine();

    [GeneratedRegex(@"Saving \d+ clustered article versions up to queue position (?<seq>\d+)")]
    private static partial Regex SaveLine();
}
