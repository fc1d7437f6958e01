namespace NewsAggregator.Core.Tests;

/// <summary>Locates the repository and ../shared from the test binary, wherever the clone lives.</summary>
internal static class SharedPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string Fixtures => Path.Combine(Shared, "fixtures", "feedparser", "tests");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NewsAggregator.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NewsAggregator.sln not found above the test binary");
    }
}
