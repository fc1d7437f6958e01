namespace NewsAggregator.Core.Configuration;

/// <summary>Section "Storage": where articles live and how hard each commit is made durable.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public static readonly string[] Providers = ["sqlite"];
    public static readonly string[] SynchronousModes = ["FULL", "NORMAL"];

    /// <summary>"sqlite" (embedded default). PostgreSQL arrives with the scale-out issue.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>SQLite database file. Empty: newsagg.db in the user's local data folder.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// FULL: a commit that returned survives power loss (fsync of the WAL on every commit; batching keeps it cheap).
    /// NORMAL: survives a killed process but the last commits may be lost on power loss.
    /// </summary>
    public string Synchronous { get; set; } = "FULL";

    /// <summary>How long a connection waits for another writer (another process, a backup) before failing.</summary>
    public int BusyTimeoutMs { get; set; } = 5000;

    /// <summary>Apply pending migrations at start. Off: the service refuses to start until `newsagg migrate` ran.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Articles committed in one write transaction at most; polls that finish together share one commit.</summary>
    public int WriteBatchMaxArticles { get; set; } = 2000;

    public string ResolvedPath() => string.IsNullOrWhiteSpace(Path) ? DefaultPath("newsagg.db") : System.IO.Path.GetFullPath(Path);

    /// <summary>The user's local data folder for NewsAggregator (~/.local/share/NewsAggregator on Linux, %LOCALAPPDATA% on Windows).</summary>
    public static string DefaultFolder =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "NewsAggregator");

    /// <summary>A file in <see cref="DefaultFolder"/>.</summary>
    public static string DefaultPath(string fileName) => System.IO.Path.Combine(DefaultFolder, fileName);

    public IEnumerable<string> Validate()
    {
        if (!Providers.Contains(Provider, StringComparer.OrdinalIgnoreCase))
            yield return $"Storage:Provider must be one of {string.Join(", ", Providers)} (got \"{Provider}\")";
        if (!SynchronousModes.Contains(Synchronous, StringComparer.OrdinalIgnoreCase))
            yield return $"Storage:Synchronous must be one of {string.Join(", ", SynchronousModes)} (got \"{Synchronous}\")";
        if (BusyTimeoutMs is < 0 or > 600_000)
            yield return $"Storage:BusyTimeoutMs must be between 0 and 600000 (got {BusyTimeoutMs})";
        if (WriteBatchMaxArticles is < 1 or > 100_000)
            yield return $"Storage:WriteBatchMaxArticles must be between 1 and 100000 (got {WriteBatchMaxArticles})";
    }
}
