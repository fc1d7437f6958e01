using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsAggregator.Core.Storage;

/// <summary>Lists stored in JSON text columns (hints, categories, aliases).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
