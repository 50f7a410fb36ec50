using AlexaLinkHub.Application.Common.Models;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>A link's lifetime in the words of the page's language ("one hour", "3 Tage"), from the configured value.</summary>
internal static class LifetimeText
{
    public static string Describe(TimeSpan lifetime, IStringLocalizer<SharedResource> text) => Lifetime.Of(lifetime) switch
    {
        { Unit: LifetimeUnit.Days, Count: 1 } => text["Duration.Day"],
        { Unit: LifetimeUnit.Days } days => text["Duration.Days", days.Count],
        { Unit: LifetimeUnit.Hours, Count: 1 } => text["Duration.Hour"],
        { Unit: LifetimeUnit.Hours } hours => text["Duration.Hours", hours.Count],
        { Count: 1 } => text["Duration.Minute"],
        var minutes => text["Duration.Minutes", minutes.Count],
    };
}
