using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class TenantsEndpoints
{
    public static void MapTenantsEndpoints(this RouteGroupBuilder api, RouteGroupBuilder tenant)
    {
        var platform = api.MapGroup("/tenants").WithTags("Tenants").AddEndpointFilter<PlatformScopeFilter>();
        platform.MapPost("/", CreateTenant).WithSummary("Create a tenant (platform key only).");
        platform.MapGet("/", ListTenants).WithSummary("List tenants (platform key only).");

        tenant.MapGet("/", GetTenant).WithTags("Tenants").WithSummary("The tenant, with its branding and issuer.");
        tenant.MapPatch("/", PatchTenant).WithTags("Tenants").WithSummary("Change the display name, branding, page texts per language or (platform key only) status.");
    }

    private static async Task<Created<TenantDto>> CreateTenant(CreateTenantRequest body, ISender sender, CancellationToken ct)
    {
        var tenant = await sender.Send(new CreateTenant { Slug = body.Slug ?? string.Empty, DisplayName = body.DisplayName ?? string.Empty }, ct);
        return TypedResults.Created($"/api/v1/tenants/{tenant.Slug}", tenant);
    }

    private static async Task<Ok<Page<TenantDto>>> ListTenants(int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListTenants(page, pageSize), ct));

    private static async Task<Ok<TenantDto>> GetTenant(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetTenant(), ct));

    private static async Task<Ok<TenantDto>> PatchTenant(PatchTenantRequest body, ISender sender, CancellationToken ct)
    {
        var branding = body.Branding is { } b
            ? new UpdateTenantBranding { LogoUrl = b.LogoUrl, PrimaryColor = b.PrimaryColor, BackgroundColor = b.BackgroundColor, SupportUrl = b.SupportUrl, PrivacyUrl = b.PrivacyUrl, FaviconUrl = b.FaviconUrl }
            : null;
        var texts = body.Texts is { } t
            ? new UpdateTenantTexts { Texts = t.ToDictionary(p => p.Key, p => p.Value is { } v ? new BrandingTextInput(v.LoginHeading, v.LoginHelp, v.SupportMessage) : null) }
            : null;
        return TypedResults.Ok(await sender.Send(new UpdateTenant { DisplayName = body.DisplayName, Status = body.Status, Branding = branding, Texts = texts, SignUpEnabled = body.SignUpEnabled, EmailConfirmationRequired = body.EmailConfirmationRequired, AdminsMustUseMfa = body.AdminsMustUseMfa }, ct));
    }
}
