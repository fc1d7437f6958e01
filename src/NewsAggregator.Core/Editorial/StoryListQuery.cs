using System.Globalization;

namespace NewsAggregator.Core.Editorial;

/// <summary>The orders of the stories page.</summary>
public enum StorySort
{
    /// <summary>Latest member first (index stories_newest).</summary>
    Newest,
    /// <summary>Most members first (index stories_members).</summary>
    Biggest,
    /// <summary>Most members per day of the story's life first (index stories_growth, migration 0005).</summary>
    Growing,
}

/// <summary>
/// Where a page of stories ends: the sort key and id of its last row. The next page starts strictly after it
/// (keyset paging), so a deep page costs what the first one does. Written "KEY.ID" (both integers) in URLs.
/// </summary>
public readonly record struct StoryCursor(long Key, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Key}.{Id}");

    public static bool TryParse(string? text, out StoryCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text))
            return false;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !long.TryParse(text.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !long.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return false;
        cursor = new StoryCursor(key, id);
        return true;
    }
}

/// <summary>What the stories page asks for: order, filters and where the page starts.</summary>
public sealed record StoryListQuery
{
    public StorySort Sort { get; init; } = StorySort.Newest;
    /// <summary>Only stories with a member from this outlet.</summary>
    public string? OutletId { get; init; }
    /// <summary>Only stories with a member seen at or after this time (their newest member is not older).</summary>
    public long? SinceMs { get; init; }
    /// <summary>Only stories that began before this time.</summary>
    public long? UntilMs { get; init; }
    /// <summary>Only stories with at least one member of this relation (duplicate, rewrite, related).</summary>
    public string? Relation { get; init; }
    /// <summary>Words that must all occur in the title or body of a member (full-text search).</summary>
    public string? Search { get; init; }
    public StoryCursor? After { get; init; }
    public int Limit { get; init; } = 50;

    public static readonly IReadOnlyList<string> Relations = ["duplicate", "rewrite", "related"];

    public static bool TryParseSort(string? text, out StorySort sort)
    {
        sort = StorySort.Newest;
        switch (text)
        {
            case null or "" or "newest":
                return true;
            case "biggest":
                sort = StorySort.Biggest;
                return true;
            case "growing":
                sort = StorySort.Growing;
                return true;
            default:
                return false;
        }
    }

    public static string Name(StorySort sort) => sort switch { StorySort.Biggest => "biggest", StorySort.Growing => "growing", _ => "newest" };

    /// <summary>
    /// The search box's words as an FTS5 query: each word quoted as a string (so that no word is read as an
    /// operator or column filter: "NOT", "title:", a stray quote), all required. Null when no word is left.
    /// </summary>
    public static string? FtsMatch(string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
            return null;
        var words = search.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c)).ToArray()))
            .Where(w => w.Length > 0)
            .Take(16)
            .Select(w => "\"" + w + "\"")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}

/// <summary>One row of the stories page.</summary>
public sealed record StoryListRow
{
    public long Id { get; init; }
    public string Headline { get; init; } = "";
    public int Members { get; init; }
    public int Outlets { get; init; }
    public long OldestMs { get; init; }
    public long NewestMs { get; init; }
    public string? OriginOutletId { get; init; }
    public string? OriginOutletName { get; init; }
    public bool OriginExternal { get; init; }
    public long? OriginArticleId { get; init; }
    public int Duplicates { get; init; }
    public int Rewrites { get; init; }
    public int Related { get; init; }
    /// <summary>The sort key of the page this row was read for (newest_ms, members or growth per day).</summary>
    public long SortKey { get; init; }

    /// <summary>In words: single report, mostly copies, independent reports or mixed.</summary>
    public string Character => StoryCharacter.Describe(Members, Duplicates, Rewrites, Related);
}

/// <summary>A page of stories and where the next one starts (null on the last page).</summary>
public sealed record StoryListPage(IReadOnlyList<StoryListRow> Stories, StoryCursor? Next);
