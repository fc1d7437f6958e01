using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace NewsAggregator.Tests.Faults;

/// <summary>
/// The built executable (`dotnet newsagg.dll ...`) as a child process for the fault tests: its output is kept line
/// by line with the time each line arrived, its memory can be read from /proc, and it can be waited for or killed.
/// Only NEWSAGG_ variables the test sets reach it.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Line)> _out = new();
    private readonly StringBuilder _errors = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lineCount;

    private ServiceProcess(Process process)
    {
        _process = process;
        StartedUtc = DateTimeOffset.UtcNow;
        _stdout = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _out.Enqueue((DateTimeOffset.UtcNow, line));
                Interlocked.Increment(ref _lineCount);
            }
        });
        _stderr = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_errors)
                    _errors.AppendLine(line);
            }
        });
    }

    public DateTimeOffset StartedUtc { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Errors
    {
        get
        {
            lock (_errors)
                return _errors.ToString();
        }
    }

    public IReadOnlyList<string> Lines => _out.Select(l => l.Line).ToList();

    public string Output => string.Join(Environment.NewLine, Lines);

    /// <summary>The built newsagg.dll, failing the test with what to do when it is missing.</summary>
    public static string Executable
    {
        get
        {
            var dll = RepoPaths.Executable;
            Assert.True(File.Exists(dll), $"{dll} does not exist; build the solution first.");
            return dll;
        }
    }

    public static ServiceProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var dll = Executable;
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("NEWSAGG_", StringComparison.OrdinalIgnoreCase))
                info.Environment.Remove(name);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }
        return new ServiceProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet"));
    }

    /// <summary>Waits for a line of standard output that matches; fails with the output when the process exits or time runs out.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var seen = 0;
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            var lines = _out.ToArray();
            for (; seen < lines.Length; seen++)
            {
                if (match(lines[seen].Line))
                    return lines[seen].Line;
            }
            if (_process.HasExited)
            {
                await Task.WhenAll(_stdout, _stderr);
                if (_out.Skip(seen).FirstOrDefault(l => match(l.Line)) is { Line: { } late })
                    return late;
                Assert.Fail($"The service exited with code {_process.ExitCode} before {what}.{Environment.NewLine}{Describe()}");
            }
            if (_clock.Elapsed > deadline)
                Assert.Fail($"No {what} within {timeout.TotalSeconds:F0} s.{Environment.NewLine}{Describe()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the condition holds, checking every 200 ms; fails with the output when the process exits or time runs out.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = _clock.Elapsed + timeout;
        while (!condition())
        {
            if (_process.HasExited)
                Assert.Fail($"The service exited with code {_process.ExitCode} before {what}.{Environment.NewLine}{Describe()}");
            if (_clock.Elapsed > deadline)
                Assert.Fail($"No {what} within {timeout.TotalSeconds:F0} s.{Environment.NewLine}{Describe()}");
            await Task.Delay(200);
        }
    }

    public Task WaitUntilStartedAsync(TimeSpan timeout) =>
        WaitForLineAsync(l => l.Contains("Application started", StringComparison.Ordinal), timeout, "\"Application started\"");

    /// <summary>Lines that arrived since <paramref name="since"/> (by the test's clock).</summary>
    public IReadOnlyList<string> LinesSince(DateTimeOffset since) => _out.Where(l => l.At >= since).Select(l => l.Line).ToList();

    /// <summary>Waits for the process to end on its own; null when it is still running after the timeout.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        await Task.WhenAll(_stdout, _stderr);
        return _process.ExitCode;
    }

    /// <summary>VmRSS and VmHWM of the process in bytes, from /proc (Linux); null once it has exited.</summary>
    public (long Rss, long Peak)? Memory()
    {
        try
        {
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    rss = Kilobytes(line) * 1024;
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    peak = Kilobytes(line) * 1024;
            }
            return (rss, peak);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        await Task.WhenAll(_stdout, _stderr);
    }

    public string Describe(int tail = 40) =>
        $"stderr:{Environment.NewLine}{Errors}{Environment.NewLine}stdout (last {tail} lines):{Environment.NewLine}{string.Join(Environment.NewLine, Lines.TakeLast(tail))}";

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

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
