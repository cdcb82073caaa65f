using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaqqaLedger.Domain.Events;

/// <summary>
/// Maps events to their stored names and JSON. One place decides the wire shape of every event,
/// so the hash chain sees the same bytes however an event is appended.
/// </summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly FrozenDictionary<string, Type> TypesByName = typeof(EventJson).Assembly
        .GetTypes()
        .Select(t => (Type: t, Attribute: t.GetCustomAttribute<EventTypeAttribute>()))
        .Where(x => x.Attribute is not null)
        .ToFrozenDictionary(x => x.Attribute!.Name, x => x.Type, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, string> NamesByType =
        TypesByName.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);

    public static IEnumerable<string> KnownTypeNames => TypesByName.Keys;

    /// <summary>Each older event type and the type it upcasts to.</summary>
    private static readonly FrozenDictionary<Type, Type> NextVersion = TypesByName.Values
        .Select(t => (Type: t, Next: t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUpcastsTo<>))?.GetGenericArguments()[0]))
        .Where(x => x.Next is not null)
        .ToFrozenDictionary(x => x.Type, x => x.Next!);

    /// <summary>
    /// Every stored name an event of this type may come under: its own and those of the older versions
    /// that upcast to it ("article-ingested.v2", "article-ingested.v1"). For reads filtered by type.
    /// </summary>
    public static IReadOnlyList<string> TypeNamesOf<TEvent>() where TEvent : class =>
        [.. TypesByName.Where(kv => LatestOf(kv.Value) == typeof(TEvent)).Select(kv => kv.Key).Order(StringComparer.Ordinal).Reverse()];

    private static Type LatestOf(Type type)
    {
        while (NextVersion.TryGetValue(type, out var next))
            type = next;
        return type;
    }

    /// <summary>An older version of an event, brought up to the current one; any other event as it is.</summary>
    private static object? Latest(object? @event)
    {
        while (@event is IOlderVersion older)
            @event = older.Upcast();
        return @event;
    }

    public static string TypeNameOf<TEvent>() where TEvent : class => TypeNameOf(typeof(TEvent));

    public static string TypeNameOf(Type eventType) =>
        NamesByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentException($"{eventType.Name} has no [EventType] name", nameof(eventType));

    public static string Serialize(object @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static string SerializeMetadata(EventMetadata metadata) => JsonSerializer.Serialize(metadata, Options);

    public static EventMetadata? DeserializeMetadata(string json) => JsonSerializer.Deserialize<EventMetadata>(json, Options);

    /// <summary>The event for a stored name and payload (an older version upcast to the current one), or null when the name is not one of ours.</summary>
    public static object? Deserialize(string typeName, string json) =>
        TypesByName.TryGetValue(typeName, out var type) ? Latest(JsonSerializer.Deserialize(json, type, Options)) : null;

    public static TEvent Deserialize<TEvent>(string json) where TEvent : class =>
        JsonSerializer.Deserialize<TEvent>(json, Options)
        ?? throw new JsonException($"null payload for {typeof(TEvent).Name}");

    /// <summary>The event for a stored name and its payload as UTF-8 bytes, or null when the name is not one of ours.</summary>
    public static object? Deserialize(string typeName, ReadOnlySpan<byte> utf8Json) =>
        TypesByName.TryGetValue(typeName, out var type) ? Latest(JsonSerializer.Deserialize(utf8Json, type, Options)) : null;

    public static TEvent Deserialize<TEvent>(ReadOnlySpan<byte> utf8Json) where TEvent : class =>
        JsonSerializer.Deserialize<TEvent>(utf8Json, Options)
        ?? throw new JsonException($"null payload for {typeof(TEvent).Name}");

    /// <summary>An enum value's stored name, as events spell it ("single-source", "stated").</summary>
    public static string EnumName<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum ParseEnum<TEnum>(string name) where TEnum : struct, Enum =>
        JsonSerializer.Deserialize<TEnum>(JsonSerializer.Serialize(name), Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
            // Stored text stays readable ("Raqqa's", "–") instead of \u-escaped; the log is never embedded in HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
