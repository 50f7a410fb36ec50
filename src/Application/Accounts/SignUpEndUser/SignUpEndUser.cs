using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>An end user creates an account on the tenant's pages, usually in the middle of linking a skill. Where the
/// tenant requires email confirmation, an email that has an account already gets the same answer as a new one (after the
/// same work: one password hash) and its owner an email "you already have an account — reset your password?": the page
/// never tells who has an account. Without confirmation the new account is signed in at once, so a taken email has to
/// be said (<see cref="SignUpStatus.EmailTaken"/>): the trade-off a tenant accepts by turning confirmation off.</summary>
public sealed record SignUpEndUser : ICommand<SignUpOutcome>, ITenantPublicRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Where to resume after confirming the email (the pending authorization request), if confirmation is on.</summary>
    public string? ReturnUrl { get; init; }
}

public enum SignUpStatus
{
    Succeeded,
    ConfirmationSent,
    EmailTaken,
    SignUpDisabled,
}

public sealed record SignUpOutcome(SignUpStatus Status, Guid? UserId);

public sealed class SignUpEndUserValidator : AbstractValidator<SignUpEndUser>
{
    public SignUpEndUserValidator()
    {
        // Codes, so that the sign-up page words each refusal in the user's language.
        RuleFor(x => x.Email).Custom((email, context) =>
        {
            try
            {
                EmailAddress.Validate(email);
            }
            catch (Domain.Common.DomainException ex)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, ex.Message) { ErrorCode = EmailAddress.InvalidCode });
            }
        });
        RuleFor(x => x.Password).AcceptablePassword();
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Enter your name.").WithErrorCode(EndUser.InvalidDisplayNameCode)
            .MaximumLength(EndUser.DisplayNameMaxLength).WithMessage($"Use at most {EndUser.DisplayNameMaxLength} characters.").WithErrorCode(EndUser.InvalidDisplayNameCode);
    }
}

public sealed class SignUpEndUserHandler(
    ITenantRepository tenants,
    IEndUserRepository users,
    IPasswordHasher hasher,
    IUserTokens tokens,
    IAccountEmails emails,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<SignUpEndUser, SignUpOutcome>
{
    public async ValueTask<SignUpOutcome> Handle(SignUpEndUser command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken);
        if (tenant is not { SignUpEnabled: true })
            return new SignUpOutcome(SignUpStatus.SignUpDisabled, null);
        var hash = hasher.Hash(command.Password);
        if (await users.FindByEmailAsync(command.Email, cancellationToken) is { } existing)
        {
            if (!tenant.EmailConfirmationRequired)
                return new SignUpOutcome(SignUpStatus.EmailTaken, null);
            if (existing.Enabled)
            {
                var reset = AccountLinks.Build(urls, tenant.Slug, "reset-password", tokens.Create(existing, UserTokenPurpose.PasswordReset), command.ReturnUrl);
                emails.QueueExistingAccount(tenant, existing, reset);
            }
            audit.Record(AuditActions.UserSignUpWithExistingEmail, AuditTarget.User(existing.Id));
            return new SignUpOutcome(SignUpStatus.ConfirmationSent, null);
        }

        var user = EndUser.Create(tenant.Id, command.Email, command.DisplayName, hash, null, clock.GetUtcNow());
        users.Add(user);
        audit.Record(AuditActions.UserSignedUp, AuditTarget.User(user.Id));

        if (!tenant.EmailConfirmationRequired)
            return new SignUpOutcome(SignUpStatus.Succeeded, user.Id);

        var link = AccountLinks.Build(urls, tenant.Slug, TenantPaths.ConfirmEmail, tokens.Create(user, UserTokenPurpose.EmailConfirmation), command.ReturnUrl);
        emails.QueueEmailConfirmation(tenant, user, link);
        return new SignUpOutcome(SignUpStatus.ConfirmationSent, user.Id);
    }
}
