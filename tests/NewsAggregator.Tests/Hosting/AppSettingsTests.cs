using Microsoft.Extensions.Configuration;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Hosting;

namespace NewsAggregator.Tests.Hosting;

public sealed class AppSettingsTests
{
    private static AppSettings Load(Dictionary<string, string?> values, Dictionary<string, string?>? file = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var files = file is null ? null : new[] { (IConfiguration)new ConfigurationBuilder().AddInMemoryCollection(file).Build() };
        return AppSettings.Load(configuration, files);
    }

    [Fact]
    public void Load_ShippedAppSettings_IsValidAndMatchesDefaults()
    {
        var file = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "config", "appsettings.json")).Build();

        var settings = AppSettings.Load(file, [file]);

        // Every option is written down with its default: the file and the classes must agree.
        Assert.Equivalent(new FetchOptions(), settings.Fetch);
        Assert.Equivalent(new ParsingOptions(), settings.Parsing);
        Assert.Equivalent(new SchedulingOptions(), settings.Scheduling);
        Assert.Equivalent(new StorageOptions(), settings.Storage);
        Assert.Equivalent(new FeedsOptions(), settings.Feeds);
        Assert.Equivalent(new HealthOptions(), settings.Health);
        Assert.Equivalent(new RetentionOptions(), settings.Retention);
        Assert.False(settings.Retention.Enabled);
    }

    [Fact]
    public void Load_ShippedAppSettings_ListsEveryOptionKey()
    {
        var file = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "config", "appsettings.json")).Build();
        var missing = new List<string>();
        foreach (var (section, type) in new[] { ("Fetch", typeof(FetchOptions)), ("Parsing", typeof(ParsingOptions)), ("Scheduling", typeof(SchedulingOptions)), ("Storage", typeof(StorageOptions)), ("Feeds", typeof(FeedsOptions)), ("Health", typeof(HealthOptions)), ("Retention", typeof(RetentionOptions)) })
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite))
            {
                // An empty JSON array has no children; the key is still written in the file.
                if (!file.GetSection($"{section}:{property.Name}").Exists() && !File.ReadAllText(Path.Combine(RepoPaths.Root, "config", "appsettings.json")).Contains($"\"{property.Name}\"", StringComparison.Ordinal))
                    missing.Add($"{section}:{property.Name}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Load_RetentionShorterThanClusteringWindow_IsRefusedWithBothKeys()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Retention:Days"] = "3", ["Clustering:WindowHours"] = "96" }));

        Assert.Contains("Retention:Days must be at least Clustering:WindowHours in days (4)", e.Message);
        Assert.Contains("(got 3)", e.Message);
        // As long as the window is, it is accepted; 0 is off.
        Assert.Equal(4, Load(new() { ["Retention:Days"] = "4" }).Retention.Days);
        Assert.False(Load(new() { ["Retention:Days"] = "0" }).Retention.Enabled);
    }

    [Fact]
    public void Load_MisspeltKey_NamesItAndTheAllowedKeys()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Fetch:TimeoutSecs"] = "10" }));

        Assert.Contains("Fetch:TimeoutSecs is not a known key", e.Message);
        Assert.Contains("TimeoutSeconds", e.Message);
    }

    [Fact]
    public void Load_ValueOfWrongType_NamesKeyAndExpectedType()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Scheduling:MinIntervalSeconds"] = "five minutes" }));

        Assert.Contains("Scheduling:MinIntervalSeconds must be a whole number (got \"five minutes\")", e.Message);
    }

    [Fact]
    public void Load_ValueOutOfRange_NamesKeyAndRange()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Storage:Synchronous"] = "OFF", ["Fetch:MaxRedirects"] = "50" }));

        Assert.Contains("Storage:Synchronous must be one of FULL, NORMAL (got \"OFF\")", e.Message);
        Assert.Contains("Fetch:MaxRedirects must be between 0 and 20 (got 50)", e.Message);
    }

    [Fact]
    public void Load_HealthOutOfRange_NamesKeyAndRange()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(new() { ["Health:MaxClusteringLagSeconds"] = "0", ["Health:CheckTimeoutSeconds"] = "90" }));

        Assert.Contains("Health:MaxClusteringLagSeconds must be between 1 and 604800 (a week) (got 0)", e.Message);
        Assert.Contains("Health:CheckTimeoutSeconds must be between 1 and 60 (got 90)", e.Message);
    }

    [Fact]
    public void Load_UnknownSectionOnCommandLine_IsReportedOnceNamingTheSource()
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(["--Schedulng:MinIntervalSeconds=60", "--environment=Production"]).Build();

        var e = Assert.Throws<ConfigurationException>(() => AppSettings.Load(configuration));

        Assert.StartsWith("Invalid configuration: Schedulng (command line) is not a known section; allowed: Fetch, ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.NewLine, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvironmentVariables_MisspeltSectionReportedFlatSwitchIgnored()
    {
        // NEWSAGG_FAULT_ACK_BEFORE_COMMIT and the test switches share the prefix but name no section.
        Environment.SetEnvironmentVariable("NEWSAGGUNIT_Fech__TimeoutSeconds", "10");
        Environment.SetEnvironmentVariable("NEWSAGGUNIT_SOME_SWITCH", "1");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("NEWSAGGUNIT_").Build();

            var e = Assert.Throws<ConfigurationException>(() => AppSettings.Load(configuration));

            Assert.Contains("Fech (environment variable", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("SOME_SWITCH", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NEWSAGGUNIT_Fech__TimeoutSeconds", null);
            Environment.SetEnvironmentVariable("NEWSAGGUNIT_SOME_SWITCH", null);
        }
    }

    [Fact]
    public void Load_UnknownSectionInFile_IsReported()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load([], new() { ["Scheduler:MinIntervalSeconds"] = "60" }));

        Assert.Contains("Scheduler is not a known section", e.Message);
    }

    [Fact]
    public void Load_ListOption_Binds()
    {
        var settings = Load(new() { ["Fetch:AllowedPrivateEndpoints:0"] = "127.0.0.1:8080", ["Fetch:AllowedPrivateEndpoints:1"] = "feeds.internal:443" });

        Assert.Equal(["127.0.0.1:8080", "feeds.internal:443"], settings.Fetch.AllowedPrivateEndpoints);
    }
}
