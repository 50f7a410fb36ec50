using System.Globalization;

using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Audit;

/// <summary>What an audit event records beyond its action and target: named facts, never a secret. Written in the one
/// format the trail has always shown and readers search — <c>name=value; name=value</c> (lists space-separated, times in
/// ISO 8601).</summary>
public sealed class AuditDetails
{
    private readonly List<KeyValuePair<string, string>> _facts = [];

    private AuditDetails()
    {
    }

    public IReadOnlyList<KeyValuePair<string, string>> Facts => _facts;

    public static AuditDetails Of(string name, object? value) => new AuditDetails().And(name, value);

    public AuditDetails And(string name, object? value)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('=') || name.Contains(';'))
            throw new DomainException("An audit fact has a plain name.");
        _facts.Add(new(name, Format(value)));
        return this;
    }

    public override string ToString() => string.Join("; ", _facts.Select(f => $"{f.Key}={f.Value}"));

    /// <summary>The first fact named <paramref name="name"/> in details written by <see cref="ToString"/>, or null. The
    /// first wins: a value quoted from a request (which may itself hold "; name=") comes after the facts we wrote.</summary>
    public static string? Read(string? details, string name)
    {
        if (details is null)
            return null;
        var prefix = name + "=";
        foreach (var fact in details.Split("; "))
        {
            if (fact.StartsWith(prefix, StringComparison.Ordinal))
                return fact[prefix.Length..];
        }
        return null;
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable<string> values => string.Join(' ', values),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
