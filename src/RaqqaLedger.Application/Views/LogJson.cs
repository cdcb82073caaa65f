using System.Text.Json;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Application.Views;

/// <summary>Events of the log as JSON: payload and metadata written as stored, byte for byte.</summary>
public static class LogJson
{
    /// <summary>One event as one line of JSON.</summary>
    public static string Line(RecordedEvent e)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("position", e.Position);
            json.WriteString("streamId", e.StreamId);
            json.WriteNumber("streamVersion", e.StreamVersion);
            json.WriteString("eventId", e.EventId);
            json.WriteString("type", e.Type);
            json.WriteString("recordedAt", HashChain.FormatTime(e.RecordedAt));
            json.WriteString("hash", e.HashHex);
            json.WritePropertyName("data");
            json.WriteRawValue(e.Data, skipInputValidation: true);
            json.WritePropertyName("metadata");
            json.WriteRawValue(e.Metadata, skipInputValidation: true);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A JSON array of events.</summary>
    public static string Array(IEnumerable<RecordedEvent> events) => $"[{string.Join(",", events.Select(Line))}]";
}
