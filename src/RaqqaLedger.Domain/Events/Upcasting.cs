namespace RaqqaLedger.Domain.Events;

/// <summary>An event as an older version stored it, which reads as the next version of the same event.</summary>
public interface IOlderVersion
{
    object Upcast();
}

/// <summary>
/// An event as an older version stored it. It is read as it was written, then turned into the next
/// version by a small pure function, so a log written long ago reads as events of today's shape and no
/// stored byte is ever rewritten.
/// </summary>
/// <typeparam name="TNext">The next version of the same event.</typeparam>
public interface IUpcastsTo<out TNext> : IOlderVersion where TNext : class
{
    new TNext Upcast();

    object IOlderVersion.Upcast() => Upcast();
}
