namespace RaqqaLedger.Domain.Claims;

/// <summary>
/// How the claim board decides a topic's status: confirmed by at least <paramref name="ConfirmedMinSources"/>
/// independent sources whose numbers agree within <paramref name="NumbersAgreeWithinPercent"/>. A rule set
/// states it; each ruleset-published event carries it, so the views need no rule-set reader.
/// </summary>
public sealed record StatusRule(int ConfirmedMinSources, decimal NumbersAgreeWithinPercent)
{
    /// <summary>What a rule set without a status section, or a log without a rule set, goes by.</summary>
    public static StatusRule Default { get; } = new(2, 10m);
}
