using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaqqaLedger.Domain.Claims;

public enum ClaimValueKind { Exact, Approx, Min, Max, Range, YesNo, Category }

/// <summary>
/// A typed claim value. Stored and printed in the gold file's forms: true/false, "category",
/// {"exact": N}, {"approx": N}, {"min": N}, {"max": N}, {"min": A, "max": B}.
/// </summary>
[JsonConverter(typeof(ClaimValueJsonConverter))]
public sealed record ClaimValue(ClaimValueKind Kind, decimal? Number = null, decimal? Min = null, decimal? Max = null, bool? Flag = null, string? Category = null)
{
    public static ClaimValue Exact(decimal n) => new(ClaimValueKind.Exact, Number: n);
    public static ClaimValue Approx(decimal n) => new(ClaimValueKind.Approx, Number: n);
    public static ClaimValue AtLeast(decimal n) => new(ClaimValueKind.Min, Min: n);
    public static ClaimValue AtMost(decimal n) => new(ClaimValueKind.Max, Max: n);
    public static ClaimValue Between(decimal min, decimal max) => new(ClaimValueKind.Range, Min: min, Max: max);
    public static ClaimValue Yes(bool flag) => new(ClaimValueKind.YesNo, Flag: flag);
    public static ClaimValue Of(string category) => new(ClaimValueKind.Category, Category: category);

    public bool IsNumeric => Kind is ClaimValueKind.Exact or ClaimValueKind.Approx or ClaimValueKind.Min or ClaimValueKind.Max or ClaimValueKind.Range;

    /// <summary>The gold form as compact JSON, e.g. {"approx":275}, true, "local_officials".</summary>
    public string ToJson() => JsonSerializer.Serialize(this);

    public override string ToString() => Kind switch
    {
        ClaimValueKind.Exact => Format(Number),
        ClaimValueKind.Approx => $"~{Format(Number)}",
        ClaimValueKind.Min => $">{Format(Min)}",
        ClaimValueKind.Max => $"≤{Format(Max)}",
        ClaimValueKind.Range => $"{Format(Min)}–{Format(Max)}",
        ClaimValueKind.YesNo => Flag == true ? "yes" : "no",
        _ => Category ?? "",
    };

    private static string Format(decimal? n) => n?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Parses the gold form; null when the element is not one.</summary>
    public static ClaimValue? FromJson(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.True: return Yes(true);
            case JsonValueKind.False: return Yes(false);
            case JsonValueKind.String: return e.GetString() is { Length: > 0 } s ? Of(s) : null;
            case JsonValueKind.Object:
                decimal? Get(string name) => e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal() : null;
                var count = e.EnumerateObject().Count();
                if (Get("exact") is { } exact && count == 1) return Exact(exact);
                if (Get("approx") is { } approx && count == 1) return Approx(approx);
                var min = Get("min");
                var max = Get("max");
                if (min is not null && max is not null && count == 2) return Between(min.Value, max.Value);
                if (min is not null && count == 1) return AtLeast(min.Value);
                if (max is not null && count == 1) return AtMost(max.Value);
                return null;
            default: return null;
        }
    }
}

internal sealed class ClaimValueJsonConverter : JsonConverter<ClaimValue>
{
    public override ClaimValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return ClaimValue.FromJson(document.RootElement) ?? throw new JsonException($"not a claim value: {document.RootElement.GetRawText()}");
    }

    public override void Write(Utf8JsonWriter writer, ClaimValue value, JsonSerializerOptions options)
    {
        switch (value.Kind)
        {
            case ClaimValueKind.YesNo: writer.WriteBooleanValue(value.Flag == true); return;
            case ClaimValueKind.Category: writer.WriteStringValue(value.Category); return;
        }
        writer.WriteStartObject();
        switch (value.Kind)
        {
            case ClaimValueKind.Exact: writer.WriteNumber("exact", value.Number!.Value); break;
            case ClaimValueKind.Approx: writer.WriteNumber("approx", value.Number!.Value); break;
            case ClaimValueKind.Min: writer.WriteNumber("min", value.Min!.Value); break;
            case ClaimValueKind.Max: writer.WriteNumber("max", value.Max!.Value); break;
            case ClaimValueKind.Range: writer.WriteNumber("min", value.Min!.Value); writer.WriteNumber("max", value.Max!.Value); break;
        }
        writer.WriteEndObject();
    }
}
