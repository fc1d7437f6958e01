using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Hosting;

/// <summary>
/// Every options section, bound by name and validated before anything starts. A misspelt key, a value of the wrong
/// type or out of range stops the process with one message per problem naming the key and what is allowed.
/// </summary>
public sealed partial record AppSettings(
    FetchOptions Fetch,
    ParsingOptions Parsing,
    SchedulingOptions Scheduling,
    StorageOptions Storage,
    FeedsOptions Feeds,
    ClusteringOptions Clustering,
    ProvenanceOptions Provenance,
    EditorOptions Editor,
    HealthOptions Health,
    RetentionOptions Retention)
{
    /// <summary>Top-level sections accepted in config/appsettings*.json besides ours.</summary>
    private static readonly string[] HostSections = ["Logging", "AllowedHosts", "Kestrel", "Urls"];

    /// <summary>
    /// ASP.NET Core's host settings (WebHostDefaults), which it reads from the same configuration: accepted from the
    /// command line and the environment too, e.g. --environment Development.
    /// </summary>
    private static readonly string[] HostSettings =
    [
        "Environment", "ContentRoot", "ApplicationName", "WebRoot", "DetailedErrors", "CaptureStartupErrors", "ShutdownTimeoutSeconds",
        "SuppressStatusMessages", "PreferHostingUrls", "PreventHostingStartup", "HostingStartupAssemblies", "HostingStartupExcludeAssemblies",
        "StartupAssembly", "StaticWebAssets", "Https_Port", "Http_Ports", "Https_Ports",
    ];

    public static readonly string[] Sections =
        [FetchOptions.Section, ParsingOptions.Section, SchedulingOptions.Section, StorageOptions.Section, FeedsOptions.Section, ClusteringOptions.Section, ProvenanceOptions.Section, EditorOptions.Section, HealthOptions.Section, RetentionOptions.Section];

    public static AppSettings Load(IConfiguration configuration, IEnumerable<IConfiguration>? files = null)
    {
        var errors = new List<string>();
        var unknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files ?? [])
        {
            foreach (var section in file.GetChildren())
            {
                if (!IsKnownSection(section.Key, inFile: true) && unknown.Add(section.Key))
                    errors.Add($"{section.Key} is not a known section; allowed: {string.Join(", ", Sections.Concat(HostSections))}");
            }
        }
        // The command line and NEWSAGG_ variables too: "--Schedulng:MinIntervalSeconds=60" must not be ignored quietly.
        foreach (var section in configuration.GetChildren())
        {
            if (IsKnownSection(section.Key, inFile: false) || !unknown.Add(section.Key))
                continue;
            var source = SourceOf(configuration, section.Key);
            // A NEWSAGG_ variable without "__" names no section: it is not configuration (the fault-injection and
            // test switches, NEWSAGG_SOAK_MINUTES, …), and only a misspelt section such as NEWSAGG_Fech__X is a mistake.
            if (source.StartsWith("environment", StringComparison.Ordinal) && !section.GetChildren().Any())
                continue;
            errors.Add($"{section.Key} ({source}) is not a known section; allowed: {string.Join(", ", Sections.Concat(HostSections))}");
        }
        if (configuration["Urls"] is { } urls && UrlsProblem(urls) is { } problem)
            errors.Add(problem);
        var settings = new AppSettings(
            Bind<FetchOptions>(configuration, FetchOptions.Section, errors),
            Bind<ParsingOptions>(configuration, ParsingOptions.Section, errors),
            Bind<SchedulingOptions>(configuration, SchedulingOptions.Section, errors),
            Bind<StorageOptions>(configuration, StorageOptions.Section, errors),
            Bind<FeedsOptions>(configuration, FeedsOptions.Section, errors),
            Bind<ClusteringOptions>(configuration, ClusteringOptions.Section, errors),
            Bind<ProvenanceOptions>(configuration, ProvenanceOptions.Section, errors),
            Bind<EditorOptions>(configuration, EditorOptions.Section, errors),
            Bind<HealthOptions>(configuration, HealthOptions.Section, errors),
            Bind<RetentionOptions>(configuration, RetentionOptions.Section, errors));
        // An entry of a list with a misspelt key (Editor:Accounts:0:Nam) is not checked further: its unbound value
        // would be reported again as missing, a second message for the same mistake.
        var misspeltEntries = errors.Select(e => MisspeltEntry().Match(e)).Where(m => m.Success).Select(m => m.Groups[1].Value + ":").ToList();
        foreach (var invalid in new[]
                 {
                     settings.Fetch.Validate(), settings.Parsing.Validate(), settings.Scheduling.Validate(), settings.Storage.Validate(),
                     settings.Feeds.Validate(), settings.Clustering.Validate(), settings.Provenance.Validate(), settings.Editor.Validate(),
                     settings.Health.Validate(), settings.Retention.Validate(settings.Clustering.WindowHours),
                 }.SelectMany(p => p))
        {
            if (!misspeltEntries.Any(entry => invalid.StartsWith(entry, StringComparison.OrdinalIgnoreCase)))
                errors.Add(invalid);
        }
        if (errors.Count == 1)
            throw new ConfigurationException($"Invalid configuration: {errors[0]}");
        if (errors.Count > 0)
            throw new ConfigurationException("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        return settings;
    }

    /// <summary>
    /// Urls (--urls) is read by Kestrel only once it starts, where a bad one ends in an exception: checked here instead.
    /// Each address is http(s)://host:port, several separated by ";"; * and + stand for every interface.
    /// </summary>
    private static string? UrlsProblem(string urls)
    {
        foreach (var address in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parsable = address.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
                || url.AbsolutePath != "/" || url.Query.Length > 0 || url.UserInfo.Length > 0)
            {
                return $"Urls: \"{address}\" is not an address to listen on; expected http(s)://HOST:PORT with a port from 0 to 65535, e.g. http://127.0.0.1:5080 (several separated by \";\")";
            }
        }
        return null;
    }

    private static bool IsKnownSection(string key, bool inFile) =>
        Sections.Concat(HostSections).Contains(key, StringComparer.OrdinalIgnoreCase)
        || (!inFile && HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase));

    /// <summary>Where a top-level key came from, for the message: the command line, an environment variable or a file.</summary>
    private static string SourceOf(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
            return "configuration";
        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.GetChildKeys([], null).Contains(key, StringComparer.OrdinalIgnoreCase))
                continue;
            return provider switch
            {
                Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationProvider => "command line",
                Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationProvider => $"environment variable NEWSAGG_{key}__…",
                FileConfigurationProvider file => file.Source.Path ?? "a file",
                _ => "configuration",
            };
        }
        return "configuration";
    }

    /// <summary>Resolves a configured path: absolute as given, relative to the folder of the executable.</summary>
    public static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));

    private static T Bind<T>(IConfiguration configuration, string sectionName, List<string> errors)
        where T : new()
    {
        var section = configuration.GetSection(sectionName);
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        var names = properties.Select(p => p.Name).ToList();
        foreach (var child in section.GetChildren())
        {
            if (!names.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{sectionName}:{child.Key} is not a known key; allowed: {string.Join(", ", names)}");
        }
        CheckListEntries(section, properties, errors);
        var options = new T();
        foreach (var property in properties)
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists())
                continue;
            try
            {
                var type = property.PropertyType;
                // An empty JSON array binds to nothing: the default (an empty list) stays.
                if ((IsScalar(type) ? Convert(child.Value, type) : child.Get(type)) is { } value)
                    property.SetValue(options, value);
            }
            catch (Exception e) when (e is FormatException or OverflowException or InvalidOperationException or InvalidCastException)
            {
                errors.Add($"{sectionName}:{property.Name} must be {Describe(property.PropertyType)} (got \"{child.Value}\")");
            }
        }
        return options;
    }

    /// <summary>Entries of a list of objects (Editor:Accounts:0:Name) are checked for misspelt keys like sections are.</summary>
    private static void CheckListEntries(IConfigurationSection section, List<PropertyInfo> properties, List<string> errors)
    {
        foreach (var property in properties)
        {
            if (!property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(List<>)
                || property.PropertyType.GetGenericArguments()[0] is not { IsClass: true } element || element == typeof(string))
                continue;
            var allowed = element.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToList();
            foreach (var entry in section.GetSection(property.Name).GetChildren())
            {
                foreach (var key in entry.GetChildren().Where(c => !allowed.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
                    errors.Add($"{section.Path}:{property.Name}:{entry.Key}:{key.Key} is not a known key; allowed: {string.Join(", ", allowed)}");
            }
        }
    }

    /// <summary>"Editor:Accounts:0:Nam is not a known key…": group 1 is the list entry, Editor:Accounts:0.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\w+:\w+:\d+):\w+ is not a known key")]
    private static partial System.Text.RegularExpressions.Regex MisspeltEntry();

    private static bool IsScalar(Type type) => type.IsPrimitive || type == typeof(string) || type == typeof(decimal);

    private static object? Convert(string? value, Type type) =>
        type == typeof(string) ? value
        : type == typeof(bool) ? bool.Parse(value ?? "")
        : System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture);

    private static string Describe(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number such as 0.1"
        : type.Name;
}
