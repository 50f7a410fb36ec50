using AlexaLinkHub.Web.Admin;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace AlexaLinkHub.Web.Jobs;

/// <summary>The Hangfire dashboard at <c>/admin/jobs</c>, for platform admins signed in to the admin UI only.</summary>
internal static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static WebApplication UseJobsDashboard(this WebApplication app)
    {
        // Everyone else gets 404 — no login redirect and no 401/403 that would confirm the page exists. The dashboard's
        // own filter below checks the same again.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (context, next) =>
        {
            if (!await PlatformAdminDashboardFilter.IsPlatformAdminAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(context);
        }));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new PlatformAdminDashboardFilter()],
            DashboardTitle = "AlexaLinkHub jobs",
            AppPath = "/admin",
            // The page must never show the database's connection string (it carries the password).
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}

/// <summary>A principal of the admin cookie scheme with the platform-admin claim. Until the admin UI registers that scheme
/// nobody qualifies.</summary>
internal sealed class PlatformAdminDashboardFilter : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context) => IsPlatformAdminAsync(context.GetHttpContext());

    public static async Task<bool> IsPlatformAdminAsync(HttpContext http)
    {
        var schemes = http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        if (await schemes.GetSchemeAsync(AdminAuthentication.Scheme) is null)
            return false;
        var result = await http.AuthenticateAsync(AdminAuthentication.Scheme);
        return result.Succeeded
            && result.Principal.HasClaim(c => c.Type == SessionClaims.PlatformAdmin && string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));
    }
}
