using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Evaluation.Synthetic;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;
using NewsAggregator.Hosting;

namespace NewsAggregator.Cli;

/// <summary>The operator verbs. Each builds the same services as the service, runs one thing and exits.</summary>
public static class Commands
{
    internal static readonly JsonSerializerOptions JsonOut = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public static Task<int> MigrateAsync(string[] args, CancellationToken ct) => WithServicesAsync(args, async services =>
    {
        var migrator = services.GetRequiredService<Migrator>();
        var database = services.GetRequiredService<Database>();
        // A schema this build does not know is left alone: migrating "around" it would mix two versions' tables.
        if ((await migrator.StatusAsync(ct)).Incompatibility is { } reason)
        {
            await Console.Error.WriteLineAsync($"{database.Dialect.Describe()}: {reason}; nothing was changed.");
            return 2;
        }
        var applied = await migrator.MigrateAsync(TimeProvider.System, ct);
        Console.WriteLine(applied.Count == 0
            ? $"{database.Dialect.Describe()}: up to date ({migrator.Shipped.Count} migrations)"
            : $"{database.Dialect.Describe()}: applied {string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}"))}");
        return 0;
    });

    private static readonly string[] FeedStates = ["active", "failing", "dead", "disabled"];

    public static Task<int> ListFeedsAsync(string[] args, bool json, string? status, bool problems, CancellationToken ct) => WithSchemaAsync(args, async services =>
    {
        if (status is not null && !FeedStates.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"--status must be one of {string.Join(", ", FeedStates)} (got \"{status}\")");
            return 2;
        }
        var store = services.GetRequiredService<FeedStore>();
        var scheduling = services.GetRequiredService<SchedulingOptions>();
        IReadOnlyList<FeedRow> feeds = problems
            ? await store.ProblemsAsync(DateTimeOffset.UtcNow, TimeSpan.FromHours(scheduling.ProblemReportHours), ct)
            : await store.ListAsync(includeDisabled: true, ct);
        if (status is not null)
            feeds = feeds.Where(f => string.Equals(f.Enabled ? f.Status : "disabled", status, StringComparison.OrdinalIgnoreCase)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(feeds, JsonOut));
            return 0;
        }
        if (feeds.Count == 0)
        {
            Console.WriteLine(problems || status is not null
                ? "No feed matches."
                : "No feeds yet: the service adds those of config/feeds.json when it starts; `feeds import` adds OPML.");
            return 0;
        }
        // SINCE: dead since the first 404/410 of the streak; failing since the last successful poll.
        Console.WriteLine($"{"FEED",-28} {"STATUS",-8} {"SINCE (UTC)",-16} {"FAILS",5} {"POLLS",6} {"NEW",6} {"NEXT POLL (UTC)",-19}  LAST ERROR");
        foreach (var f in feeds)
        {
            var state = f.Enabled ? f.Status : "disabled";
            var since = Time.FromMs(f.ProblemSinceMs)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
            var next = Time.FromMs(f.NextPollMs)?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "-";
            Console.WriteLine($"{f.Key,-28} {state,-8} {since,-16} {f.ConsecutiveFailures,5} {f.Polls,6} {f.ArticlesNew,6} {next,-19}  {f.LastError}");
        }
        if (problems)
            Console.WriteLine($"{feeds.Count} feed(s) need a look; none is ever removed automatically: fix or remove them in the feed list.");
        return 0;
    });

    public static Task<int> ImportAsync(string[] args, string file, CancellationToken ct) => WithSchemaAsync(args, async services =>
    {
        IReadOnlyList<OpmlFeed> outlines;
        await using (var stream = File.OpenRead(file))
            outlines = Opml.Read(stream);
        var outlets = services.GetRequiredService<OutletDirectory>();
        var feeds = services.GetRequiredService<FeedStore>();
        await feeds.SyncOutletsAsync(outlets, ct);
        var definitions = outlines.Select(o => new FeedDefinition(KeyFor(o.XmlUrl), OutletFor(outlets, o), o.XmlUrl, o.Title)).ToList();
        var added = await feeds.ImportAsync(definitions, DateTimeOffset.UtcNow, ct);
        Console.WriteLine($"{file}: {outlines.Count} feeds read, {added} added, {outlines.Count - added} already present");
        return 0;
    });

    public static Task<int> ExportAsync(string[] args, string? output, CancellationToken ct) => WithSchemaAsync(args, async services =>
    {
        var feeds = await services.GetRequiredService<FeedStore>().ListAsync(ct: ct);
        var opml = Opml.Write("NewsAggregator feeds", feeds.Select(f => (f.Title ?? f.Key, f.Url, f.SiteLink, f.OutletId)), DateTimeOffset.UtcNow);
        if (output is null)
            Console.WriteLine(opml);
        else
            await File.WriteAllTextAsync(output, opml, ct);
        return 0;
    });

    /// <summary>The same fetch, parse and normalize code as a poll, storing nothing. Exit 1 with the typed reason on failure.</summary>
    public static Task<int> CheckAsync(string[] args, string source, string? outletId, bool json, CancellationToken ct) => WithServicesAsync(args, async services =>
    {
        var poller = services.GetRequiredService<FeedPoller>();
        var outlets = services.GetRequiredService<OutletDirectory>();
        FeedReading reading;
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            reading = await poller.CheckAsync(url, outletId ?? OutletFor(outlets, new OpmlFeed(null, url, null)), ct);
        }
        else if (File.Exists(source))
        {
            var bytes = await File.ReadAllBytesAsync(source, ct);
            var id = outletId ?? "unknown";
            reading = poller.Read(bytes, null, new FeedContext(0, id, outlets.Find(id)?.Name ?? id, new Uri(Path.GetFullPath(source))));
        }
        else
        {
            await Console.Error.WriteLineAsync($"{source}: neither an http(s) URL nor an existing file");
            return 2;
        }

        var failure = reading.Fetch is { IsFailure: true } fetch ? $"Fetch {fetch.Failure}: {fetch.Error}"
            : reading.Fetch is { Outcome: not Core.Fetching.FetchOutcome.Fetched } notFetched ? $"Fetch {notFetched.Outcome}: no body"
            : reading.Parse is { Succeeded: false } parse ? $"Parse {parse.Failure}: {parse.Error}"
            : null;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                source,
                ok = failure is null,
                failure,
                status = reading.Fetch?.StatusCode,
                format = reading.Parse?.Feed?.Format.ToString(),
                title = reading.Parse?.Feed?.Title,
                encoding = reading.Parse?.Feed?.Encoding,
                repaired = reading.Parse?.Feed?.Repaired,
                warnings = reading.Parse?.Feed?.Warnings,
                skippedItems = reading.SkippedItems,
                items = reading.Articles,
            }, JsonOut));
        }
        else if (failure is null)
        {
            var feed = reading.Parse!.Feed!;
            Console.WriteLine($"{source}: {feed.Format}, \"{feed.Title}\", {reading.Articles.Count} items" +
                (feed.Repaired ? " (repaired)" : "") + (reading.SkippedItems > 0 ? $", {reading.SkippedItems} without a usable URL skipped" : ""));
            foreach (var warning in feed.Warnings)
                Console.WriteLine($"  warning: {warning}");
            foreach (var a in reading.Articles)
            {
                Console.WriteLine($"- {a.PublishedUtc:yyyy-MM-dd HH:mm}{(a.PublishedIsFirstSeen ? "*" : " ")} {a.Title}");
                Console.WriteLine($"  {a.CanonicalUrl}  ({a.Body.Length} chars{(a.Hints.Count > 0 ? "; hints: " + string.Join("; ", a.Hints.Select(h => $"{h.Kind} {h.Value}")) : "")})");
            }
        }
        if (failure is not null && !json)
            await Console.Error.WriteLineAsync($"{source}: {failure}");
        return failure is null ? 0 : 1;
    });

    /// <summary>Writes the synthetic corpus and prints one line: articles, stories, seconds, file size.</summary>
    public static async Task<int> GenerateAsync(string[] args, GenerateRequest request, CancellationToken ct)
    {
        try
        {
            if (!DateTimeOffset.TryParse(request.Start, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
                throw new ConfigurationException($"--start: \"{request.Start}\" is not an ISO 8601 date or time (e.g. 2026-01-02 or 2026-01-02T06:00:00Z)");
            var builder = ServiceHost.CreateBuilder(args, demo: null, samples: null);
            var settings = ServiceHost.LoadSettings(builder.Configuration);
            var outlets = OutletDirectory.Load(AppSettings.ResolvePath(settings.Feeds.OutletsFile));
            var options = new SyntheticOptions
            {
                Articles = request.Articles,
                Seed = request.Seed,
                PerDay = request.PerDay,
                Start = start,
                Outlets = outlets.Outlets,
            };
            options.Validate();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            SyntheticSummary summary;
            await using (var file = new FileStream(request.Out, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
                summary = await SyntheticCorpus.WriteAsync(options, file, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{request.Out}: {summary.Articles:N0} articles in {summary.Stories:N0} stories, {watch.Elapsed.TotalSeconds:F1} s, {summary.Bytes / 1048576.0:N1} MiB"));
            return 0;
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"{request.Out}: {e.Message}");
            return 2;
        }
    }

    private static string KeyFor(Uri url) =>
        (url.Host + url.AbsolutePath).Replace("www.", "", StringComparison.Ordinal).Trim('/').Replace('/', '-').Replace('.', '-').ToLowerInvariant();

    /// <summary>The directory outlet whose domain the feed lives on, or the feed's host when none matches.</summary>
    private static string OutletFor(OutletDirectory outlets, OpmlFeed feed)
    {
        foreach (var host in new[] { feed.HtmlUrl?.Host, feed.XmlUrl.Host }.OfType<string>())
        {
            var match = outlets.Outlets.FirstOrDefault(o => o.Domains.Any(d => host == d || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)));
            if (match is not null)
                return match.Id;
        }
        return feed.XmlUrl.Host.Replace("www.", "", StringComparison.Ordinal);
    }

    internal static Task<int> WithSchemaAsync(string[] args, Func<IServiceProvider, Task<int>> run) => WithServicesAsync(args, async services =>
    {
        var status = await services.GetRequiredService<Migrator>().StatusAsync();
        if (!status.UpToDate)
        {
            await Console.Error.WriteLineAsync(status.Incompatibility ?? $"The database needs {status.Pending.Count} migration(s): run `newsagg migrate` first.");
            return 2;
        }
        return await run(services);
    });

    internal static async Task<int> WithServicesAsync(string[] args, Func<IServiceProvider, Task<int>> run)
    {
        try
        {
            var builder = ServiceHost.CreateBuilder(args, demo: null, samples: null);
            var settings = ServiceHost.LoadSettings(builder.Configuration);
            var outlets = OutletDirectory.Load(AppSettings.ResolvePath(settings.Feeds.OutletsFile));
            var services = new ServiceCollection();
            services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            services.AddNewsAggregator(settings, outlets);
            await using var provider = services.BuildServiceProvider();
            return await run(provider);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
