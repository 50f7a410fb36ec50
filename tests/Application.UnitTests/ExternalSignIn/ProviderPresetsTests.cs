using System.Text.Json;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.ExternalSignIn;

namespace AlexaLinkHub.Application.UnitTests.ExternalSignIn;

/// <summary>The presets cannot be reached from here: their endpoints, scopes and claim mapping are checked as data
/// against the providers' documentation.</summary>
public sealed class ProviderPresetsTests
{
    [Theory]
    [InlineData("google", "https://accounts.google.com")]
    [InlineData("apple", "https://appleid.apple.com")]
    [InlineData("microsoft", "https://login.microsoftonline.com/common/v2.0")]
    public void OpenIdConnectPresets_AreFoundByDiscoveryFromTheirIssuer(string type, string issuer)
    {
        var preset = ProviderPresets.Of(ProviderPresets.ParseType(type));

        Assert.True(preset.IsOpenIdConnect);
        Assert.Equal(issuer, preset.Issuer);
        Assert.Equal(issuer, ProviderPresets.IssuerFor(preset.Type, null));
        Assert.Contains("openid", preset.DefaultScopes);
        Assert.Contains("email", preset.DefaultScopes);
    }

    [Theory]
    [InlineData("amazon", "https://www.amazon.com/ap/oa", "https://api.amazon.com/auth/o2/token", "https://api.amazon.com/user/profile", "profile")]
    [InlineData("facebook", "https://www.facebook.com/v21.0/dialog/oauth", "https://graph.facebook.com/v21.0/oauth/access_token", "https://graph.facebook.com/v21.0/me?fields=id,name,email", "email")]
    public void OAuth2Presets_HaveFixedEndpointsAndAUserEndpoint(string type, string authorization, string token, string user, string scope)
    {
        var preset = ProviderPresets.Of(ProviderPresets.ParseType(type));

        Assert.False(preset.IsOpenIdConnect);
        Assert.Equal(authorization, preset.AuthorizationEndpoint);
        Assert.Equal(token, preset.TokenEndpoint);
        Assert.Equal(user, preset.UserEndpoint);
        Assert.Contains(scope, preset.DefaultScopes);
        Assert.Null(ProviderPresets.IssuerFor(preset.Type, null));
    }

    [Fact]
    public void Apple_AnswersWithAFormPost_AndMicrosoftChecksTheIssuerAgainstTheDirectory()
    {
        Assert.Equal("form_post", ProviderPresets.Of(IdentityProviderType.Apple).ResponseMode);
        Assert.Equal("https://login.microsoftonline.com/{tenantid}/v2.0", ProviderPresets.Of(IdentityProviderType.Microsoft).IssuerTemplate);
    }

    [Fact]
    public void GenericProvider_NeedsAnIssuer_AndAPresetRefusesAnotherOne()
    {
        Assert.Equal("issuer", Assert.Throws<DomainException>(() => ProviderPresets.IssuerFor(IdentityProviderType.Oidc, " ")).Field);
        Assert.Equal("https://idp.example.com", ProviderPresets.IssuerFor(IdentityProviderType.Oidc, "https://idp.example.com/"));
        Assert.Equal("issuer", Assert.Throws<DomainException>(() => ProviderPresets.IssuerFor(IdentityProviderType.Google, "https://evil.example")).Field);
        Assert.Equal("type", Assert.Throws<DomainException>(() => ProviderPresets.ParseType("myspace")).Field);
    }

    [Fact]
    public void Scopes_DefaultToThePresets_AndOpenIdIsAlwaysAskedOfAnOpenIdConnectProvider()
    {
        Assert.Equal(["openid", "email", "profile"], ProviderPresets.ScopesFor(IdentityProviderType.Oidc, null));
        Assert.Equal(["openid", "email"], ProviderPresets.ScopesFor(IdentityProviderType.Google, ["email"]));
        Assert.Equal(["email", "public_profile"], ProviderPresets.ScopesFor(IdentityProviderType.Facebook, []));
    }

    [Theory]
    [InlineData("google", """{"sub":"1070","email":"jo@gmail.com","email_verified":true,"name":"Jo"}""", "1070", "jo@gmail.com", true, "Jo")]
    [InlineData("microsoft", """{"sub":"AAAk","email":"jo@contoso.com","name":"Jo M"}""", "AAAk", "jo@contoso.com", false, "Jo M")]
    [InlineData("apple", """{"sub":"001.abc","email":"x@privaterelay.appleid.com","email_verified":"true"}""", "001.abc", "x@privaterelay.appleid.com", true, null)]
    [InlineData("oidc", """{"sub":"v-9","email":"jo@vendor.example","email_verified":false}""", "v-9", "jo@vendor.example", false, null)]
    [InlineData("amazon", """{"user_id":"amzn1.account.AF","email":"jo@example.com","name":"Jo A"}""", "amzn1.account.AF", "jo@example.com", false, "Jo A")]
    [InlineData("facebook", """{"id":"10158","email":"jo@example.com","name":"Jo F"}""", "10158", "jo@example.com", false, "Jo F")]
    public void Claims_AreMappedToSubjectEmailVerifiedAndName(string type, string json, string subject, string email, bool verified, string? name)
    {
        using var claims = JsonDocument.Parse(json);

        var identity = ExternalClaims.Map(ProviderPresets.ParseType(type), claims.RootElement);

        Assert.Equal(new ExternalIdentity(subject, email, verified, name), identity);
    }

    [Fact]
    public void Claims_WithoutASubject_AreNoIdentity_AndNoEmailIsNeverVerified()
    {
        using var noSubject = JsonDocument.Parse("""{"email":"jo@example.com"}""");
        using var noEmail = JsonDocument.Parse("""{"sub":"s","email_verified":true}""");

        Assert.Null(ExternalClaims.Map(IdentityProviderType.Google, noSubject.RootElement));
        Assert.Equal(new ExternalIdentity("s", null, false, null), ExternalClaims.Map(IdentityProviderType.Google, noEmail.RootElement));
    }
}
