using NetArchTest.Rules;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>The skill-backend kit (sdk/dotnet) is a client of AlexaLinkHub's public HTTP contract, shipped to vendors:
/// it must not lean on the server's code, or a vendor would need the server's assemblies (and their secrets' code).</summary>
public class SkillBackendKitTests
{
    private static readonly System.Reflection.Assembly Kit = typeof(AlexaLinkHub.SkillBackend.AlexaLinkHubClient).Assembly;

    [Fact]
    public void Kit_Assembly_ReferencesNoServerAssembly()
    {
        var server = Layers.All.Select(a => a.GetName().Name).ToHashSet();

        var offenders = Kit.GetReferencedAssemblies().Select(a => a.Name!).Where(server.Contains);

        ArchAssert.NoOffenders(offenders, "AlexaLinkHub.SkillBackend must not reference the server's assemblies; it talks HTTP to it.");
    }

    [Fact]
    public void Kit_Types_UseNoServerNamespace()
    {
        var result = Types.InAssembly(Kit)
            .ShouldNot().HaveDependencyOnAny(Layers.DomainNamespace, Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.WebNamespace)
            .GetResult();

        ArchAssert.Passes(result, "AlexaLinkHub.SkillBackend types must not use the server's types.");
    }

    [Fact]
    public void Kit_DependencyScan_SeesWhatTheKitDoesUse() =>
        Assert.NotEmpty(Types.InAssembly(Kit).That().HaveDependencyOn("StandardWebhooks").GetTypes());
}
