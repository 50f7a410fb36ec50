using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The admin area: Razor Pages under <c>/admin</c> (Areas/Admin), its cookie scheme and policies, and the
/// filter that sets actor and tenant scope for every page.</summary>
internal static class AdminAreaSetup
{
    public static IServiceCollection AddAdminArea(this IServiceCollection services)
    {
        services.AddScoped<AdminCookieEvents>();
        services.AddAuthentication()
            .AddCookie(AdminAuthentication.Scheme, AdminAuthentication.Configure)
            .AddCookie(AdminPendingSignIn.Scheme, AdminPendingSignIn.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminAuthentication.Policy, policy => policy.AddAuthenticationSchemes(AdminAuthentication.Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminAuthentication.PlatformPolicy, policy => policy.AddAuthenticationSchemes(AdminAuthentication.Scheme)
                .RequireAuthenticatedUser().RequireClaim(SessionClaims.PlatformAdmin));
        services.Configure<RazorPagesOptions>(options =>
        {
            var conventions = options.Conventions;
            conventions.AuthorizeAreaFolder("Admin", "/", AdminAuthentication.Policy);
            conventions.AuthorizeAreaFolder("Admin", "/Platform", AdminAuthentication.PlatformPolicy);
            conventions.AllowAnonymousToAreaPage("Admin", "/Login");
            conventions.AllowAnonymousToAreaPage("Admin", "/LoginVerify");
            conventions.AllowAnonymousToAreaPage("Admin", "/SignUp");
            conventions.AllowAnonymousToAreaPage("Admin", "/Invitation");
            conventions.AllowAnonymousToAreaPage("Admin", "/ForgotPassword");
            conventions.AllowAnonymousToAreaPage("Admin", "/ResetPassword");
            conventions.AllowAnonymousToAreaPage("Admin", "/Language");
            conventions.AddAreaFolderApplicationModelConvention("Admin", "/", model => model.Filters.Add(new TypeFilterAttribute(typeof(AdminPageFilter))));
        });
        return services;
    }
}
