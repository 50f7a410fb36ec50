using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Users;

namespace AlexaLinkHub.Application.UnitTests.Support;

/// <summary>Valid requests to start from; each test changes only what it is about.</summary>
public static class Requests
{
    public const string AlexaRedirect = "https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA";
    public const string AlexaRedirectEu = "https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA";

    public static RegisterSkill Skill(string? clientId = null, string name = "Taxi") => new()
    {
        ClientId = clientId,
        Name = name,
        GrantType = "authorization_code",
        Scopes = [new SkillScopeDto("taxi.order", "order a taxi on your behalf"), new SkillScopeDto("taxi.status", "see where your taxi is")],
        Domains = ["cdn.example.com"],
        RedirectUrls = [AlexaRedirect, AlexaRedirectEu],
    };

    public static CreateEndUser User(string email, string displayName = "Jo Doe", string? externalId = null) => new()
    {
        Email = email,
        Password = "correct horse battery",
        DisplayName = displayName,
        ExternalId = externalId,
    };
}
