using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

public interface IAdminUserRepository
{
    Task<AdminUser?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<bool> AnyPlatformAdminAsync(CancellationToken cancellationToken);

    void Add(AdminUser admin);
}
