using System.Text.Json;
using System.Text.Json.Serialization;
using Embassy.Domain;

namespace Embassy.Web;

/// <summary>A month in JSON is its "YYYY-MM" text, not an object (whose Next/Previous would never end).</summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    /// <inheritdoc />
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Period.TryParse(reader.GetString(), out var period) ? period : throw new JsonException("A month is written YYYY-MM.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
