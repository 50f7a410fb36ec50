namespace AlexaLinkHub.Domain.Common;

/// <summary>An invariant of the domain was violated. <see cref="Field"/> names the input at fault (camelCase), when one is.</summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
