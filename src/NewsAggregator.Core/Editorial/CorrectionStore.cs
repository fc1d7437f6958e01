using Dapper;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Editorial;

/// <summary>What an editor can correct.</summary>
public enum CorrectionKind
{
    /// <summary>Two stories are one: <see cref="CorrectionRequest.OtherStoryId"/> joins <see cref="CorrectionRequest.StoryId"/> (the older id survives).</summary>
    Merge,
    /// <summary>These articles of the story are a story of their own; the two parts are never merged again.</summary>
    Split,
    /// <summary>These two articles are not the same story: never in one story (one moves out when they share one).</summary>
    CannotLink,
    /// <summary>The story's original outlet (and article, when ingested) is this one, whatever provenance concludes.</summary>
    SetOrigin,
    /// <summary>Reverts an earlier correction.</summary>
    Undo,
}

/// <summary>A correction as asked for. Which fields matter depends on <see cref="Kind"/>.</summary>
public sealed record CorrectionRequest
{
    public required CorrectionKind Kind { get; init; }
    public long? StoryId { get; init; }
    public long? OtherStoryId { get; init; }
    public IReadOnlyList<long> ArticleIds { get; init; } = [];
    public string? OutletId { get; init; }
    public long? OriginArticleId { get; init; }
    public long? Undoes { get; init; }
    public string? Note { get; init; }
}

/// <summary>A stored correction with its outcome.</summary>
public sealed record CorrectionRow
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public long? StoryId { get; init; }
    public long? OtherStoryId { get; init; }
    public string ArticleIdsJson { get; init; } = "[]";
    public string? OutletId { get; init; }
    public long? OriginArticleId { get; init; }
    public long? Undoes { get; init; }
    public string? Note { get; init; }
    public string Editor { get; init; } = "";
    public long RequestedMs { get; init; }
    /// <summary>pending (waiting for the clustering consumer), applied, rejected; replay while `recluster` has yet to apply it again.</summary>
    public string Status { get; init; } = "";
    public long? AppliedOrder { get; init; }
    public long? AppliedMs { get; init; }
    public string? ResultJson { get; init; }
    public string? Error { get; init; }
    public long? UndoneBy { get; init; }

    public IReadOnlyList<long> ArticleIds => Json.Deserialize<long[]>(ArticleIdsJson) ?? [];
}

/// <summary>
/// Editors' corrections: asked for here (stored as pending, with who and when), applied by the clustering consumer,
/// which owns the stories, at a recorded point of the clustering order that `recluster` replays.
/// </summary>
public sealed class CorrectionStore(Database database)
{
    internal const string Select = """
        SELECT id, kind, story_id, other_story_id, article_ids_json, outlet_id, origin_article_id, undoes, note, editor,
               requested_ms, status, applied_order, applied_ms, result_json, error, undone_by
        FROM corrections
        """;

    /// <summary>Checks the request's shape (not the stories: they may change before it is applied) and stores it as pending.</summary>
    /// <exception cref="ArgumentException">The request is incomplete for its kind; the message says what is missing.</exception>
    public async Task<long> RequestAsync(CorrectionRequest request, string editor, long nowMs, CancellationToken ct = default)
    {
        Validate(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        await using var connection = await database.OpenAsync(ct);
        await using var write = await database.BeginWriteAsync(connection, ct);
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO corrections (kind, story_id, other_story_id, article_ids_json, outlet_id, origin_article_id, undoes, note, editor, requested_ms)
            VALUES (@kind, @StoryId, @OtherStoryId, @articles, @OutletId, @OriginArticleId, @Undoes, @Note, @editor, @nowMs)
            RETURNING id
            """, new
        {
            kind = Name(request.Kind), request.StoryId, request.OtherStoryId, articles = Json.Serialize(request.ArticleIds.Distinct().Order().ToArray()),
            request.OutletId, request.OriginArticleId, request.Undoes, request.Note, editor, nowMs,
        }, write.Transaction);
        await write.Transaction.CommitAsync(ct);
        return id;
    }

    public async Task<CorrectionRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CorrectionRow>(new CommandDefinition($"{Select} WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Corrections made on a story or naming it (newest first), including those that moved articles out of it.</summary>
    public async Task<IReadOnlyList<CorrectionRow>> ForStoryAsync(long storyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<CorrectionRow>(new CommandDefinition($"""
            {Select}
            WHERE story_id = @storyId OR other_story_id = @storyId
               OR id IN (SELECT c.id FROM corrections c, json_each(c.result_json, '$.stories') s WHERE s.value = @storyId)
            ORDER BY id DESC
            """, new { storyId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Every correction, newest first, paged by id.</summary>
    public async Task<IReadOnlyList<CorrectionRow>> ListAsync(long? beforeId, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<CorrectionRow>(new CommandDefinition($"{Select} WHERE id < @before ORDER BY id DESC LIMIT @limit",
            new { before = beforeId ?? long.MaxValue, limit }, cancellationToken: ct))).AsList();
    }

    public static string Name(CorrectionKind kind) => ClusterStore.Name(kind);

    private static void Validate(CorrectionRequest r)
    {
        switch (r.Kind)
        {
            case CorrectionKind.Merge when r.StoryId is null || r.OtherStoryId is null:
                throw new ArgumentException("merge needs storyId and otherStoryId");
            case CorrectionKind.Merge when r.StoryId == r.OtherStoryId:
                throw new ArgumentException("merge needs two different stories");
            case CorrectionKind.Split when r.StoryId is null || r.ArticleIds.Count == 0:
                throw new ArgumentException("split needs storyId and at least one of its articleIds");
            case CorrectionKind.CannotLink when r.ArticleIds.Distinct().Count() != 2:
                throw new ArgumentException("cannot-link needs exactly two different articleIds");
            case CorrectionKind.SetOrigin when r.StoryId is null || (string.IsNullOrWhiteSpace(r.OutletId) && r.OriginArticleId is null):
                throw new ArgumentException("set-origin needs storyId and an outletId or originArticleId");
            case CorrectionKind.Undo when r.Undoes is null:
                throw new ArgumentException("undo needs the id of the correction it reverts (undoes)");
        }
    }
}
