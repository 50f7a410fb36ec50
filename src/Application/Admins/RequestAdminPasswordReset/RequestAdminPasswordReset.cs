using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>"Forgot password?" on the admin sign-in page: an enabled admin with this email gets a single-use link to
/// choose a new password (valid <see cref="AdminSignInOptions.PasswordResetLifetime"/>), built from
/// <c>App:PublicBaseUrl</c>, never from the request. The caller learns nothing: an unknown email looks the same.</summary>
public sealed record RequestAdminPasswordReset : ICommand, IAdminSignInRequest
{
    public required string Email { get; init; }
}

public sealed class RequestAdminPasswordResetValidator : AbstractValidator<RequestAdminPasswordReset>
{
    public RequestAdminPasswordResetValidator() =>
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email.").MaximumLength(320).EmailAddress().WithMessage("Enter a valid email address.");
}

public sealed class RequestAdminPasswordResetHandler(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IEmailOutbox outbox,
    IPublicUrls urls,
    IAuditLog audit,
    IOptions<AdminSignInOptions> options) : ICommandHandler<RequestAdminPasswordReset>
{
    public async ValueTask<Unit> Handle(RequestAdminPasswordReset command, CancellationToken cancellationToken)
    {
        var admin = await admins.FindByEmailAsync(command.Email, cancellationToken);
        if (admin is not { Enabled: true })
        {
            audit.Record(AuditActions.AdminPasswordResetRequested, AuditTarget.UnknownAdmin);
            return Unit.Value;
        }
        var link = $"{urls.BaseUrl.ToString().TrimEnd('/')}/admin/reset-password?token={Uri.EscapeDataString(tokens.CreatePasswordReset(admin))}";
        outbox.Enqueue(AdminEmails.PasswordReset(admin.Email, link, options.Value.PasswordResetLifetime));
        audit.Record(AuditActions.AdminPasswordResetRequested, AuditTarget.Admin(admin.Email));
        return Unit.Value;
    }
}
