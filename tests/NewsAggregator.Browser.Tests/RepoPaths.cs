namespace NewsAggregator.Browser.Tests;

/// <summary>The repository, ../shared beside it and the built executable, found from the test binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The executable of the same configuration as this test assembly (apphost, or the dll through dotnet).</summary>
    public static (string FileName, string[] Prefix) Executable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var folder = Path.Combine(Root, "src", "NewsAggregator", "bin", configuration, "net10.0");
            var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "newsagg.exe" : "newsagg");
            return File.Exists(apphost) ? (apphost, []) : ("dotnet", [Path.Combine(folder, "newsagg.dll")]);
        }
    }

    /// <summary>Screenshots land here (printed by the tests that take them).</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots")).FullName;

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NewsAggregator.sln not found above the test binary");
    }
}
