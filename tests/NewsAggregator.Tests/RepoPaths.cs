namespace NewsAggregator.Tests;

/// <summary>The repository and the built executable, found from the test binary wherever the clone lives.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    /// <summary>newsagg.dll of the same configuration as this test assembly.</summary>
    public static string Executable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(Root, "src", "NewsAggregator", "bin", configuration, "net10.0", "newsagg.dll");
        }
    }

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NewsAggregator.sln not found above the test binary");
    }
}
