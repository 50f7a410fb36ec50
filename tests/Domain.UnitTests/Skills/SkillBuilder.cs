using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

/// <summary>A valid skill registration with one thing changed per test.</summary>
internal static class SkillBuilder
{
    public const string AlexaRedirectUrl = "https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA";
    public const string InitialSecretHash = "hash-of-secret-1";

    public static readonly Guid TenantId = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");

    public static Skill Register(
        IEnumerable<SkillScope>? scopes = null,
        IEnumerable<string>? domains = null,
        IEnumerable<string>? redirectUrls = null,
        GrantType grantType = GrantType.Implicit,
        TimeSpan? accessTokenLifetime = null,
        string name = "CarFu",
        string clientId = "carfu-skill",
        Guid? tenantId = null,
        string clientSecretHash = InitialSecretHash) =>
        Skill.Register(
            tenantId ?? TenantId,
            name,
            clientId,
            grantType,
            scopes ?? [SkillScope.Create("order_car", "order a taxi on your behalf")],
            domains ?? ["cdn.carfu.com"],
            redirectUrls ?? [AlexaRedirectUrl],
            accessTokenLifetime,
            clientSecretHash,
            TestTime.Now);

    public static IEnumerable<SkillScope> Scopes(int count) =>
        Enumerable.Range(1, count).Select(i => SkillScope.Create($"scope{i}", $"do thing {i}", i - 1));

    public static IEnumerable<string> Domains(int count) =>
        Enumerable.Range(1, count).Select(i => $"cdn{i}.carfu.com");

    public static IEnumerable<string> RedirectUrls(int count) =>
        Enumerable.Range(1, count).Select(i => $"{AlexaRedirectUrl}{i}");
}
