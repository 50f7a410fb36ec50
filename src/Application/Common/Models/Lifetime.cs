namespace AlexaLinkHub.Application.Common.Models;

public enum LifetimeUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>How long a link in an email works, as a person says it: the largest whole unit (7 days, 1 hour, 90 minutes).
/// Computed from the configured lifetime, so an email never states a lifetime configuration has changed.</summary>
public readonly record struct Lifetime(LifetimeUnit Unit, int Count)
{
    public static Lifetime Of(TimeSpan lifetime)
    {
        if (lifetime >= TimeSpan.FromDays(1) && lifetime.Ticks % TimeSpan.TicksPerDay == 0)
            return new(LifetimeUnit.Days, (int)lifetime.TotalDays);
        if (lifetime >= TimeSpan.FromHours(1) && lifetime.Ticks % TimeSpan.TicksPerHour == 0)
            return new(LifetimeUnit.Hours, (int)lifetime.TotalHours);
        return new(LifetimeUnit.Minutes, Math.Max(1, (int)Math.Ceiling(lifetime.TotalMinutes)));
    }

    /// <summary>In English, for the admin area's emails ("7 days", "one hour").</summary>
    public override string ToString() => (Unit, Count) switch
    {
        (LifetimeUnit.Days, 1) => "one day",
        (LifetimeUnit.Hours, 1) => "one hour",
        (LifetimeUnit.Minutes, 1) => "one minute",
        _ => $"{Count} {Unit.ToString().ToLowerInvariant()}",
    };
}
