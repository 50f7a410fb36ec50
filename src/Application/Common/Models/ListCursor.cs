using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace AlexaLinkHub.Application.Common.Models;

/// <summary>A keyset-paged list as one request sees it: which list, in which tenant (null: the platform's), with which
/// filters. A cursor carries its fingerprint, so one taken from another list, tenant or search is refused (400) instead
/// of being read as a position in this one.</summary>
public sealed record ListScope(string List, Guid? TenantId, params string?[] Filters)
{
    internal string Fingerprint =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', [List, TenantId?.ToString() ?? "-", .. Filters.Select(f => f ?? "\0")]))).AsSpan(0, 12));
}

/// <summary>Where a page starts — after (or before) a cursor's row, at an older page number's offset, or at the start —
/// and which number it has.</summary>
public sealed record PageRequest<TKey>(int Number, KeysetRead<TKey> Read) where TKey : class
{
    public int Size => Read.Size;
}

/// <summary>The opaque <c>after</c> cursor of a keyset-paged list (ADR 020): base64url JSON of the page number, the
/// direction, the sort key of the row to continue from and the list's fingerprint. Opaque to clients by contract.</summary>
public static class ListCursor
{
    /// <summary>Counting stops here: beyond, a page says "more than" (<see cref="Page{T}.TotalIsExact"/> false).</summary>
    public const int CountCap = 10_000;

    public const string Field = "after";

    private sealed record Payload(int P, bool B, string[] K, string F);

    /// <summary>The page <paramref name="after"/> names (it wins over a page number), else page <paramref name="page"/>,
    /// else the first. A cursor that does not decode, or is another list's, is a validation error on <c>after</c>.</summary>
    public static PageRequest<TKey> Request<TKey>(ListScope scope, string? after, int? page, int? pageSize, Func<string[], TKey?> parseKey) where TKey : class
    {
        var (number, size) = Paging.Normalize(page, pageSize);
        if (string.IsNullOrEmpty(after))
            return new(number, new KeysetRead<TKey>(size, Skip: (number - 1) * size));
        var payload = Decode(after);
        var key = payload is { P: > 0 } && payload.F == scope.Fingerprint ? Parse(parseKey, payload.K) : null;
        if (key is null)
            throw new ValidationException([new ValidationFailure(Field, "This cursor is not one of this list's: start again from the first page.")]);
        return new(payload!.P, new KeysetRead<TKey>(size, key, payload.B));
    }

    /// <summary>The page for <paramref name="rows"/>, with the cursors of its neighbours and the count (capped).</summary>
    public static Page<TOut> Page<T, TKey, TOut>(ListScope scope, PageRequest<TKey> request, KeysetRows<T> rows, int counted, Func<T, string[]> keyOf, Func<T, TOut> map)
        where TKey : class
    {
        var backward = request.Read.Backward;
        // Read backwards to the start: this is the first page, whatever number the cursor carried.
        var number = backward && !rows.HasMore ? 1 : request.Number;
        var hasNext = backward || rows.HasMore;
        var hasPrevious = backward ? rows.HasMore : number > 1;
        var items = rows.Items;
        return new Page<TOut>(items.Select(map).ToList(), number, request.Size, Math.Min(counted, CountCap))
        {
            Next = hasNext && items.Count > 0 ? Encode(scope, number + 1, backward: false, keyOf(items[^1])) : null,
            // Numbers are the pages followed: rows added before the first page can give page 1 a previous one, also page 1.
            Previous = hasPrevious && items.Count > 0 ? Encode(scope, Math.Max(1, number - 1), backward: true, keyOf(items[0])) : null,
            TotalIsExact = counted <= CountCap,
        };
    }

    private static string Encode(ListScope scope, int number, bool backward, string[] key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Payload(number, backward, key, scope.Fingerprint)));

    private static Payload? Decode(string cursor)
    {
        try
        {
            return JsonSerializer.Deserialize<Payload>(Base64Url.DecodeFromChars(cursor));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static TKey? Parse<TKey>(Func<string[], TKey?> parseKey, string[]? key) where TKey : class
    {
        if (key is null || key.Any(k => k is null))
            return null;
        try
        {
            return parseKey(key);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
