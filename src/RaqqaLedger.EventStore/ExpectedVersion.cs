namespace RaqqaLedger.EventStore;

/// <summary>
/// What the writer believes about a stream before appending: the optimistic concurrency check.
/// Versions count from 0 (the first event in a stream has version 0), as stream revisions do in
/// EventStoreDB, so a KurrentDB backend maps these one to one.
/// </summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -2, NoStreamValue = -1, StreamExistsValue = -4;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>The raw value: a version (≥ 0) or one of the negative sentinels.</summary>
    public long Value { get; }

    /// <summary>Append whatever the stream holds.</summary>
    public static ExpectedVersion Any { get; } = new(AnyValue);

    /// <summary>Append only if the stream has no events yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(NoStreamValue);

    /// <summary>Append only if the stream already has at least one event.</summary>
    public static ExpectedVersion StreamExists { get; } = new(StreamExistsValue);

    /// <summary>Append only if the stream's last event has exactly this version.</summary>
    public static ExpectedVersion Exactly(long version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "a stream version is 0 or more");

    /// <summary>Whether a stream whose last version is <paramref name="current"/> (null: no stream) satisfies this.</summary>
    public bool IsSatisfiedBy(long? current) => Value switch
    {
        AnyValue => true,
        NoStreamValue => current is null,
        StreamExistsValue => current is not null,
        _ => current == Value,
    };

    public override string ToString() => Value switch
    {
        AnyValue => "any",
        NoStreamValue => "no stream",
        StreamExistsValue => "stream exists",
        _ => $"version {Value}",
    };
}
