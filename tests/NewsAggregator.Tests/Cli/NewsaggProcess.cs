using System.Diagnostics;

namespace NewsAggregator.Tests.Cli;

/// <summary>Runs the built executable as an operator would and captures what it prints.</summary>
internal static class NewsaggProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepoPaths.Executable);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
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
