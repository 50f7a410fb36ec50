using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Application.Skills;

/// <summary>Keeps the OAuth server's client registration of a skill in step with the skill: redirect URLs, grant type,
/// scopes, secret hashes and enabled state. Called inside the command's transaction, so the two never disagree.</summary>
public interface IOAuthClientRegistry
{
    Task SyncAsync(Skill skill, CancellationToken cancellationToken);
}
