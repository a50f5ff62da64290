using System.Globalization;

namespace Embassy.Web.Rendering;

/// <summary>
/// The size of a page of the public lists (issue #16: a month of 10,000 members is one table of 10,000 rows, megabytes
/// on a phone): <c>Public:PageSize</c> rows, 100 unless configured. The downloads keep every row.
/// </summary>
/// <param name="Size">Rows per page, at least 1.</param>
public sealed record PublicPaging(int Size)
{
    /// <summary>The default page: a hundred rows is a screenful of scrolling on a phone and a few tens of kilobytes.</summary>
    public const int DefaultSize = 100;

    /// <summary>The longest search text read; longer text is cut (a login is at most 39 characters, a name rarely 100).</summary>
    public const int MaxQuery = 100;

    /// <summary>
    /// The page numbered <paramref name="page"/> (1 when absent) of <paramref name="rows"/> kept by <paramref name="matches"/>
    /// for the search <paramref name="query"/>; null when <paramref name="page"/> is not a number or names a page the list
    /// does not have (the caller answers 404: a link to page 7 of a 3-page list is wrong, not page 3).
    /// </summary>
    public Paged<T>? Page<T>(IReadOnlyList<T> rows, string? page, string? query, Func<T, string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(matches);
        var q = Query(query);
        var kept = q is null ? rows : rows.Where(r => matches(r, q)).ToArray();
        var count = Math.Max(1, (kept.Count + Size - 1) / Size);
        var number = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > count))
        {
            return null;
        }

        var skip = (number - 1) * Size;
        var items = new T[Math.Min(Size, kept.Count - skip)];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = kept[skip + i];
        }

        return new Paged<T>(items, number, count, kept.Count, rows.Count, skip, q);
    }

    /// <summary>The search text as read: trimmed, cut to <see cref="MaxQuery"/> characters; null when empty.</summary>
    public static string? Query(string? text)
    {
        var q = text?.Trim();
        return string.IsNullOrEmpty(q) ? null : q.Length > MaxQuery ? q[..MaxQuery] : q;
    }

    /// <summary>True when <paramref name="text"/> contains <paramref name="query"/>, ignoring case (the search of the public lists).</summary>
    public static bool Contains(string? text, string query) => text?.Contains(query, StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>One page of a public list.</summary>
/// <param name="Items">The rows of this page.</param>
/// <param name="Number">This page's number, from 1.</param>
/// <param name="Count">How many pages the (searched) list has, at least 1.</param>
/// <param name="Total">Rows of the searched list.</param>
/// <param name="All">Rows of the whole list, before the search.</param>
/// <param name="Skipped">Rows before this page (the position of its first row is <c>Skipped + 1</c>).</param>
/// <param name="Query">The search text, or null.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Number, int Count, int Total, int All, int Skipped, string? Query) : IPaged
{
    /// <inheritdoc/>
    public int Shown => Items.Count;

    /// <inheritdoc/>
    public string Link(string path, int number)
    {
        var parts = new List<string>(2);
        if (Query is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Query));
        }

        if (number > 1)
        {
            parts.Add("page=" + number.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }

    /// <summary>What the page identifies in its validator: the same month's page 2 is another representation than page 1.</summary>
    public string Variant => Number.ToString(CultureInfo.InvariantCulture) + "\n" + Query;
}

/// <summary>A page of a public list as the pager shows it, whatever its rows are.</summary>
public interface IPaged
{
    /// <summary>This page's number, from 1.</summary>
    int Number { get; }

    /// <summary>How many pages the (searched) list has.</summary>
    int Count { get; }

    /// <summary>Rows of the searched list.</summary>
    int Total { get; }

    /// <summary>Rows of the whole list.</summary>
    int All { get; }

    /// <summary>Rows before this page.</summary>
    int Skipped { get; }

    /// <summary>Rows on this page.</summary>
    int Shown { get; }

    /// <summary>The search text, or null.</summary>
    string? Query { get; }

    /// <summary>The link to page <paramref name="number"/> of the list at <paramref name="path"/>, keeping the search.</summary>
    string Link(string path, int number);
}

/// <summary>
/// The pager partial's model: the page, the list's address, what its rows are ("members"), its table's id, and whether
/// it carries the search form (the pager above the table does; the one below only the links).
/// </summary>
public sealed record PagerView(IPaged Page, string Path, string Noun, string Table, bool Search = true);
