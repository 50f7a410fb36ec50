using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Admin sign-in, step two, for an admin with a second factor: who is asking comes from the pending cookie the
/// password step set (five minutes). Without it, back to step one.</summary>
public sealed class LoginVerifyModel(ISender sender, TimeProvider clock, IStringLocalizer<SharedResource> text) : SecondFactorPageModel(sender, clock, text)
{
    protected override async Task<Subject?> SubjectAsync() =>
        await AdminPendingSignIn.ReadAsync(HttpContext) is { } pending ? new Subject(pending.AdminId, pending.SecurityStamp, pending.Email, HasMfa: true) : null;

    protected override Task OnProvedAsync() => AdminPendingSignIn.EndAsync(HttpContext);
}
