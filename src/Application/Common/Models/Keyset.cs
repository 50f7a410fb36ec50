namespace AlexaLinkHub.Application.Common.Models;

/// <summary>One read of a keyset-paged list: up to <see cref="Size"/> rows after the row at <see cref="From"/> in the
/// list's order (or, <see cref="Backward"/>, before it); no <see cref="From"/>: from the start. <see cref="Skip"/> serves
/// the API's older page numbers (an OFFSET from the start), fine for the first pages only.</summary>
public sealed record KeysetRead<TKey>(int Size, TKey? From = null, bool Backward = false, int Skip = 0) where TKey : class
{
    /// <summary>The first <paramref name="size"/> rows (an export, the dashboard's latest events).</summary>
    public static KeysetRead<TKey> First(int size) => new(size);
}

/// <summary>The rows read, in the list's order, and whether more lie beyond them in the direction read.</summary>
public sealed record KeysetRows<T>(IReadOnlyList<T> Items, bool HasMore)
{
    /// <summary>From a query that asked for one row more than <paramref name="size"/>, in the direction read.</summary>
    public static KeysetRows<T> Of(List<T> rows, int size, bool backward)
    {
        var hasMore = rows.Count > size;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);
        if (backward)
            rows.Reverse();
        return new KeysetRows<T>(rows, hasMore);
    }
}
