using RaqqaLedger.Testing;
using YamlDotNet.RepresentationModel;

namespace RaqqaLedger.Api.Tests;

/// <summary>
/// What the container files promise (issue 13.7, 13.11). No Docker engine runs here, so these read the
/// files as Docker would rather than start them.
/// </summary>
public sealed class DeploymentFileTests
{
    [Fact]
    public void TheImage_RunsTheApiAsAnUnprivilegedUser()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "Dockerfile")).Select(l => l.Trim()).ToList();
        var finalStage = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var entrypoint = lines.FindIndex(finalStage, l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal));

        var user = lines.Skip(finalStage).Take(entrypoint - finalStage).LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));

        Assert.NotNull(user);
        Assert.DoesNotMatch(@"^USER\s+(root|0)(:|$)", user);
    }

    [Fact]
    public void TheImage_GivesThatUserTheDataFolder_WhereTheGeneratedKeyIsKept()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepoPaths.Root, "Dockerfile"));
        Assert.Matches(@"COPY --from=build --chown=\$APP_UID\S* \S+ /app/data", dockerfile);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("postgres")]
    public void Compose_RestartsEachService(string service)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepoPaths.Root, "docker-compose.yml")))
            yaml.Load(reader);
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children["services"];
        var definition = (YamlMappingNode)services.Children[service];

        Assert.True(definition.Children.TryGetValue("restart", out var restart), $"{service} has no restart policy");
        Assert.Contains(((YamlScalarNode)restart).Value, new[] { "always", "unless-stopped", "on-failure" });
    }
}
