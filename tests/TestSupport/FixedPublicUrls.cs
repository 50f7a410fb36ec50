using AlexaLinkHub.Application.Common.Interfaces;

namespace AlexaLinkHub.TestSupport;

public sealed class FixedPublicUrls(string baseUrl) : IPublicUrls
{
    public Uri BaseUrl { get; } = new(baseUrl.TrimEnd('/') + "/");
}
