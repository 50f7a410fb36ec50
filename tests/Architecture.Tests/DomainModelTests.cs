using System.Reflection;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>A rich domain: state changes only through methods that enforce the invariants.</summary>
public class DomainModelTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void DomainClasses_HaveNoPublicSetters()
    {
        var classes = DomainClasses();
        ArchAssert.NotVacuous(classes, "domain classes");

        var offenders = classes
            .SelectMany(t => t.GetProperties(Declared)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => $"{t.DisplayName()}.{p.Name} ({(IsInitOnly(p) ? "public init" : "public set")})"));

        ArchAssert.NoOffenders(offenders, "Domain classes must not expose public setters or init accessors: change state through a method that checks the invariants.");
    }

    [Fact]
    public void DomainClasses_HaveNoPublicWritableFields()
    {
        var offenders = DomainClasses()
            .SelectMany(t => t.GetFields(Declared)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.DisplayName()}.{f.Name}"));

        ArchAssert.NoOffenders(offenders, "Domain classes must not expose writable public fields.");
    }

    private static List<Type> DomainClasses() =>
        Layers.Domain.WrittenTypes()
            .Where(t => t.IsClass && t.Namespace?.StartsWith(Layers.DomainNamespace + ".", StringComparison.Ordinal) == true)
            .ToList();

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
}
