using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NewsAggregator.Web;

namespace NewsAggregator.Tests.Web;

/// <summary>
/// Sign-in, anti-forgery, the read gate, the correction endpoints and the security headers, through the real host
/// on a real database. Corrections may stay pending here: applying them is the clustering job's, not these endpoints'.
/// </summary>
public sealed class EditorSecurityTests : IAsyncLifetime
{
    private EditorHost _host = null!;

    public async Task InitializeAsync() => _host = await EditorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SignIn_RightKey_SetsCookieAndRedirectsToReturnUrl()
    {
        using var client = _host.Client();
        var response = await EditorHost.SignInAsync(client, returnUrl: "/stories/7");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/stories/7", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("newsagg.editor=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(EditorHost.Editor, "wrong-key-0123456789")]
    [InlineData("mallory", EditorHost.Key)]
    [InlineData(EditorHost.Editor, "")]
    public async Task SignIn_WrongNameOrKey_401AndNoCookie(string name, string key)
    {
        using var client = _host.Client();
        var response = await EditorHost.SignInAsync(client, name, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("newsagg.editor=", StringComparison.Ordinal)));
        Assert.Contains("Wrong name or key.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignIn_ReturnUrlToAnotherSite_GoesHomeInstead()
    {
        using var client = _host.Client();
        var response = await EditorHost.SignInAsync(client, returnUrl: "//evil.example/phish");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_400()
    {
        using var client = _host.Client();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = EditorHost.Editor, ["key"] = EditorHost.Key }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task FormPost_NotSignedIn_RedirectsToSignInAndBackToTheStory()
    {
        using var client = _host.Client();
        var response = await EditorHost.PostFormAsync(client, "/stories/5/merge", [new("other", "6")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fstories%2F5", response.Headers.Location!.OriginalString);
        Assert.Empty(await CorrectionsAsync());
    }

    [Theory]
    [InlineData("/stories/5/merge")]
    [InlineData("/stories/5/split")]
    [InlineData("/stories/5/apart")]
    [InlineData("/stories/5/origin")]
    [InlineData("/corrections/1/undo")]
    [InlineData("/signout")]
    public async Task FormPost_SignedInWithoutToken_400(string path)
    {
        using var client = _host.Client();
        await EditorHost.SignInAsync(client);
        var response = await EditorHost.PostFormAsync(client, path, [new("other", "6"), new("article", "9"), new("a", "1"), new("b", "2"), new("outlet", "bbc")], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task FormPost_TokenOfAnotherSession_400()
    {
        using var attacker = _host.Client();
        var foreignToken = await EditorHost.TokenAsync(attacker);
        using var client = _host.Client();
        await EditorHost.SignInAsync(client);
        var response = await EditorHost.PostFormAsync(client, "/stories/5/merge", [new("other", "6"), new("__RequestVerificationToken", foreignToken)], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Merge_SignedInWithToken_StoredWithEditorAndRedirectsToStory()
    {
        using var client = await SignedInAsync();
        var response = await EditorHost.PostFormAsync(client, "/stories/5/merge", [new("other", "6"), new("note", "same fire")]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/stories/5", response.Headers.Location!.OriginalString);
        var row = Assert.Single(await CorrectionsAsync());
        Assert.Equal(("merge", 5L, 6L, "[]", (string?)null, "same fire", EditorHost.Editor), (row.Kind, row.StoryId, row.OtherStoryId, row.Articles, row.Outlet, row.Note, row.Editor));
        Assert.InRange(row.RequestedMs, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task SplitApartOriginUndo_SignedInWithToken_StoredAndRedirectedToTheStory()
    {
        using var client = await SignedInAsync();
        var split = await EditorHost.PostFormAsync(client, "/stories/5/split", [new("article", "9"), new("article", "11"), new("note", "other fire")]);
        var apart = await EditorHost.PostFormAsync(client, "/stories/5/apart", [new("a", "9"), new("b", "12")]);
        var origin = await EditorHost.PostFormAsync(client, "/stories/5/origin", [new("outlet", "bbc"), new("article", "5")]);
        var undo = await EditorHost.PostFormAsync(client, "/corrections/1/undo", [new("note", "oops")]);

        Assert.All([split, apart, origin, undo], r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.All([split, apart, origin, undo], r => Assert.Equal("/stories/5", r.Headers.Location!.OriginalString));
        var rows = (await CorrectionsAsync()).OrderBy(r => r.Id).ToList();
        Assert.Equal(["split", "cannot-link", "set-origin", "undo"], rows.Select(r => r.Kind));
        Assert.Equal("[9,11]", rows[0].Articles);
        Assert.Equal("[9,12]", rows[1].Articles);
        Assert.Equal("bbc", rows[2].Outlet);
        Assert.Equal(1L, rows[3].Undoes);
        Assert.All(rows, r => Assert.Equal(EditorHost.Editor, r.Editor));
    }

    [Theory]
    [InlineData("/stories/5/merge", "other", "six", "other story must be a number")]
    [InlineData("/stories/5/merge", "other", "5", "two different stories")]
    [InlineData("/stories/5/split", "note", "nothing chosen", "at least one article")]
    [InlineData("/stories/5/apart", "a", "9", "second article must be a number")]
    [InlineData("/stories/5/origin", "note", "no outlet", "original outlet or article")]
    public async Task FormPost_InvalidFields_RedirectsBackWithReadableError(string path, string field, string value, string message)
    {
        using var client = await SignedInAsync();
        var response = await EditorHost.PostFormAsync(client, path, [new(field, value)]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stories/5?error=", location, StringComparison.Ordinal);
        Assert.Contains(message, Uri.UnescapeDataString(location), StringComparison.Ordinal);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task Undo_UnknownCorrection_RedirectsWithError()
    {
        using var client = await SignedInAsync();
        var response = await EditorHost.PostFormAsync(client, "/corrections/99/undo", []);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("Correction 99 does not exist", Uri.UnescapeDataString(response.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_WithToken_EndsTheSession()
    {
        using var client = await SignedInAsync();
        var signOut = await EditorHost.PostFormAsync(client, "/signout", []);
        var merge = await EditorHost.PostFormAsync(client, "/stories/5/merge", [new("other", "6")]);

        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.StartsWith("/signin", merge.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WithoutKeyWrongKeyOrOnlyCookie_401()
    {
        using var anonymous = _host.Client();
        var none = await anonymous.PostAsync("/api/corrections", Json("""{ "kind": "merge", "storyId": 5, "otherStoryId": 6 }"""));
        var wrong = await Send(anonymous, "wrong-key-0123456789", """{ "kind": "merge", "storyId": 5, "otherStoryId": 6 }""");
        using var cookie = await SignedInAsync();
        var cookieOnly = await cookie.PostAsync("/api/corrections", Json("""{ "kind": "merge", "storyId": 5, "otherStoryId": 6 }"""));

        Assert.All([none, wrong, cookieOnly], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task Api_ValidKey_PendingCorrection202WithTheRow()
    {
        using var client = _host.Client();
        var response = await Send(client, EditorHost.Key, """{ "kind": "cannot-link", "storyId": 5, "articleIds": [12, 9], "note": "two fires" }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var row = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("cannot-link", row.GetProperty("kind").GetString());
        Assert.Equal("pending", row.GetProperty("status").GetString());
        Assert.Equal(EditorHost.Editor, row.GetProperty("editor").GetString());
        Assert.Equal([9L, 12L], row.GetProperty("articleIds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal($"/api/corrections/{row.GetProperty("id").GetInt64()}", response.Headers.Location!.OriginalString);
        Assert.Equal(EditorHost.Editor, Assert.Single(await CorrectionsAsync()).Editor);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "kind": "merge", "storyId": 5 }""")]
    [InlineData("""{ "kind": "teleport", "storyId": 5 }""")]
    [InlineData("""{ "kind": "merge", "storyId": 5, "otherStoryId": 6, "editor": "someone-else" }""")]
    [InlineData("""{ "storyId": 5, "otherStoryId": 6 }""")]
    [InlineData("null")]
    public async Task Api_MalformedOrIncomplete_400(string body)
    {
        using var client = _host.Client();
        var response = await Send(client, EditorHost.Key, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await CorrectionsAsync());
    }

    [Fact]
    public async Task Api_List_NewestFirstPagedByBefore()
    {
        using var client = _host.Client();
        for (var other = 6; other <= 8; other++)
            await Send(client, EditorHost.Key, $$"""{ "kind": "merge", "storyId": 5, "otherStoryId": {{other}} }""");

        var all = await client.GetFromJsonAsync<JsonElement[]>("/api/corrections");
        var page = await client.GetFromJsonAsync<JsonElement[]>("/api/corrections?before=3&limit=1");

        Assert.Equal([3L, 2L, 1L], all!.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal([2L], page!.Select(r => r.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/signin")]
    [InlineData("GET", "/healthz")]
    [InlineData("GET", "/api/feeds")]
    [InlineData("GET", "/api/corrections")]
    [InlineData("GET", "/no-such-page")]
    [InlineData("POST", "/stories/5/merge")]
    [InlineData("POST", "/signin")]
    [InlineData("POST", "/api/corrections")]
    public async Task EveryResponse_CarriesCspNosniffAndReferrerPolicy(string method, string path)
    {
        using var client = _host.Client();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? new StringContent("") : null });

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public void Csp_AllowsNoScriptAndNoFraming()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'none'", directives["script-src"]);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.DoesNotContain("unsafe-eval", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _host.Client();
        var response = await EditorHost.SignInAsync(client);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return client;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static Task<HttpResponseMessage> Send(HttpClient client, string key, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/corrections") { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client.SendAsync(request);
    }

    private sealed record Stored(long Id, string Kind, long? StoryId, long? OtherStoryId, string Articles, string? Outlet, long? Undoes, string? Note, string Editor, long RequestedMs);

    /// <summary>Straight from the table, not through the code under test.</summary>
    private async Task<List<Stored>> CorrectionsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, story_id, other_story_id, article_ids_json, outlet_id, undoes, note, editor, requested_ms FROM corrections ORDER BY id";
        var rows = new List<Stored>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new Stored(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetInt64(9)));
        }
        return rows;
    }
}
