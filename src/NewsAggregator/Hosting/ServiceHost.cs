using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Fetching;
using NewsAggregator.Core.Normalizing;
using NewsAggregator.Core.Outlets;
using NewsAggregator.Core.Parsing;
using NewsAggregator.Core.Polling;
using NewsAggregator.Core.Storage;
using NewsAggregator.Demo;
using NewsAggregator.Operations;
using NewsAggregator.Polling;
using NewsAggregator.Web;
using Quartz;

namespace NewsAggregator.Hosting;

/// <summary>What `demo` changes: its own database file and the bundled sample feeds served over loopback.</summary>
public sealed record DemoSettings(string DatabasePath)
{
    /// <summary>A one-time key for the demo editor "demo": only its hash enters the configuration; the key is printed once.</summary>
    public string? EditorKey { get; init; }
}

/// <summary>Builds and runs the service: configuration, storage, Quartz polling and the web page in one process.</summary>
public static class ServiceHost
{
    /// <summary>Demo polling is fast so that a newcomer sees polls, 304s and edits within a minute or two.</summary>
    private static readonly Dictionary<string, string?> DemoDefaults = new()
    {
        ["Scheduling:DefaultIntervalSeconds"] = "15",
        ["Scheduling:MinIntervalSeconds"] = "10",
        ["Scheduling:MaxIntervalSeconds"] = "30",
    };

    public const string DemoEditor = "demo";

    public static async Task<int> RunAsync(string[] args, DemoSettings? demo, CancellationToken ct)
    {
        // The demo lets a newcomer correct stories: a fresh random key each run, never written anywhere.
        if (demo is not null && demo.EditorKey is null)
            demo = demo with { EditorKey = Core.Editorial.EditorKeyHash.NewKey() };
        await using var samples = demo is null ? null : await SampleFeedServer.StartAsync(AppSettings.ResolvePath("config/samples"));
        WebApplication app;
        try
        {
            app = await BuildAsync(args, demo, samples, ct);
        }
        catch (ConfigurationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        await using (app)
        {
            try
            {
                await app.StartAsync(ct);
            }
            catch (Exception e) when (StartFailure(app, e) is { } message)
            {
                // Kestrel cannot listen, or the first writes (the feed list into the database) fail: one line, exit 2.
                await Console.Error.WriteLineAsync(message);
                return 2;
            }
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<Database>();
            // With JSON console logs standard output carries only JSON lines; these lines for people go to standard error.
            var banner = OperationsApi.JsonConsole(app.Configuration) ? Console.Error : Console.Out;
            banner.WriteLine($"NewsAggregator {(demo is null ? "service" : "demo")} running. Database: {database.Dialect.Describe()}");
            foreach (var address in addresses)
                banner.WriteLine($"Web page: {address.TrimEnd('/')}/");
            if (demo?.EditorKey is { } key)
                banner.WriteLine($"Editor sign-in: name {DemoEditor}, key {key}");
            if (samples is not null)
                banner.WriteLine($"Sample feeds: {samples.Feeds.Count} served at {samples.BaseUrl}");
            await app.WaitForShutdownAsync(ct);
        }
        return 0;
    }

    /// <param name="webOnly">Only the web app, no polling and no clustering job: `bench-pages` and the page tests read a database as it is.</param>
    public static async Task<WebApplication> BuildAsync(string[] args, DemoSettings? demo, SampleFeedServer? samples, CancellationToken ct, bool webOnly = false)
    {
        var builder = CreateBuilder(args, demo, samples);
        var settings = LoadSettings(builder.Configuration);
        if (!webOnly && builder.Configuration["Urls"] is { } urls)
            CheckAddressesFree(urls);
        var outlets = OutletDirectory.Load(AppSettings.ResolvePath(settings.Feeds.OutletsFile));
        var configured = samples is not null
            ? new ConfiguredFeeds(samples.Definitions, $"bundled samples ({samples.Folder})")
            : new ConfiguredFeeds(FeedList.Load(AppSettings.ResolvePath(settings.Feeds.File), outlets, new AddressPolicy(settings.Fetch)), AppSettings.ResolvePath(settings.Feeds.File));

        builder.Services.AddNewsAggregator(settings, outlets);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton(configured);
        if (!webOnly)
        {
            builder.Services.AddHostedService<FeedScheduler>();
            builder.Services.AddQuartz(q => q.UseDefaultThreadPool(tp => tp.MaxConcurrency = settings.Scheduling.MaxConcurrentPolls));
            builder.Services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(settings.Scheduling.ShutdownGraceSeconds));
        // No-ops unless started by the Windows service manager or systemd.
        builder.Services.AddWindowsService(o => o.ServiceName = "NewsAggregator");
        builder.Services.AddSystemd();
        // Health, readiness, metrics, the systemd watchdog; an explicit console log format beats systemd's default.
        builder.Services.AddOperations(settings.Health, runsJobs: !webOnly);
        builder.Services.KeepConfiguredConsoleFormatter(builder.Configuration);
        // The editor page: signed-in editors (cookie), anti-forgery tokens on every form, the sanitiser.
        builder.Services.AddSingleton<ContentSanitizer>();
        builder.Services.AddEditorSignIn();
        // The JSON API's description at /openapi/v1.json, generated from the endpoints.
        builder.Services.AddOpenApi();

        var app = builder.Build();
        // Listening before anything records, so that /metrics counts from the first poll.
        app.Services.GetRequiredService<MeterExporter>();
        await EnsureSchemaAsync(app.Services, settings.Storage, write: !webOnly, ct);
        // CSP, nosniff and friends on every response, errors and redirects included.
        app.UseSecurityHeaders();
        app.UseAuthentication();
        // Editor:AnonymousRead false: everything but sign-in and health needs an editor from here on.
        app.UseReadAccess(settings.Editor);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOperations();
        app.MapStatusPage();
        app.MapEditorSignIn();
        app.MapCorrections();
        app.MapEditorPages();
        app.MapOpenApi();
        return app;
    }

    public static WebApplicationBuilder CreateBuilder(string[] args, DemoSettings? demo, SampleFeedServer? samples)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(ServiceHost).Assembly.GetName().Name,
        });
        // Our configuration sources, in order of precedence (last wins): the files in config/, environment
        // variables prefixed NEWSAGG_ (NEWSAGG_Storage__Path), demo defaults, then the command line.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(AppSettings.ResolvePath("config/appsettings.json"), optional: false, reloadOnChange: false);
        builder.Configuration.AddJsonFile(AppSettings.ResolvePath($"config/appsettings.{builder.Environment.EnvironmentName}.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables("NEWSAGG_");
        if (demo is not null && samples is not null)
        {
            var overrides = new Dictionary<string, string?>(DemoDefaults) { ["Storage:Path"] = demo.DatabasePath };
            var allowed = builder.Configuration.GetSection("Fetch:AllowedPrivateEndpoints").GetChildren().Count();
            overrides[$"Fetch:AllowedPrivateEndpoints:{allowed}"] = samples.Endpoint;
            if (demo.EditorKey is { } key)
            {
                var accounts = builder.Configuration.GetSection("Editor:Accounts").GetChildren().Count();
                overrides[$"Editor:Accounts:{accounts}:Name"] = DemoEditor;
                overrides[$"Editor:Accounts:{accounts}:KeyHash"] = Core.Editorial.EditorKeyHash.Create(key).ToString();
            }
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        builder.Configuration.AddCommandLine(args);
        return builder;
    }

    public static AppSettings LoadSettings(IConfiguration configuration)
    {
        var files = ((IConfigurationBuilder)configuration).Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>()
            .Where(s => s.Path is not null && File.Exists(s.Path))
            .Select(s => new ConfigurationBuilder().AddJsonFile(s.Path!).Build());
        return AppSettings.Load(configuration, files);
    }

    public static IServiceCollection AddNewsAggregator(this IServiceCollection services, AppSettings settings, OutletDirectory outlets)
    {
        services.AddSingleton(settings);
        services.AddSingleton(settings.Fetch);
        services.AddSingleton(settings.Parsing);
        services.AddSingleton(settings.Scheduling);
        services.AddSingleton(settings.Storage);
        services.AddSingleton(settings.Clustering);
        services.AddSingleton(settings.Provenance);
        services.AddSingleton(settings.Editor);
        services.AddSingleton(settings.Retention);
        services.AddSingleton(outlets);
        services.AddSingleton<OutletNames>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDatabaseDialect>(new SqliteDialect(settings.Storage));
        services.AddSingleton<Database>();
        services.AddSingleton<Migrator>();
        services.AddSingleton<FeedStore>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IngestWriter>();
        services.AddSingleton<ClusterStore>();
        services.AddSingleton<NewsAggregator.Core.Editorial.CorrectionStore>();
        services.AddSingleton(sp => new NewsAggregator.Clustering.CorrectionService(sp.GetRequiredService<NewsAggregator.Core.Editorial.CorrectionStore>(),
            sp.GetRequiredService<ISchedulerFactory>(), sp.GetRequiredService<TimeProvider>()) { Wait = TimeSpan.FromSeconds(settings.Editor.CorrectionWaitSeconds) });
        services.AddSingleton<NewsAggregator.Core.Provenance.ProvenanceStore>();
        services.AddSingleton<NewsAggregator.Core.Editorial.EditorQueries>();
        services.AddSingleton<ClusterConsumer>();
        services.AddSingleton<NewsAggregator.Core.Housekeeping.ArticleRetention>();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<FeedParser>();
        services.AddSingleton(sp => new ArticleNormalizer(sp.GetRequiredService<OutletDirectory>()));
        services.AddSingleton(_ => new PollPolicy(settings.Scheduling));
        services.AddSingleton<FeedPoller>();
        return services;
    }

    /// <summary>
    /// The schema must be the one this build ships: migrated here when allowed, otherwise a clear refusal. A database
    /// that cannot be opened or written stops the start with what is wrong, not with an exception.
    /// </summary>
    private static async Task EnsureSchemaAsync(IServiceProvider services, StorageOptions storage, bool write, CancellationToken ct)
    {
        var dialect = services.GetRequiredService<Database>().Dialect;
        try
        {
            await MigrateAsync(services, storage, ct);
            if (write)
                await dialect.CheckWritableAsync(ct);
        }
        catch (Exception e) when (e is not ConfigurationException and not OperationCanceledException && dialect.Explain(e) is { } why)
        {
            throw new ConfigurationException($"Database {dialect.Describe()} (Storage:Path): {why}");
        }
    }

    /// <summary>
    /// An explicit port another process already listens on: said in one line before anything starts. Kestrel would
    /// find out only after the feeds were synced, and the host logs that failure with a stack trace. (A port taken in
    /// the moment between this check and Kestrel's bind still ends in <see cref="StartFailure"/>.)
    /// </summary>
    private static void CheckAddressesFree(string urls)
    {
        foreach (var address in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsable = address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var url) || url.Port == 0)
                continue;
            var ip = url.IsLoopback && !IPAddress.TryParse(url.DnsSafeHost, out _) ? IPAddress.Loopback
                : IPAddress.TryParse(url.DnsSafeHost, out var literal) ? literal : null;
            if (ip is null)
                continue;
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                probe.Bind(new IPEndPoint(ip, url.Port));
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new ConfigurationException($"Urls: {address} is already in use by another process; stop it or choose another port (--urls http://127.0.0.1:PORT)");
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.AccessDenied)
            {
                throw new ConfigurationException($"Urls: cannot listen on {address}: {e.Message}");
            }
        }
    }

    private static string? StartFailure(WebApplication app, Exception e)
    {
        if (e is IOException && e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            return $"Urls: {e.Message}";
        var dialect = app.Services.GetRequiredService<Database>().Dialect;
        return dialect.Explain(e) is { } why ? $"Database {dialect.Describe()} (Storage:Path): {why}" : null;
    }

    private static async Task MigrateAsync(IServiceProvider services, StorageOptions storage, CancellationToken ct)
    {
        var migrator = services.GetRequiredService<Migrator>();
        var status = await migrator.StatusAsync(ct);
        if (status.Incompatibility is { } reason)
            throw new ConfigurationException($"Database {services.GetRequiredService<Database>().Dialect.Describe()}: {reason}.");
        if (status.Pending.Count == 0)
            return;
        if (!storage.MigrateOnStart)
            throw new ConfigurationException($"Database needs {status.Pending.Count} migration(s) ({string.Join(", ", status.Pending.Select(m => $"{m.Version:D4}_{m.Name}"))}); run `newsagg migrate` or set Storage:MigrateOnStart to true.");
        var applied = await migrator.MigrateAsync(TimeProvider.System, ct);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceHost))
            .LogInformation("Applied {Count} migration(s): {Migrations}", applied.Count, string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}")));
    }
}
