using System.Globalization;
using NewsAggregator.Core.Editorial;

namespace NewsAggregator.Web;

/// <summary>The stories page's query string (shared by the page and /api/stories), checked with a message naming the parameter.</summary>
public static class StoryListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryParse(string? sort, string? outlet, string? since, string? until, string? relation, string? q, string? after, int? limit,
        out StoryListQuery query, out string error)
    {
        query = new StoryListQuery();
        error = "";
        if (!StoryListQuery.TryParseSort(sort, out var order))
        {
            error = "sort must be newest, biggest or growing";
            return false;
        }
        if (!TryDay(since, out var sinceMs))
        {
            error = "since must be a date written YYYY-MM-DD";
            return false;
        }
        if (!TryDay(until, out var untilMs))
        {
            error = "until must be a date written YYYY-MM-DD";
            return false;
        }
        if (!string.IsNullOrEmpty(relation) && !StoryListQuery.Relations.Contains(relation))
        {
            error = "relation must be duplicate, rewrite or related";
            return false;
        }
        StoryCursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (!StoryCursor.TryParse(after, out var c))
            {
                error = "after must be a cursor from a previous page";
                return false;
            }
            cursor = c;
        }
        if (limit is < 1 or > MaxLimit)
        {
            error = $"limit must be between 1 and {MaxLimit}";
            return false;
        }
        query = new StoryListQuery
        {
            Sort = order,
            OutletId = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(),
            SinceMs = sinceMs,
            // "until 2026-11-25" includes that day.
            UntilMs = untilMs + (untilMs is null ? 0 : 86_400_000),
            Relation = string.IsNullOrEmpty(relation) ? null : relation,
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            After = cursor,
            Limit = limit ?? DefaultLimit,
        };
        return true;
    }

    private static bool TryDay(string? text, out long? ms)
    {
        ms = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return false;
        ms = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>The query string of <paramref name="query"/> with another cursor (for the next link); empty values left out.</summary>
    public static string QueryString(StoryListQuery query, StoryCursor? after, string? since, string? until)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        if (query.Sort != StorySort.Newest)
            Add("sort", StoryListQuery.Name(query.Sort));
        Add("outlet", query.OutletId);
        Add("since", since);
        Add("until", until);
        Add("relation", query.Relation);
        Add("q", query.Search);
        Add("after", after?.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
