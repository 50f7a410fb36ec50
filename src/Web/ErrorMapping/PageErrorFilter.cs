using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>Every page (admin and tenant): what the application refuses outside a form — a skill, user or token id of
/// another tenant (404), an action the actor may not take (403) — is answered with <see cref="AppError"/>'s status, as
/// a status page, instead of an error; an admin whose proof of identity is too old for a dangerous action is sent to prove
/// it, then back to the page. It runs first, so it also covers the other filters (entering a tenant's scope).</summary>
internal sealed class PageErrorFilter : IAsyncPageFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && AppError.From(exception) is { IsFormError: false } error)
        {
            var http = context.HttpContext;
            executed.Result = error.StepUp
                ? new LocalRedirectResult(QueryHelpers.AddQueryString(Admin.AdminPaths.StepUp, "returnUrl",
                    Admin.AdminPaths.SafeReturnUrl(http.Request.Path + http.Request.QueryString) ?? Admin.AdminPaths.Root))
                : new StatusCodeResult(error.Status);
            executed.ExceptionHandled = true;
        }
    }
}
