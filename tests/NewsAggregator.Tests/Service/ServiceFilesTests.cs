using System.Text.Json;
using NewsAggregator.Tests.Cli;
using Xunit.Abstractions;

namespace NewsAggregator.Tests.Service;

/// <summary>
/// The files operators install the service with: the systemd unit passes `systemd-analyze verify` (no error and no
/// warning, its ExecStart pointed at this build) and the Windows script does what its help promises when its
/// Windows-only commands (New-Service, sc.exe, icacls.exe, the registry) are replaced by recorders. The Windows
/// service itself cannot be created on this Linux machine; the script's calls are what is checked.
/// </summary>
public sealed class ServiceFilesTests(ITestOutputHelper output)
{
    private static readonly string Unit = Path.Combine(RepoPaths.Root, "config", "systemd", "newsaggregator.service");
    private static readonly string Script = Path.Combine(RepoPaths.Root, "config", "windows", "newsaggregator-service.ps1");

    [Fact]
    public async Task SystemdUnit_PassesSystemdAnalyzeVerify_WithoutWarnings()
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-unit-");
        try
        {
            // The shipped unit runs /opt/newsaggregator/newsagg; verify checks that ExecStart exists, so point it at this build.
            var build = Path.GetDirectoryName(RepoPaths.Executable)!;
            Assert.True(File.Exists(Path.Combine(build, "newsagg")), $"The apphost {Path.Combine(build, "newsagg")} is missing");
            var unit = Path.Combine(folder.FullName, "newsaggregator.service");
            await File.WriteAllTextAsync(unit, (await File.ReadAllTextAsync(Unit)).Replace("/opt/newsaggregator", build, StringComparison.Ordinal));

            var verify = await RunAsync(SystemdAnalyze(), "verify", unit);
            output.WriteLine($"systemd-analyze verify: exit {verify.ExitCode}{Environment.NewLine}{verify.Out}{verify.Error}");
            Assert.Equal(0, verify.ExitCode);
            // Unknown or misspelt directives are only warnings to verify (exit 0): any output at all fails the unit.
            Assert.Equal("", (verify.Out + verify.Error).Trim());

            var security = await RunAsync(SystemdAnalyze(), "security", "--offline=true", unit);
            var exposure = security.Out.Split('\n').LastOrDefault(l => l.Contains("Overall exposure level", StringComparison.Ordinal))?.Trim();
            output.WriteLine($"systemd-analyze security: {exposure}");
            Assert.True(exposure is not null, $"systemd-analyze security printed no exposure level:{Environment.NewLine}{security.Out}{security.Error}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void SystemdUnit_NotifiesWatchesAndDoesNotRestartOnConfigurationErrors()
    {
        var directives = File.ReadAllLines(Unit)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith('[') && l.Contains('='))
            .Select(l => (Key: l[..l.IndexOf('=')], Value: l[(l.IndexOf('=') + 1)..]))
            .ToList();
        string Value(string key) => Assert.Single(directives, d => d.Key == key).Value;

        Assert.Equal("notify", Value("Type"));
        Assert.True(int.Parse(Value("WatchdogSec"), System.Globalization.CultureInfo.InvariantCulture) > 0);
        // Exit code 2 is what the host returns for a configuration error (ConfigurationException).
        Assert.Equal("2", Value("RestartPreventExitStatus"));
        Assert.Equal("on-failure", Value("Restart"));
        Assert.NotEqual("root", Value("User"));
        Assert.Equal("strict", Value("ProtectSystem"));
        // The JIT writes and then executes code: this directive would stop the runtime.
        Assert.DoesNotContain(directives, d => d.Key == "MemoryDenyWriteExecute" && d.Value == "true");
        // Every directive is explained by a comment line right above it (or above its group).
        var lines = File.ReadAllLines(Unit);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith('['))
                continue;
            var j = i - 1;
            while (j >= 0 && lines[j].Trim().Length > 0 && !lines[j].TrimStart().StartsWith('#') && !lines[j].TrimStart().StartsWith('['))
                j--;
            Assert.True(j >= 0 && lines[j].TrimStart().StartsWith('#'), $"Line {i + 1} ({line}) has no comment above it");
        }
    }

    [Fact]
    public async Task WindowsScript_Install_CreatesConfiguresRecoveryMigratesAndStarts()
    {
        var run = await RunScriptAsync("Install");

        Assert.True(run.ExitCode == 0, run.Describe());
        var calls = run.Calls;
        var create = Assert.Single(calls, c => c[0] == "New-Service");
        Assert.Contains($"\"{Path.Combine(run.InstallDir, "newsagg.exe")}\"", create);
        Assert.Contains(calls, c => c.SequenceEqual(["sc.exe", "config", "NewsAggregator", "start=", "delayed-auto"]));
        Assert.Contains(calls, c => c.SequenceEqual(["sc.exe", "config", "NewsAggregator", "obj=", @"NT SERVICE\NewsAggregator"]));
        Assert.Contains(calls, c => c.SequenceEqual(["sc.exe", "failure", "NewsAggregator", "reset=", "86400", "actions=", "restart/5000/restart/5000/restart/60000"]));
        Assert.Contains(calls, c => c.SequenceEqual(["sc.exe", "failureflag", "NewsAggregator", "1"]));
        Assert.Contains(calls, c => c[0] == "icacls.exe" && c[1] == run.DataDir && c.Contains(@"NT SERVICE\NewsAggregator:(OI)(CI)M"));
        var environment = Assert.Single(calls, c => c[0] == "New-ItemProperty");
        Assert.Contains($"NEWSAGG_Storage__Path={Path.Combine(run.DataDir, "newsagg.db")}", environment);
        Assert.Contains("NEWSAGG_Urls=http://127.0.0.1:5080", environment);
        // The schema is migrated with the real executable's verb before the service first starts.
        Assert.Equal($"migrate --db {Path.Combine(run.DataDir, "newsagg.db")}", run.MigrateArguments);
        Assert.True(Directory.Exists(run.DataDir));
        // Start comes last, after everything it depends on.
        Assert.Equal("Start-Service", calls[^1][0]);
    }

    [Fact]
    public async Task WindowsScript_Install_WithoutPublishedExecutable_StopsWithTheReason()
    {
        var run = await RunScriptAsync("Install", publish: false);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("publish first", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Calls, c => c[0] is "New-Service" or "sc.exe");
    }

    [Fact]
    public async Task WindowsScript_Uninstall_StopsDeletesAndKeepsTheDatabaseUnlessAsked()
    {
        var keep = await RunScriptAsync("Uninstall", serviceExists: true);
        Assert.True(keep.ExitCode == 0, keep.Describe());
        Assert.Contains(keep.Calls, c => c[0] == "Stop-Service");
        Assert.Contains(keep.Calls, c => c.SequenceEqual(["sc.exe", "delete", "NewsAggregator"]));
        Assert.True(File.Exists(Path.Combine(keep.DataDir, "newsagg.db")), "Uninstall without -RemoveData deleted the database");

        var remove = await RunScriptAsync("Uninstall", publish: true, serviceExists: true, "-RemoveData");
        Assert.True(remove.ExitCode == 0, remove.Describe());
        Assert.False(Directory.Exists(remove.DataDir), "Uninstall -RemoveData kept the data folder");
    }

    private sealed record ScriptRun(int ExitCode, string Out, string Error, IReadOnlyList<string[]> Calls, string InstallDir, string DataDir, string? MigrateArguments)
    {
        public string Describe() => $"exit {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}";
    }

    /// <summary>
    /// Runs the script in pwsh with recorders in place of the Windows-only commands (functions win over cmdlets and
    /// programs in PowerShell's command lookup), and a stand-in newsagg.exe that records its arguments.
    /// </summary>
    private async Task<ScriptRun> RunScriptAsync(string action, bool publish = true, bool serviceExists = false, params string[] extra)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-ps-").FullName;
        var installDir = Path.Combine(folder, "Program Files", "NewsAggregator");
        var dataDir = Path.Combine(folder, "ProgramData", "NewsAggregator");
        Directory.CreateDirectory(installDir);
        var migrateLog = Path.Combine(folder, "migrate.args");
        if (publish)
        {
            var exe = Path.Combine(installDir, "newsagg.exe");
            await File.WriteAllTextAsync(exe, $"#!/bin/sh\necho \"$@\" > '{migrateLog}'\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(exe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (serviceExists)
        {
            Directory.CreateDirectory(dataDir);
            await File.WriteAllTextAsync(Path.Combine(dataDir, "newsagg.db"), "a database");
        }
        var callsFile = Path.Combine(folder, "calls.jsonl");
        var harness = Path.Combine(folder, "harness.ps1");
        await File.WriteAllTextAsync(harness, $$"""
            $ErrorActionPreference = 'Stop'
            $PSStyle.OutputRendering = 'PlainText'
            $global:serviceExists = {{(serviceExists ? "$true" : "$false")}}
            function Record { param([string[]] $Call) ConvertTo-Json -Compress -InputObject @($Call) | Add-Content -LiteralPath '{{callsFile}}' }
            $global:LASTEXITCODE = 0
            function New-Service { param($Name, $BinaryPathName, $DisplayName, $Description, $StartupType) Record @('New-Service', $Name, $BinaryPathName, $StartupType); $global:serviceExists = $true; [pscustomobject]@{ Name = $Name } }
            function Get-Service { param($Name, $ErrorAction) if ($global:serviceExists) { [pscustomobject]@{ Name = $Name; Status = 'Running'; StartType = 'Automatic' } } }
            function Start-Service { param($Name) Record @('Start-Service', $Name) }
            function Stop-Service { param($Name) Record @('Stop-Service', $Name) }
            function sc.exe { Record (@('sc.exe') + $args); $global:LASTEXITCODE = 0 }
            function icacls.exe { Record (@('icacls.exe') + $args); $global:LASTEXITCODE = 0 }
            function New-ItemProperty { param($Path, $Name, $PropertyType, $Value, [switch] $Force) Record (@('New-ItemProperty', $Path, $Name) + $Value) }
            & '{{Script}}' -Action {{action}} -InstallDir '{{installDir}}' -DataDir '{{dataDir}}' {{string.Join(" ", extra)}}
            """);
        var result = await RunAsync(Pwsh(), "-NoProfile", "-NonInteractive", "-File", harness);
        var calls = File.Exists(callsFile)
            ? (await File.ReadAllLinesAsync(callsFile)).Select(l => JsonSerializer.Deserialize<string[]>(l)!).ToList()
            : [];
        output.WriteLine($"{action}: exit {result.ExitCode}; calls:{Environment.NewLine}{string.Join(Environment.NewLine, calls.Select(c => "  " + string.Join(" ", c)))}");
        if (result.Error.Length > 0)
            output.WriteLine($"stderr: {result.Error}");
        var migrate = File.Exists(migrateLog) ? (await File.ReadAllTextAsync(migrateLog)).Trim() : null;
        return new ScriptRun(result.ExitCode, result.Out, result.Error, calls, installDir, dataDir, migrate);
    }

    private static Task<NewsaggProcess.Result> RunAsync(string file, params string[] args) =>
        NewsaggProcess.RunProgramAsync(file, args, new Dictionary<string, string> { ["SYSTEMD_COLORS"] = "0" });

    /// <summary>systemd-analyze, which tests/run.sh installs (package systemd) when it is missing.</summary>
    private static string SystemdAnalyze() =>
        File.Exists("/usr/bin/systemd-analyze") ? "/usr/bin/systemd-analyze"
        : throw new InvalidOperationException("systemd-analyze is not installed: run tests/run.sh, which installs the systemd package");

    /// <summary>pwsh on PATH, or the PowerShell .NET tool tests/run.sh installs in .tools/ (from nuget.org).</summary>
    private static string Pwsh()
    {
        var local = Path.Combine(RepoPaths.Root, ".tools", "pwsh");
        if (File.Exists(local))
            return local;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(dir, "pwsh");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException("pwsh is not installed: run tests/run.sh, which installs the PowerShell tool into .tools/");
    }
}
