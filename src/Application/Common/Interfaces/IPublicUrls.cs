namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>The externally visible addresses (configuration <c>App:PublicBaseUrl</c>), used in the URIs we report to
/// vendors and in emails — never derived from a request's Host header.</summary>
public interface IPublicUrls
{
    Uri BaseUrl { get; }

    /// <summary><c>App:PublicBaseUrl</c> when it is configured (then also the base of every tenant's issuer, whatever
    /// host a request arrived on), else null.</summary>
    Uri? ConfiguredBaseUrl => null;

    string TenantUrl(string slug, string relativePath) =>
        $"{BaseUrl.GetLeftPart(UriPartial.Authority)}{BaseUrl.AbsolutePath.TrimEnd('/')}/t/{Uri.EscapeDataString(slug)}/{relativePath.TrimStart('/')}";
}
