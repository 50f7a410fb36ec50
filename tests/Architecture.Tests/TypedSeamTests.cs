using System.Reflection;
using System.Text.RegularExpressions;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Web;
using AlexaLinkHub.Web.Admin;
using Microsoft.AspNetCore.Razor.Hosting;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>Each name the outside world sees — an address, a claim, how a refusal is answered — is written in one place.</summary>
public partial class TypedSeamTests
{
    [Fact]
    public void TenantPages_AreAtTheAddressesOfTenantPathsAndEachHasOne()
    {
        var pages = RazorPages().Where(p => p.View.StartsWith("/Pages/Tenant/", StringComparison.Ordinal)).ToList();
        ArchAssert.NotVacuous(pages, "tenant pages");
        var addresses = TenantPaths.All.Append(OAuthEndpoints.Authorization).Select(p => "/" + p).ToHashSet(StringComparer.Ordinal);

        var offenders = pages.Where(p => !addresses.Contains(p.Route)).Select(p => $"{p.View} (@page \"{p.Route}\")")
            .Concat(addresses.Where(a => pages.All(p => p.Route != a)).Select(a => $"{a} (in TenantPaths, no page)"));

        ArchAssert.NoOffenders(offenders, "A tenant page's route is one of TenantPaths (or the authorization endpoint), and each of them is a page: links and emails build these addresses from TenantPaths.");
    }

    [Fact]
    public void AdminPages_AreUnderAdminPathsRoot()
    {
        var pages = RazorPages().Where(p => p.View.StartsWith("/Areas/Admin/Pages/", StringComparison.Ordinal)).ToList();
        ArchAssert.NotVacuous(pages, "admin pages");

        var offenders = pages.Where(p => p.Route != AdminPaths.Root && !p.Route.StartsWith(AdminPaths.Root + "/", StringComparison.Ordinal))
            .Select(p => $"{p.View} (@page \"{p.Route}\")");

        ArchAssert.NoOffenders(offenders, "Admin pages live under AdminPaths.Root.");
    }

    [Fact]
    public void ClaimNames_AreWrittenOnlyInTokenClaimsAndSessionClaims()
    {
        var tokenClaims = typeof(TokenClaims).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var sessionClaims = typeof(SessionClaims).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        ArchAssert.NotVacuous(tokenClaims, "token claims");
        ArchAssert.NotVacuous(sessionClaims, "session claims");
        // A route parameter or a metric tag may share a claim's word ([FromRoute(Name = "tenant")], TenantTag = "tenant"); that is not a claim.
        var named = new Regex($"(?<!Name = |Tag = )\"({string.Join('|', tokenClaims.Concat(sessionClaims).Select(Regex.Escape))})\"");

        var offenders = Source.CSharp()
            .Where(f => !f.Path.EndsWith("/TokenClaims.cs", StringComparison.Ordinal) && !f.Path.EndsWith("/SessionClaims.cs", StringComparison.Ordinal))
            .SelectMany(f => f.Matches(ClaimLookupWithLiteral()).Concat(f.Matches(named)));

        ArchAssert.NoOffenders(offenders, "Claim names come from TokenClaims (what a token carries) or SessionClaims (our sessions), never as a literal.");
    }

    [Fact]
    public void ApplicationRefusals_AreMappedToResponsesOnlyByTheErrorMapping()
    {
        var offenders = Source.CSharp("src/Web")
            .Where(f => !f.Path.Contains("/ErrorMapping/", StringComparison.Ordinal))
            .SelectMany(f => f.Matches(CatchOfARefusal()));

        ArchAssert.NoOffenders(offenders, "What the application refuses is turned into a response in one place (Web/ErrorMapping: AppError, for the API, the forms and the pages); catch it there, not in a page or endpoint.");
    }

    private static List<(string View, string Route)> RazorPages() =>
        Layers.Web.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(i => i.Kind == "mvc.1.0.razor-page")
            .Select(i => (View: i.Identifier, Route: i.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value))
            .Where(p => p.Route is not null)
            .Select(p => (p.View, p.Route!))
            .ToList();

    [GeneratedRegex(@"\b(new Claim|FindFirstValue|FindAll|HasClaim|GetClaim|SetClaim|RequireClaim)\(\s*""[^""]*""")]
    private static partial Regex ClaimLookupWithLiteral();

    [GeneratedRegex("""catch\s*\(\s*(FluentValidation\.)?(ValidationException|DomainException|ConflictException|NotFoundException|ForbiddenException)\b""")]
    private static partial Regex CatchOfARefusal();
}
