using FluentValidation;

namespace AlexaLinkHub.Application.Tenants;

public sealed class UpdateTenantValidator : AbstractValidator<UpdateTenant>
{
    public UpdateTenantValidator()
    {
        RuleFor(x => x.Status)
            .Must(status => status is null || TenantStatusNames.TryParse(status, out _))
            .WithMessage($"Status must be '{TenantStatusNames.Active}' or '{TenantStatusNames.Suspended}'.");
    }
}
