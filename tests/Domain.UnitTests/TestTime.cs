namespace AlexaLinkHub.Domain.UnitTests;

/// <summary>Fixed instants: domain methods take the time as an argument, so no test depends on the wall clock.</summary>
internal static class TestTime
{
    public static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);
}
