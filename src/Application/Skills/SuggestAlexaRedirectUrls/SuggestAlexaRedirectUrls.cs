using AlexaLinkHub.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

/// <summary>The redirect URLs the Alexa developer console shows for a vendor: one per Alexa region (North America,
/// Europe, Far East), each in Amazon's two forms. The vendor keeps the ones their own console lists — redirect URLs are
/// compared byte for byte, so a URL the console does not show is harmless but useless.</summary>
public sealed record SuggestAlexaRedirectUrls(string VendorId) : IQuery<AlexaRedirectUrlSet>, IPublicRequest;

/// <summary>The implicit grant returns to Amazon's account-linking status page (the token rides in its fragment); the
/// authorization code grant returns to Amazon's link API (see the Alexa account-linking reference, "Redirect URLs").</summary>
public sealed record AlexaRedirectUrlSet(IReadOnlyList<string> Implicit, IReadOnlyList<string> AuthorizationCode)
{
    public IReadOnlyList<string> All() => [.. AuthorizationCode, .. Implicit];
}

public sealed class SuggestAlexaRedirectUrlsValidator : AbstractValidator<SuggestAlexaRedirectUrls>
{
    public SuggestAlexaRedirectUrlsValidator() =>
        RuleFor(x => x.VendorId)
            .Must(id => AlexaRedirectUrls.IsVendorId(id?.Trim()))
            .WithMessage("Enter your Vendor ID from the Alexa developer console: letters and digits, like M2AAAAAAAAAAAA.");
}

public sealed class SuggestAlexaRedirectUrlsHandler : IQueryHandler<SuggestAlexaRedirectUrls, AlexaRedirectUrlSet>
{
    public ValueTask<AlexaRedirectUrlSet> Handle(SuggestAlexaRedirectUrls query, CancellationToken cancellationToken)
    {
        var vendorId = query.VendorId.Trim();
        return ValueTask.FromResult(new AlexaRedirectUrlSet(AlexaRedirectUrls.Implicit(vendorId), AlexaRedirectUrls.AuthorizationCode(vendorId)));
    }
}

public static class AlexaRedirectUrls
{
    /// <summary>The hosts of Alexa's regions: North America, Europe and India, Far East.</summary>
    public static readonly IReadOnlyList<string> Hosts = ["pitangui.amazon.com", "layla.amazon.com", "alexa.amazon.co.jp"];

    public static bool IsVendorId(string? value) =>
        value is { Length: >= 6 and <= 40 } && value.All(char.IsAsciiLetterOrDigit);

    public static IReadOnlyList<string> AuthorizationCode(string vendorId) => [.. Hosts.Select(host => $"https://{host}/api/skill/link/{vendorId}")];

    public static IReadOnlyList<string> Implicit(string vendorId) =>
        [.. Hosts.Select(host => $"https://{host}/spa/skill/account-linking-status.html?vendorId={vendorId}")];
}
