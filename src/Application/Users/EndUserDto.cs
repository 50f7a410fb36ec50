using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Users;

public sealed record EndUserDto(
    Guid Id,
    string Email,
    string DisplayName,
    string? ExternalId,
    bool Enabled,
    bool EmailConfirmed,
    DateTimeOffset CreatedAt)
{
    public static EndUserDto From(EndUser user) =>
        new(user.Id, user.Email, user.DisplayName, user.ExternalId, user.Enabled, user.EmailConfirmed, user.CreatedAt);
}
