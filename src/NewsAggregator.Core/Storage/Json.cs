using System.Text.Json;

namespace NewsAggregator.Core.Storage;

/// <summary>Lists stored in JSON text columns (hints, categories, aliases).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
