using System.Reflection;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>The four production assemblies, and the namespaces that stand for each layer and framework.</summary>
internal static class Layers
{
    public const string DomainNamespace = "AlexaLinkHub.Domain";
    public const string ApplicationNamespace = "AlexaLinkHub.Application";
    public const string InfrastructureNamespace = "AlexaLinkHub.Infrastructure";
    public const string WebNamespace = "AlexaLinkHub.Web";

    public const string EntityFrameworkCore = "Microsoft.EntityFrameworkCore";
    public const string AspNetCore = "Microsoft.AspNetCore";
    public const string Mediator = "Mediator";
    public const string FluentValidation = "FluentValidation";

    public static readonly Assembly Domain = typeof(Tenant).Assembly;
    public static readonly Assembly Application = typeof(AlexaLinkHub.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(AlexaLinkHub.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly Web = typeof(AlexaLinkHub.Web.DependencyInjection).Assembly;

    public static readonly Assembly[] All = [Domain, Application, Infrastructure, Web];

    /// <summary>Types a person wrote: compiler-generated closures, state machines and anonymous types are left out.</summary>
    public static IEnumerable<Type> WrittenTypes(this Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false)
                                       && !t.Name.StartsWith('<'));

    public static string DisplayName(this Type type) => type.FullName ?? type.Name;
}
