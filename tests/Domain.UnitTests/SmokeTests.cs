using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Domain.UnitTests;

public class SmokeTests
{
    [Fact]
    public void Slug_Valid_IsAccepted() => Assert.Equal("acme", TenantSlug.Validate("acme"));
}
