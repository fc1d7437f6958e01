using System.Data.Common;
using Dapper;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Editorial;

/// <summary>What applying a correction did to the stories, for the in-memory engine to follow.</summary>
/// <param name="Moves">Articles moved, each group to one story.</param>
/// <param name="States">Every touched story's size and times after the correction (a merged-away story is absent).</param>
/// <param name="Touched">Stories whose original outlet must be worked out again.</param>
public sealed record CorrectionOutcome(bool Applied, string? Error, IReadOnlyList<(IReadOnlyList<long> Articles, long To)> Moves,
    IReadOnlyList<StoryState> States, IReadOnlyList<long> Touched)
{
    public static CorrectionOutcome Rejected(string error) => new(false, error, [], [], []);
}

/// <summary>
/// Applies one editor's correction to the stored stories, inside the clustering consumer's transaction. It keeps
/// the invariant that a story's id is the id of its first article: a split leaves the part holding that article
/// under the old id and gives the other part the id of its own first article. Splits and "not the same story" add a
/// pair to <c>story_apart</c>, which keeps the two stories from ever being merged by the clustering again.
/// </summary>
public sealed class CorrectionApplier
{
    private sealed record Result
    {
        public List<long> Stories { get; init; } = [];
        public List<long> Moved { get; init; } = [];
        public long? Into { get; init; }
        public long? Merged { get; init; }
        public long? Story { get; init; }
        public long? NewStory { get; init; }
        public long[]? Apart { get; init; }
        public OriginRow? PreviousOrigin { get; init; }
        public bool HadOrigin { get; init; }
    }

    private sealed record OriginRow(string OutletId, long? ArticleId, string Basis);

    /// <summary>Applies <paramref name="c"/>; on success the correction row is marked applied at <paramref name="order"/> with what it did.</summary>
    public async Task<CorrectionOutcome> ApplyAsync(DbConnection connection, DbTransaction tx, CorrectionRow c, long order, long nowMs, CancellationToken ct = default)
    {
        // A correction found impossible half-way (an undo whose merge is blocked) leaves nothing behind but its rejection.
        await connection.ExecuteAsync("SAVEPOINT correction", transaction: tx);
        var (outcome, result) = c.Kind switch
        {
            "merge" => await MergeAsync(connection, tx, c.StoryId!.Value, c.OtherStoryId!.Value, checkApart: true, nowMs),
            "split" => await SplitAsync(connection, tx, c.StoryId!.Value, c.ArticleIds, c.Id, nowMs),
            "cannot-link" => await CannotLinkAsync(connection, tx, c.ArticleIds, c.Id, nowMs),
            "set-origin" => await SetOriginAsync(connection, tx, c, nowMs),
            "undo" => await UndoAsync(connection, tx, c, nowMs),
            _ => (CorrectionOutcome.Rejected($"unknown kind '{c.Kind}'"), null),
        };
        await connection.ExecuteAsync(outcome.Applied ? "RELEASE correction" : "ROLLBACK TO correction; RELEASE correction", transaction: tx);
        if (outcome.Applied)
        {
            await connection.ExecuteAsync("""
                UPDATE corrections SET status = 'applied', applied_order = @order, applied_ms = @nowMs, result_json = @result, error = NULL WHERE id = @Id
                """, new { order, nowMs, result = Json.Serialize(result), c.Id }, tx);
        }
        else
        {
            await connection.ExecuteAsync("UPDATE corrections SET status = 'rejected', applied_ms = @nowMs, error = @Error WHERE id = @Id",
                new { nowMs, outcome.Error, c.Id }, tx);
        }
        return outcome;
    }

    /// <summary>
    /// The correction to apply now, if any: first those `recluster` must replay, each once the clustering order has
    /// come back to where it was first applied; then those editors asked for since, in the order asked. When the
    /// next replay lies ahead, <c>ReplayAt</c> says where, so that the consumer stops its reading there.
    /// </summary>
    public static async Task<(CorrectionRow? Now, long? ReplayAt)> NextAsync(DbConnection connection, long order, CancellationToken ct = default)
    {
        var replay = await connection.QueryFirstOrDefaultAsync<CorrectionRow>(new CommandDefinition(
            $"{CorrectionStore.Select} WHERE status = 'replay' ORDER BY applied_order, id LIMIT 1", cancellationToken: ct));
        if (replay is not null)
            return replay.AppliedOrder <= order ? (replay, null) : (null, replay.AppliedOrder);
        var pending = await connection.QueryFirstOrDefaultAsync<CorrectionRow>(new CommandDefinition(
            $"{CorrectionStore.Select} WHERE status = 'pending' ORDER BY id LIMIT 1", cancellationToken: ct));
        return (pending, null);
    }

    /// <summary>The pairs of stories kept apart now, for the engine.</summary>
    public static async Task<List<(long, long)>> ApartStoriesAsync(DbConnection connection, DbTransaction? tx)
    {
        return (await connection.QueryAsync<(long, long)>("""
            SELECT ma.story_id, mb.story_id FROM story_apart p
            JOIN story_members ma ON ma.article_id = p.article_a
            JOIN story_members mb ON mb.article_id = p.article_b
            ORDER BY p.correction_id, p.article_a, p.article_b
            """, transaction: tx)).AsList();
    }

    // A story id as shown to the editor may have been merged since: its survivor.
    private static Task<long?> LiveStoryAsync(DbConnection connection, DbTransaction tx, long storyId) =>
        connection.ExecuteScalarAsync<long?>("SELECT COALESCE(merged_into, id) FROM stories WHERE id = @storyId", new { storyId }, tx);

    private static Task<long?> StoryOfAsync(DbConnection connection, DbTransaction tx, long articleId) =>
        connection.ExecuteScalarAsync<long?>("SELECT story_id FROM story_members WHERE article_id = @articleId", new { articleId }, tx);

    private static async Task<string?> ApartReasonAsync(DbConnection connection, DbTransaction tx, long a, long b)
    {
        var id = await connection.ExecuteScalarAsync<long?>("""
            SELECT p.correction_id FROM story_apart p
            JOIN story_members ma ON ma.article_id = p.article_a
            JOIN story_members mb ON mb.article_id = p.article_b
            WHERE (ma.story_id = @a AND mb.story_id = @b) OR (ma.story_id = @b AND mb.story_id = @a)
            LIMIT 1
            """, new { a, b }, tx);
        return id is { } c ? $"stories {a} and {b} were kept apart by correction {c}; undo it first" : null;
    }

    private async Task<(CorrectionOutcome, Result?)> MergeAsync(DbConnection connection, DbTransaction tx, long storyId, long otherId, bool checkApart, long nowMs)
    {
        if (await LiveStoryAsync(connection, tx, storyId) is not { } a)
            return (CorrectionOutcome.Rejected($"story {storyId} does not exist"), null);
        if (await LiveStoryAsync(connection, tx, otherId) is not { } b)
            return (CorrectionOutcome.Rejected($"story {otherId} does not exist"), null);
        if (a == b)
            return (CorrectionOutcome.Rejected($"stories {storyId} and {otherId} are already one story ({a})"), null);
        if (checkApart && await ApartReasonAsync(connection, tx, a, b) is { } reason)
            return (CorrectionOutcome.Rejected(reason), null);
        // The older story survives, as when the clustering merges: a story's id is its first article's.
        var (into, merged) = a < b ? (a, b) : (b, a);
        var moved = (await connection.QueryAsync<long>("SELECT article_id FROM story_members WHERE story_id = @merged ORDER BY article_id", new { merged }, tx)).AsList();
        await connection.ExecuteAsync("""
            UPDATE story_members SET story_id = @into WHERE story_id = @merged;
            UPDATE stories SET merged_into = @into, updated_ms = @nowMs WHERE id = @merged OR merged_into = @merged;
            """, new { into, merged, nowMs }, tx);
        var state = await RecountAsync(connection, tx, into, nowMs);
        await MoveOriginAsync(connection, tx, merged, into);
        return (new CorrectionOutcome(true, null, [(moved, into)], [state], [into]),
            new Result { Stories = [into, merged], Moved = moved, Into = into, Merged = merged });
    }

    private async Task<(CorrectionOutcome, Result?)> SplitAsync(DbConnection connection, DbTransaction tx, long storyId, IReadOnlyList<long> articleIds, long? apartBy, long nowMs)
    {
        if (await LiveStoryAsync(connection, tx, storyId) is not { } story)
            return (CorrectionOutcome.Rejected($"story {storyId} does not exist"), null);
        var members = (await connection.QueryAsync<long>("SELECT article_id FROM story_members WHERE story_id = @story ORDER BY article_id", new { story }, tx)).AsList();
        var chosen = articleIds.Where(members.Contains).Distinct().Order().ToList();
        if (chosen.Count == 0)
            return (CorrectionOutcome.Rejected($"none of articles {string.Join(", ", articleIds)} is in story {story}"), null);
        if (chosen.Count == members.Count)
            return (CorrectionOutcome.Rejected($"articles {string.Join(", ", chosen)} are the whole of story {story}: nothing would be left"), null);
        // The part holding the story's first article keeps the story's id; the other part moves.
        var moved = chosen.Contains(story) ? members.Except(chosen).ToList() : chosen;
        var created = moved[0];
        await connection.ExecuteAsync("""
            UPDATE story_members SET story_id = @created WHERE article_id IN (SELECT value FROM json_each(@moved));
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms) VALUES (@created, 0, 0, 0, @nowMs, @nowMs)
            ON CONFLICT (id) DO UPDATE SET merged_into = NULL, updated_ms = excluded.updated_ms;
            """, new { created, moved = Json.Serialize(moved), nowMs }, tx);
        var states = new[] { await RecountAsync(connection, tx, story, nowMs), await RecountAsync(connection, tx, created, nowMs) };
        long[]? apart = null;
        if (apartBy is { } correction)
        {
            apart = [story, created];
            await connection.ExecuteAsync("INSERT INTO story_apart (correction_id, article_a, article_b) VALUES (@correction, @story, @created) ON CONFLICT DO NOTHING",
                new { correction, story, created }, tx);
        }
        return (new CorrectionOutcome(true, null, [(moved, created)], states, [story, created]),
            new Result { Stories = [story, created], Moved = moved, Story = story, NewStory = created, Apart = apart });
    }

    private async Task<(CorrectionOutcome, Result?)> CannotLinkAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<long> articles, long correction, long nowMs)
    {
        var (a, b) = (articles[0], articles[1]);
        if (await StoryOfAsync(connection, tx, a) is not { } sa)
            return (CorrectionOutcome.Rejected($"article {a} is not in any story (not clustered yet?)"), null);
        if (await StoryOfAsync(connection, tx, b) is not { } sb)
            return (CorrectionOutcome.Rejected($"article {b} is not in any story (not clustered yet?)"), null);
        Result result;
        CorrectionOutcome outcome;
        if (sa == sb)
        {
            // In one story: the second article leaves it (split keeps the story's first article where it is).
            (outcome, var split) = await SplitAsync(connection, tx, sa, [b], apartBy: null, nowMs);
            if (!outcome.Applied)
                return (outcome, null);
            result = split! with { Apart = [a, b] };
        }
        else
        {
            outcome = new CorrectionOutcome(true, null, [], [], []);
            result = new Result { Stories = [sa, sb], Apart = [a, b] };
        }
        await connection.ExecuteAsync("INSERT INTO story_apart (correction_id, article_a, article_b) VALUES (@correction, @a, @b) ON CONFLICT DO NOTHING",
            new { correction, a, b }, tx);
        return (outcome, result);
    }

    private async Task<(CorrectionOutcome, Result?)> SetOriginAsync(DbConnection connection, DbTransaction tx, CorrectionRow c, long nowMs)
    {
        if (await LiveStoryAsync(connection, tx, c.StoryId!.Value) is not { } story)
            return (CorrectionOutcome.Rejected($"story {c.StoryId} does not exist"), null);
        var outlet = c.OutletId;
        if (c.OriginArticleId is { } article)
        {
            var articleOutlet = await connection.ExecuteScalarAsync<string?>("SELECT outlet_id FROM articles WHERE id = @article", new { article }, tx);
            if (articleOutlet is null)
                return (CorrectionOutcome.Rejected($"article {article} does not exist"), null);
            outlet ??= articleOutlet;
        }
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outlets WHERE id = @outlet", new { outlet }, tx) == 0)
            return (CorrectionOutcome.Rejected($"outlet '{outlet}' is not in the outlet directory"), null);
        var previous = await connection.QuerySingleOrDefaultAsync<OriginRow>(
            "SELECT outlet_id AS OutletId, article_id AS ArticleId, basis AS Basis FROM story_origins WHERE story_id = @story", new { story }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (@story, @outlet, @article, 'editor', @nowMs)
            ON CONFLICT (story_id) DO UPDATE SET outlet_id = excluded.outlet_id, article_id = excluded.article_id, basis = 'editor', updated_ms = excluded.updated_ms
            """, new { story, outlet, article = c.OriginArticleId, nowMs }, tx);
        return (new CorrectionOutcome(true, null, [], [], []),
            new Result { Stories = [story], Story = story, PreviousOrigin = previous, HadOrigin = previous is not null });
    }

    private async Task<(CorrectionOutcome, Result?)> UndoAsync(DbConnection connection, DbTransaction tx, CorrectionRow c, long nowMs)
    {
        var target = await connection.QuerySingleOrDefaultAsync<CorrectionRow>("""
            SELECT id, kind, status, result_json AS ResultJson, undone_by AS UndoneBy, article_ids_json AS ArticleIdsJson FROM corrections WHERE id = @Undoes
            """, new { c.Undoes }, tx);
        if (target is null)
            return (CorrectionOutcome.Rejected($"correction {c.Undoes} does not exist"), null);
        if (target.Status != "applied" || target.ResultJson is null)
            return (CorrectionOutcome.Rejected($"correction {target.Id} is {target.Status}: only an applied correction can be undone"), null);
        if (target.UndoneBy is { } by && by != c.Id)
            return (CorrectionOutcome.Rejected($"correction {target.Id} was already undone by correction {by}"), null);
        if (target.Kind == "undo")
            return (CorrectionOutcome.Rejected($"correction {target.Id} is itself an undo; make the correction again instead"), null);
        var done = Json.Deserialize<Result>(target.ResultJson)!;
        (CorrectionOutcome Outcome, Result? Result) reverted;
        switch (target.Kind)
        {
            case "merge":
                // The articles the merge brought in leave again, as the story they were (keeping those that moved on since).
                var story = await LiveStoryAsync(connection, tx, done.Into!.Value) ?? done.Into!.Value;
                reverted = await SplitAsync(connection, tx, story, done.Moved, apartBy: null, nowMs);
                break;
            case "split":
            case "cannot-link":
                await connection.ExecuteAsync("DELETE FROM story_apart WHERE correction_id = @Id", new { target.Id }, tx);
                reverted = (new CorrectionOutcome(true, null, [], [], []), new Result());
                if (done.NewStory is { } created && done.Story is { } kept
                    && await StoryOfAsync(connection, tx, created) is { } a && await StoryOfAsync(connection, tx, kept) is { } b && a != b)
                    reverted = await MergeAsync(connection, tx, a, b, checkApart: true, nowMs);
                break;
            case "set-origin":
                var origin = done.Story!.Value;
                var live = await LiveStoryAsync(connection, tx, origin) ?? origin;
                await connection.ExecuteAsync("DELETE FROM story_origins WHERE story_id = @live AND basis = 'editor'", new { live }, tx);
                if (done.PreviousOrigin is { } p)
                {
                    await connection.ExecuteAsync("INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (@live, @OutletId, @ArticleId, @Basis, @nowMs) ON CONFLICT DO NOTHING",
                        new { live, p.OutletId, p.ArticleId, p.Basis, nowMs }, tx);
                }
                reverted = (new CorrectionOutcome(true, null, [], [], [live]), new Result { Stories = [live], Story = live });
                break;
            default:
                return (CorrectionOutcome.Rejected($"correction {target.Id} ({target.Kind}) cannot be undone"), null);
        }
        if (!reverted.Outcome.Applied)
            return (CorrectionOutcome.Rejected($"undo of correction {target.Id}: {reverted.Outcome.Error}"), null);
        await connection.ExecuteAsync("UPDATE corrections SET undone_by = @Id WHERE id = @target", new { c.Id, target = target.Id }, tx);
        var result = reverted.Result! with { Stories = [.. reverted.Result!.Stories.Union(done.Stories)] };
        return (reverted.Outcome, result);
    }

    // A story's size and times recounted from its members (outside the window included).
    private static async Task<StoryState> RecountAsync(DbConnection connection, DbTransaction tx, long story, long nowMs)
    {
        var (members, oldest, newest) = await connection.QuerySingleAsync<(int, long, long)>("""
            SELECT COUNT(*), COALESCE(MIN(a.published_ms), 0), COALESCE(MAX(a.published_ms), 0)
            FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = @story
            """, new { story }, tx);
        await connection.ExecuteAsync("UPDATE stories SET members = @members, oldest_ms = @oldest, newest_ms = @newest, updated_ms = @nowMs WHERE id = @story",
            new { members, oldest, newest, nowMs, story }, tx);
        return new StoryState(story, members, oldest, newest);
    }

    // An editor's original outlet follows its story into the survivor of a merge, unless the survivor has one of its own.
    internal static async Task MoveOriginAsync(DbConnection connection, DbTransaction tx, long merged, long into)
    {
        await connection.ExecuteAsync("""
            DELETE FROM story_origins WHERE story_id = @into AND basis <> 'editor'
                AND EXISTS (SELECT 1 FROM story_origins WHERE story_id = @merged AND basis = 'editor');
            UPDATE story_origins SET story_id = @into WHERE story_id = @merged AND basis = 'editor'
                AND NOT EXISTS (SELECT 1 FROM story_origins WHERE story_id = @into);
            DELETE FROM story_origins WHERE story_id = @merged;
            """, new { merged, into }, tx);
    }
}
