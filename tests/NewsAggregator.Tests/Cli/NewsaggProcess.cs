using System.Diagnostics;

namespace NewsAggregator.Tests.Cli;

/// <summary>Runs the built executable as an operator would and captures what it prints.</summary>
internal static class NewsaggProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunProgramAsync("dotnet", [RepoPaths.Executable, .. args]);

    /// <summary>Any program (systemd-analyze, pwsh...), its output captured, killed after a minute.</summary>
    public static async Task<Result> RunProgramAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
