using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.Extraction.Rules;

namespace RaqqaLedger.Extraction.Tests.Extraction;

/// <summary>Rule-set publications of both versions read as the current one (issue 14: the views read no YAML).</summary>
public class RuleSetEventsTests
{
    [Theory]
    [InlineData("status:\n  confirmed_min_sources: 3\n  numbers_agree_within_percent: 15\n", 3, 15)]
    [InlineData("status: {confirmed_min_sources: 4}\n", 4, 10)]
    [InlineData("", 2, 10)]
    public void AFirstVersionPublication_GetsTheStatusRuleItsContentStates(string status, int sources, int percent)
    {
        var first = new RuleSetPublishedV1(1, "old", "sha", $"version: 1\nname: old\n{status}topics: []\n", "old.yaml");

        var read = RuleSetEvents.Read(RuleSetEvents.V1, EventJson.Serialize(first));

        Assert.Equal(first.WithStatus(new StatusRule(sources, percent)), read);
        Assert.Equal(read, RuleSetEvents.Read(RuleSetEvents.V1, System.Text.Encoding.UTF8.GetBytes(EventJson.Serialize(first))));
    }

    [Fact]
    public void ASecondVersionPublication_IsReadAsStored_ItsContentNotConsulted()
    {
        var second = new RuleSetPublished(2, "new", "sha", "not: [valid", "new.yaml", new StatusRule(5, 1m));

        Assert.Equal(second, RuleSetEvents.Read("ruleset-published.v2", EventJson.Serialize(second)));
        Assert.Equal(["ruleset-published.v2", "ruleset-published.v1"], RuleSetEvents.TypeNames);
    }
}
