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
    // Read token by token, not through a document: every claim event of a replay passes through here.
    public override ClaimValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: return ClaimValue.Yes(true);
            case JsonTokenType.False: return ClaimValue.Yes(false);
            case JsonTokenType.String: return reader.GetString() is { Length: > 0 } s ? ClaimValue.Of(s) : throw new JsonException("not a claim value: an empty category");
            case JsonTokenType.StartObject: break;
            default: throw new JsonException($"not a claim value: a {reader.TokenType}");
        }
        decimal? exact = null, approx = null, min = null, max = null;
        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
                throw new JsonException($"not a claim value: '{name}' must be a number");
            var n = reader.GetDecimal();
            count++;
            switch (name)
            {
                case "exact": exact = n; break;
                case "approx": approx = n; break;
                case "min": min = n; break;
                case "max": max = n; break;
                default: throw new JsonException($"not a claim value: unknown field '{name}'");
            }
        }
        return (exact, approx, min, max, count) switch
        {
            ({ } e, null, null, null, 1) => ClaimValue.Exact(e),
            (null, { } a, null, null, 1) => ClaimValue.Approx(a),
            (null, null, { } lo, { } hi, 2) => ClaimValue.Between(lo, hi),
            (null, null, { } lo, null, 1) => ClaimValue.AtLeast(lo),
            (null, null, null, { } hi, 1) => ClaimValue.AtMost(hi),
            _ => throw new JsonException("not a claim value: use exact, approx, min, max or min and max"),
        };
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
