using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Writes a skill's OAuth client registration from the skill itself. Nothing is saved here: the command's
/// transaction saves the skill, its client and its audit event together.</summary>
internal sealed class OAuthClientRegistry(AppDbContext db, IOpenIddictApplicationManager applications, TimeProvider clock) : IOAuthClientRegistry
{
    public async Task SyncAsync(Skill skill, CancellationToken cancellationToken)
    {
        var application = await db.Set<OAuthApplication>().FirstOrDefaultAsync(a => a.ClientId == skill.ClientId, cancellationToken);
        if (application is null)
        {
            application = new OAuthApplication { TenantId = skill.TenantId };
            db.Add(application);
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = skill.ClientId,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = skill.Name,
            // Already a SHA-256 (see SkillApplicationManager); Populate copies it as is.
            ClientSecret = skill.ClientSecretHash,
        };
        foreach (var url in skill.RedirectUrls)
            descriptor.RedirectUris.Add(new Uri(url, UriKind.Absolute));
        foreach (var permission in Permissions(skill))
            descriptor.Permissions.Add(permission);

        await applications.PopulateAsync(application, descriptor, cancellationToken);
        application.Enabled = skill.Enabled;
        var overlap = skill.IsPreviousSecretValid(clock.GetUtcNow());
        application.PreviousClientSecret = overlap ? skill.PreviousClientSecretHash : null;
        application.PreviousClientSecretValidUntil = overlap ? skill.PreviousSecretValidUntil : null;
    }

    /// <summary>What the skill may do: its grant type's endpoints and response type, and exactly its own scopes.</summary>
    internal static IEnumerable<string> Permissions(Skill skill)
    {
        yield return OpenIddictConstants.Permissions.Endpoints.Authorization;
        yield return OpenIddictConstants.Permissions.Endpoints.Introspection;
        yield return OpenIddictConstants.Permissions.Endpoints.Revocation;
        if (skill.GrantType == GrantType.Implicit)
        {
            yield return OpenIddictConstants.Permissions.GrantTypes.Implicit;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Token;
        }
        else
        {
            yield return OpenIddictConstants.Permissions.Endpoints.Token;
            yield return OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode;
            yield return OpenIddictConstants.Permissions.GrantTypes.RefreshToken;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Code;
        }
        foreach (var scope in skill.Scopes)
            yield return OpenIddictConstants.Permissions.Prefixes.Scope + scope.Name;
    }
}
