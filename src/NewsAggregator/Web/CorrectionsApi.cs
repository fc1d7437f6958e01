using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using NewsAggregator.Clustering;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Web;

/// <summary>
/// Editors' corrections. Forms of the story page (cookie sign-in, anti-forgery token) answer with a 303 back to the
/// story, carrying <c>?error=</c> when the correction was refused; the JSON API takes an editor's key as a Bearer
/// token (no cookie, so no forgery) and answers with the stored correction. Both store who asked and when; the
/// clustering job applies corrections, and <see cref="CorrectionService"/> waits a little for it.
/// </summary>
public static class CorrectionsApi
{
    /// <summary>Kinds as kebab strings (merge, split, cannot-link, set-origin, undo); unknown fields are a malformed request.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IEndpointRouteBuilder MapCorrections(this IEndpointRouteBuilder app)
    {
        // Form posts: authorization runs first (not signed in: to the sign-in page), then the anti-forgery check (400).
        var forms = app.MapGroup("").RequireAuthorization(p => p.RequireRole(EditorSignIn.Role));
        forms.MapPost("/stories/{id:long}/merge", (long id, [FromForm] string? other, [FromForm] string? note, HttpContext context, CorrectionService corrections) =>
            Id(other, "other story") is var (otherId, error) && error is null
                ? SubmitFormAsync(context, corrections, new CorrectionRequest { Kind = CorrectionKind.Merge, StoryId = id, OtherStoryId = otherId, Note = Note(note) }, id)
                : Task.FromResult(Back(id, error)));
        // A repeated field ("article" once per checked box) is read from the form itself: binding string[] from a
        // form fails at start-up on .NET 10 (string gained a span TryParse the binder rejects).
        forms.MapPost("/stories/{id:long}/split", (long id, IFormCollection form, HttpContext context, CorrectionService corrections) =>
        {
            var ids = new List<long>();
            string? note = form["note"];
            foreach (var text in form["article"])
            {
                if (Id(text, "article") is (var articleId, null))
                    ids.Add(articleId);
                else
                    return Task.FromResult(Back(id, Id(text, "article").Error));
            }
            return ids.Count == 0
                ? Task.FromResult(Back(id, "Choose at least one article to split off."))
                : SubmitFormAsync(context, corrections, new CorrectionRequest { Kind = CorrectionKind.Split, StoryId = id, ArticleIds = ids, Note = Note(note) }, id);
        });
        forms.MapPost("/stories/{id:long}/apart", (long id, [FromForm] string? a, [FromForm] string? b, [FromForm] string? note, HttpContext context, CorrectionService corrections) =>
        {
            var (first, firstError) = Id(a, "first article");
            var (second, secondError) = Id(b, "second article");
            if ((firstError ?? secondError) is { } error)
                return Task.FromResult(Back(id, error));
            return first == second
                ? Task.FromResult(Back(id, "Choose two different articles."))
                : SubmitFormAsync(context, corrections, new CorrectionRequest { Kind = CorrectionKind.CannotLink, StoryId = id, ArticleIds = [first, second], Note = Note(note) }, id);
        });
        forms.MapPost("/stories/{id:long}/origin", (long id, [FromForm] string? outlet, [FromForm] string? article, [FromForm] string? note, HttpContext context, CorrectionService corrections) =>
        {
            long? origin = null;
            if (!string.IsNullOrWhiteSpace(article))
            {
                var (articleId, error) = Id(article, "original article");
                if (error is not null)
                    return Task.FromResult(Back(id, error));
                origin = articleId;
            }
            var outletId = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim();
            return outletId is null && origin is null
                ? Task.FromResult(Back(id, "Name the original outlet or article."))
                : SubmitFormAsync(context, corrections, new CorrectionRequest { Kind = CorrectionKind.SetOrigin, StoryId = id, OutletId = outletId, OriginArticleId = origin, Note = Note(note) }, id);
        });
        forms.MapPost("/corrections/{id:long}/undo", async ([FromRoute] long id, [FromForm] string? note, HttpContext context, CorrectionService corrections, CorrectionStore store) =>
        {
            if (await store.GetAsync(id, context.RequestAborted) is not { } undone)
                return EditorSignIn.SeeOther("/?error=" + Uri.EscapeDataString($"Correction {id} does not exist."));
            var request = new CorrectionRequest { Kind = CorrectionKind.Undo, Undoes = id, StoryId = undone.StoryId, Note = Note(note) };
            return await SubmitFormAsync(context, corrections, request, undone.StoryId);
        });

        var api = app.MapGroup("/api/corrections");
        api.MapPost("", SubmitApiAsync);
        api.MapGet("", async (long? before, int? limit, CorrectionStore store, CancellationToken ct) =>
            TypedResults.Ok((await store.ListAsync(before, Math.Clamp(limit ?? 50, 1, 500), ct)).Select(RowJson)));
        api.MapGet("/{id:long}", async Task<IResult> (long id, CorrectionStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } row ? TypedResults.Json(RowJson(row)) : TypedResults.NotFound());
        return app;
    }

    /// <summary>201 applied, 202 still pending, 422 rejected, 400 malformed, 401 without an editor's key.</summary>
    private static async Task<IResult> SubmitApiAsync(HttpContext context, EditorAccounts accounts, CorrectionService corrections, CancellationToken ct)
    {
        if (await accounts.FindByKeyAsync(EditorSignIn.BearerKey(context.Request), ct) is not { } editor)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Unauthorized();
        }
        CorrectionRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CorrectionRequest>(context.Request.Body, Json, ct);
        }
        catch (JsonException e)
        {
            return TypedResults.BadRequest(new { error = "malformed correction: " + e.Message });
        }
        if (request is null)
            return TypedResults.BadRequest(new { error = "malformed correction: expected a JSON object" });
        CorrectionRow row;
        try
        {
            row = await corrections.SubmitAsync(request, editor, ct);
        }
        catch (ArgumentException e)
        {
            return TypedResults.BadRequest(new { error = e.Message });
        }
        var body = RowJson(row);
        return row.Status switch
        {
            "applied" => TypedResults.Created($"/api/corrections/{row.Id}", body),
            "rejected" => TypedResults.UnprocessableEntity(body),
            _ => TypedResults.Accepted($"/api/corrections/{row.Id}", body),
        };
    }

    private static async Task<IResult> SubmitFormAsync(HttpContext context, CorrectionService corrections, CorrectionRequest request, long? storyId)
    {
        var editor = EditorSignIn.EditorName(context.User) ?? throw new InvalidOperationException("form endpoints require a signed-in editor");
        CorrectionRow row;
        try
        {
            row = await corrections.SubmitAsync(request, editor, context.RequestAborted);
        }
        catch (ArgumentException e)
        {
            return Back(storyId, e.Message);
        }
        // A split lands on the story the editor was looking at; the articles split off are linked from there.
        return row.Status == "rejected" ? Back(storyId, row.Error ?? "The correction was refused.") : Back(storyId, error: null);
    }

    private static IResult Back(long? storyId, string? error)
    {
        var page = storyId is { } id ? $"/stories/{id.ToString(CultureInfo.InvariantCulture)}" : "/";
        return EditorSignIn.SeeOther(error is null ? page : $"{page}?error={Uri.EscapeDataString(error)}");
    }

    private static (long Value, string? Error) Id(string? text, string what) =>
        long.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? (id, null)
            : (0, $"The {what} must be a number such as 42 (got \"{Shorten(text)}\").");

    private static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)];

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private static object RowJson(CorrectionRow r) => new
    {
        r.Id, r.Kind, r.StoryId, r.OtherStoryId, r.ArticleIds, r.OutletId, r.OriginArticleId, r.Undoes, r.Note, r.Editor,
        requested = Time.FromMs(r.RequestedMs), r.Status, r.AppliedOrder, applied = Time.FromMs(r.AppliedMs),
        result = r.ResultJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(r.ResultJson), r.Error, r.UndoneBy,
    };
}
