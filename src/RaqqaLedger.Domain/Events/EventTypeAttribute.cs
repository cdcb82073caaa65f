namespace RaqqaLedger.Domain.Events;

/// <summary>
/// The stable name an event is stored under, e.g. "article-ingested.v1". The CLR type may be renamed
/// freely; the stored name never changes. A changed schema gets a new name (".v2") and an upcaster.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
