namespace RaqqaLedger.Api.Hosting;

/// <summary>A start that cannot go on, for a reason the operator can fix; the API prints its message as one line and exits 1.</summary>
public sealed class LedgerStartException(string message) : Exception(message);
