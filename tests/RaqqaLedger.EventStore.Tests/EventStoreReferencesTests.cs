using RaqqaLedger.EventStore;

namespace RaqqaLedger.EventStore.Tests;

/// <summary>Issue 14: the event store knows nothing of claims: it references no other project of the ledger, and no YAML reader.</summary>
public class EventStoreReferencesTests
{
    [Fact]
    public void TheEventStoreAssembly_ReferencesNoLedgerProject_AndNoYaml()
    {
        var references = typeof(IEventStore).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Marten", references);
        Assert.DoesNotContain(references, name => name.StartsWith("RaqqaLedger.", StringComparison.Ordinal) || name.StartsWith("YamlDotNet", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEventStoreProject_NamesNoOtherProject()
    {
        var project = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "src", "RaqqaLedger.EventStore", "RaqqaLedger.EventStore.csproj"));

        Assert.DoesNotContain("ProjectReference", project);
        Assert.DoesNotContain("YamlDotNet", project);
    }
}
