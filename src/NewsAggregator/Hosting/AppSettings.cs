using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Hosting;

/// <summary>
/// Every options section, bound by name and validated before anything starts. A misspelt key, a value of the wrong
/// type or out of range stops the process with one message per problem naming the key and what is allowed.
/// </summary>
public sealed record AppSettings(
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

    public static readonly string[] Sections =
        [FetchOptions.Section, ParsingOptions.Section, SchedulingOptions.Section, StorageOptions.Section, FeedsOptions.Section, ClusteringOptions.Section, ProvenanceOptions.Section, EditorOptions.Section, HealthOptions.Section, RetentionOptions.Section];

    public static AppSettings Load(IConfiguration configuration, IEnumerable<IConfiguration>? files = null)
    {
        var errors = new List<string>();
        foreach (var file in files ?? [])
        {
            foreach (var section in file.GetChildren())
            {
                if (!Sections.Concat(HostSections).Contains(section.Key, StringComparer.OrdinalIgnoreCase))
                    errors.Add($"{section.Key} is not a known section; allowed: {string.Join(", ", Sections.Concat(HostSections))}");
            }
        }
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
        errors.AddRange(settings.Fetch.Validate());
        errors.AddRange(settings.Parsing.Validate());
        errors.AddRange(settings.Scheduling.Validate());
        errors.AddRange(settings.Storage.Validate());
        errors.AddRange(settings.Feeds.Validate());
        errors.AddRange(settings.Clustering.Validate());
        errors.AddRange(settings.Provenance.Validate());
        errors.AddRange(settings.Editor.Validate());
        errors.AddRange(settings.Health.Validate());
        errors.AddRange(settings.Retention.Validate(settings.Clustering.WindowHours));
        if (errors.Count > 0)
            throw new ConfigurationException("Invalid configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)));
        return settings;
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
