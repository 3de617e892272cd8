using System.Text.Json;
using System.Text.Json.Serialization;

namespace Benchmark.Core.Roadmap;

/// <summary>How structured deliverables (roadmap, candidature dossier) are stored: camelCase JSON, enums by name, ISO dates.</summary>
public static class StructuredJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    /// <summary>The document, or null when the text is empty or not a document of that shape.</summary>
    public static T? Deserialize<T>(string? json)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
