using AlexaLinkHub.Application.Common.Interfaces;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

/// <summary>The redirect URLs the Alexa developer console shows for a vendor: one per Alexa region (North America,
/// Europe, Far East), each in Amazon's two forms. The vendor keeps the ones their own console lists — redirect URLs are
/// compared byte for byte, so a URL the console does not show is harmless but useless.</summary>
public sealed record SuggestAlexaRedirectUrls(string VendorId) : IQuery<IReadOnlyList<string>>, IPublicRequest;

public sealed class SuggestAlexaRedirectUrlsValidator : AbstractValidator<SuggestAlexaRedirectUrls>
{
    public SuggestAlexaRedirectUrlsValidator() =>
        RuleFor(x => x.VendorId)
            .Must(id => AlexaRedirectUrls.IsVendorId(id?.Trim()))
            .WithMessage("Enter your Vendor ID from the Alexa developer console: letters and digits, like M2AAAAAAAAAAAA.");
}

public sealed class SuggestAlexaRedirectUrlsHandler : IQueryHandler<SuggestAlexaRedirectUrls, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(SuggestAlexaRedirectUrls query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AlexaRedirectUrls.For(query.VendorId.Trim()));
}

public static class AlexaRedirectUrls
{
    /// <summary>The hosts of Alexa's regions: North America, Europe and India, Far East.</summary>
    public static readonly IReadOnlyList<string> Hosts = ["pitangui.amazon.com", "layla.amazon.com", "alexa.amazon.co.jp"];

    public static bool IsVendorId(string? value) =>
        value is { Length: >= 6 and <= 40 } && value.All(char.IsAsciiLetterOrDigit);

    public static IReadOnlyList<string> For(string vendorId) =>
    [
        .. Hosts.Select(host => $"https://{host}/api/skill/link/{vendorId}"),
        .. Hosts.Select(host => $"https://{host}/spa/skill/account-linking-status.html?vendorId={vendorId}"),
    ];
}
