namespace AlexaLinkHub.Application.Common.Models;

/// <summary>One page of a list. <see cref="Next"/> and <see cref="Previous"/> are opaque cursors (the <c>after</c> of the
/// next request; null: no such page). <see cref="TotalCount"/> is exact when <see cref="TotalIsExact"/>; a keyset-paged
/// list counts at most <see cref="ListCursor.CountCap"/> rows and says "more" beyond.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public int TotalPages => PageSize == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public string? Next { get; init; }

    public string? Previous { get; init; }

    public bool TotalIsExact { get; init; } = true;

    public Page<TOut> Map<TOut>(Func<T, TOut> map) =>
        new(Items.Select(map).ToList(), PageNumber, PageSize, TotalCount) { Next = Next, Previous = Previous, TotalIsExact = TotalIsExact };
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static (int Page, int Size) Normalize(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
