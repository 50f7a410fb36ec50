using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Dashboard;

/// <summary>The dashboard's (and its API's) names for why links failed. The audit trail keeps the precise reason it
/// always recorded (<see cref="LinkFailureReasons"/>); the dashboard groups those into what a vendor acts on.</summary>
public static class LinkFailureCategories
{
    public const string WrongCredentials = "wrong_credentials";
    public const string ConsentCancelled = "consent_cancelled";
    public const string InvalidRequest = "invalid_request";
    public const string LockedOut = "locked_out";
    public const string Other = "other";

    /// <summary>In the order the dashboard shows them.</summary>
    public static readonly IReadOnlyList<string> All = [WrongCredentials, ConsentCancelled, InvalidRequest, LockedOut, Other];

    public static string Of(string? reason) => reason switch
    {
        LinkFailureReasons.BadCredentials => WrongCredentials,
        LinkFailureReasons.AccessDenied or LinkFailureReasons.ExternalAccessDenied => ConsentCancelled,
        LinkFailureReasons.InvalidRequest => InvalidRequest,
        LinkFailureReasons.LockedOut => LockedOut,
        _ => Other,
    };

    /// <summary>How many of <paramref name="failures"/> fall in each category, every category listed.</summary>
    public static IReadOnlyList<FailureReasonCount> Count(IEnumerable<RecordedLinkFailure> failures)
    {
        var counts = failures.CountBy(f => Of(AuditDetails.Read(f.Details, "reason"))).ToDictionary();
        return [.. All.Select(category => new FailureReasonCount(category, counts.GetValueOrDefault(category)))];
    }
}
