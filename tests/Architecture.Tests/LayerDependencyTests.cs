using System.Reflection;
using NetArchTest.Rules;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>Dependencies point inward only: Web → Infrastructure → Application → Domain.</summary>
public class LayerDependencyTests
{
    [Fact]
    public void Domain_Types_DependOnNoOtherLayer()
    {
        var result = Types.InAssembly(Layers.Domain)
            .ShouldNot().HaveDependencyOnAny(Layers.ApplicationNamespace, Layers.InfrastructureNamespace, Layers.WebNamespace)
            .GetResult();

        ArchAssert.Passes(result, "Domain types must not use Application, Infrastructure or Web types.");
    }

    [Fact]
    public void Domain_Types_DependOnNoFramework()
    {
        var result = Types.InAssembly(Layers.Domain)
            .ShouldNot().HaveDependencyOnAny(
                Layers.EntityFrameworkCore, Layers.AspNetCore, Layers.Mediator, Layers.FluentValidation, "Microsoft.Extensions")
            .GetResult();

        ArchAssert.Passes(result, "Domain types must not use EF Core, ASP.NET Core, Mediator, FluentValidation or Microsoft.Extensions.");
    }

    [Fact]
    public void Domain_Assembly_ReferencesOnlyTheBaseClassLibrary()
    {
        var offenders = References(Layers.Domain).Where(name => !IsBaseClassLibrary(name));

        ArchAssert.NoOffenders(offenders, "AlexaLinkHub.Domain must reference no project and no package, only the .NET base class library.");
    }

    [Fact]
    public void Application_Assembly_ReferencesDomain() =>
        Assert.Contains("AlexaLinkHub.Domain", References(Layers.Application));

    [Fact]
    public void Application_Types_DependOnNeitherInfrastructureNorWeb()
    {
        var result = Types.InAssembly(Layers.Application)
            .ShouldNot().HaveDependencyOnAny(Layers.InfrastructureNamespace, Layers.WebNamespace)
            .GetResult();

        ArchAssert.Passes(result, "Application types must not use Infrastructure or Web types (declare a port in Application instead).");
    }

    [Fact]
    public void Application_Types_DependOnNeitherEfCoreNorAspNetCore()
    {
        var result = Types.InAssembly(Layers.Application)
            .ShouldNot().HaveDependencyOnAny(Layers.EntityFrameworkCore, Layers.AspNetCore)
            .GetResult();

        ArchAssert.Passes(result, "Application types must not use EF Core or ASP.NET Core.");
    }

    [Fact]
    public void Application_Assembly_ReferencesNoOuterLayerOrWebOrDataFramework()
    {
        var offenders = References(Layers.Application).Where(name =>
            name is "AlexaLinkHub.Infrastructure" or "AlexaLinkHub.Web"
            || IsOrUnder(name, Layers.EntityFrameworkCore)
            || IsOrUnder(name, Layers.AspNetCore));

        ArchAssert.NoOffenders(offenders, "AlexaLinkHub.Application must not reference Infrastructure, Web, EF Core or ASP.NET Core assemblies.");
    }

    [Fact]
    public void Infrastructure_Types_DoNotDependOnWeb()
    {
        var result = Types.InAssembly(Layers.Infrastructure)
            .ShouldNot().HaveDependencyOn(Layers.WebNamespace)
            .GetResult();

        ArchAssert.Passes(result, "Infrastructure types must not use Web types.");
    }

    [Fact]
    public void Infrastructure_Assembly_DoesNotReferenceWeb() =>
        Assert.DoesNotContain("AlexaLinkHub.Web", References(Layers.Infrastructure));

    [Fact]
    public void Web_Types_DoNotUseEntityFrameworkCore()
    {
        // Web is the composition root and may reference Infrastructure to wire it up, but it only translates HTTP to
        // commands and queries: a DbContext, DbSet or EF query operator in Web is business logic in the wrong place.
        var result = Types.InAssembly(Layers.Web)
            .ShouldNot().HaveDependencyOn(Layers.EntityFrameworkCore)
            .GetResult();

        ArchAssert.Passes(result, "Web types must not use EF Core; send a query through the mediator instead.");
    }

    [Fact]
    public void DependencyScan_SeesTheFrameworkUseThatDoesExist()
    {
        // Calibration: the "should not" rules above pass vacuously if the scan cannot see dependencies at all.
        Assert.NotEmpty(Types.InAssembly(Layers.Infrastructure).That().HaveDependencyOn(Layers.EntityFrameworkCore).GetTypes());
        Assert.NotEmpty(Types.InAssembly(Layers.Application).That().HaveDependencyOn(Layers.Mediator).GetTypes());
        Assert.NotEmpty(Types.InAssembly(Layers.Web).That().HaveDependencyOn(Layers.AspNetCore).GetTypes());
        Assert.NotEmpty(Types.InAssembly(Layers.Web).That().HaveDependencyOn(Layers.InfrastructureNamespace).GetTypes());
    }

    private static List<string> References(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

    private static bool IsBaseClassLibrary(string name) =>
        name is "System" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal);

    private static bool IsOrUnder(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);
}
