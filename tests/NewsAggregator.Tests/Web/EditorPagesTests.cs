using System.Net;
using System.Text.Json;
using Dapper;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using NewsAggregator.Core.Storage;
using NewsAggregator.Hosting;

namespace NewsAggregator.Tests.Web;

/// <summary>The editor's pages through the real host (web only) on a real SQLite file with the real migrations.</summary>
public sealed class EditorPagesTests : IAsyncLifetime
{
    private const string Hostile = "<script>alert(1)</script> Quake & \"aftershocks\"";
    private string _folder = "";
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("newsagg-pages-").FullName;
        _app = await ServiceHost.BuildAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(_folder, "pages.db")}"], null, null, default, webOnly: true);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) };
        await using var c = await _app.Services.GetRequiredService<Database>().OpenAsync();
        // Story 1: a wire report (hostile title from "the feed"), a copy and an independent report; its origin is an
        // external outlet. Story 5 was merged into story 1.
        await c.ExecuteAsync("""
            INSERT INTO outlets (id, name, kind, external) VALUES ('wire', 'Wire Service', 'wire', 0), ('paper', 'Daily Paper', 'newspaper', 0), ('faraway', 'Faraway Times', 'newspaper', 1);
            INSERT INTO feeds (id, key, outlet_id, url, configured_url, created_ms, status, last_error, next_poll_ms) VALUES
                (1, 'paper-main', 'paper', 'https://paper.test/rss', 'https://paper.test/rss', 0, 'failing', 'Parse MalformedXml: <b>broken</b>', 1767300000000);
            INSERT INTO articles (id, canonical_url, outlet_id, title, body, published_ms, first_seen_ms, changed_ms, content_hash) VALUES
                (1, 'https://wire.test/1', 'wire', @hostile, 'The ground shook for a long minute near the coast. Residents left their homes at dawn.', 1767225600000, 1767225600000, 1767225600000, 'a'),
                (2, 'https://paper.test/2', 'paper', 'Quake copy', 'The ground shook for a long minute near the coast. Residents left their homes at dawn. Paper footer line.', 1767229200000, 1767229200000, 1767229200000, 'b'),
                (3, 'https://paper.test/3', 'paper', 'Quake seen from the hills', 'Our reporter in the hills watched the valley tremble.', 1767232800000, 1767232800000, 1767232800000, 'c');
            INSERT INTO sightings (article_id, feed_id, first_seen_ms, last_seen_ms) VALUES (2, 1, 1767229200000, 1767229200000);
            INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms, merged_into) VALUES (1, 3, 1767225600000, 1767232800000, 0, 0, NULL), (5, 0, 0, 0, 0, 0, 1);
            INSERT INTO story_members (article_id, story_id, relation, nearest_article_id, score, joined_ms) VALUES
                (1, 1, 'original', NULL, 0, 0), (2, 1, 'duplicate', 1, 0.91, 0), (3, 1, 'related', 1, 0.33, 0);
            INSERT INTO story_origins (story_id, outlet_id, article_id, basis, updated_ms) VALUES (1, 'faraway', NULL, 'chain', 0);
            INSERT INTO provenance_edges (article_id, source_article_id, source_outlet_id, kind, confidence, chosen, gap_ms, evidence_json, algorithm_version, created_ms) VALUES
                (2, 1, 'wire', 'copy', 0.9, 1, 3600000, '{"resemblance":null,"sharedSentences":1}', 'test', 0),
                (1, NULL, 'faraway', 'attribution', 0.7, 1, NULL, '{"spans":[{"kind":"attribution","span":"as first reported by Faraway <i>Times</i>"}]}', 'test', 0);
            """, new { hostile = Hostile });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stories?sort=biggest")]
    public async Task StoriesPage_ShowsContractCellsWithFeedTextEncoded(string path)
    {
        var page = await _http.GetStringAsync(path);
        Assert.Contains("<table id=\"stories\"", page);
        Assert.Contains("<tr data-story-id=\"1\">", page);
        Assert.Contains("<td class=\"headline\"><a href=\"/stories/1\">&lt;script&gt;alert(1)&lt;/script&gt; Quake &amp; &quot;aftershocks&quot;</a>", page);
        Assert.Contains("<td class=\"origin external\"", page);
        Assert.Contains("Faraway Times</a> <span class=\"tag external\">external</span>", page);
        Assert.Contains("<td class=\"members\" data-label=\"Articles\">3</td>", page);
        Assert.Contains("<td class=\"outlets\" data-label=\"Outlets\">2</td>", page);
        Assert.Contains("<td class=\"character\" data-label=\"Mostly\">mixed</td>", page);
        Assert.Contains("<td class=\"first-seen\" data-label=\"First seen\">2026-01-01 00:00 UTC</td>", page);
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("style=", page);
        Assert.DoesNotContain("data-story-id=\"5\"", page); // merged stories are not listed
    }

    [Fact]
    public async Task StoriesPage_OnePerPage_LinksTheNextPageByCursor()
    {
        await using (var c = await _app.Services.GetRequiredService<Database>().OpenAsync())
            await c.ExecuteAsync("INSERT INTO stories (id, members, oldest_ms, newest_ms, created_ms, updated_ms) VALUES (3, 1, 1767232800000, 1767232800000, 0, 0)");
        var first = await _http.GetFromJsonAsync<JsonElement>("/api/stories?limit=1");
        Assert.Equal(3, first.GetProperty("items")[0].GetProperty("id").GetInt64()); // both newest at 1767232800000: the higher id first
        var next = first.GetProperty("next").GetString();
        var second = await _http.GetFromJsonAsync<JsonElement>($"/api/stories?limit=1&after={next}");
        Assert.Equal(1, second.GetProperty("items")[0].GetProperty("id").GetInt64());
        var html = await _http.GetStringAsync("/stories?q=quake");
        Assert.Contains("data-story-id=\"1\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync("/stories?since=yesterday")).StatusCode);
    }

    [Fact]
    public async Task StoryPage_ExplainsOriginGroupingAndChain()
    {
        var page = await _http.GetStringAsync("/stories/1");
        Assert.Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; Quake &amp; &quot;aftershocks&quot;</h1>", page);
        Assert.Matches("<p id=\"origin\">[^\n]*Faraway Times[^\n]*chain of copies and credits", page);
        Assert.Contains("<table id=\"timeline\"", page);
        Assert.Contains("<tr data-article-id=\"2\">", page);
        Assert.Contains("<td class=\"relation relation-duplicate\" data-label=\"Relation\">duplicate</td>", page);
        Assert.Contains("<td class=\"score\" data-label=\"Score\">0.91</td>", page);
        Assert.Contains("/stories/1/compare?article=2&amp;source=1", page);
        Assert.Contains("<section id=\"chain\">", page);
        Assert.Contains("<q class=\"evidence\">as first reported by Faraway &lt;i&gt;Times&lt;/i&gt;</q>", page);
        Assert.Contains("<q class=\"evidence\">The ground shook for a long minute near the coast.</q>", page); // the shared sentence of the copy edge
        Assert.Contains("<section id=\"carried-by\">", page);
        Assert.Contains("paper-main", page);
        Assert.Contains("<section id=\"grouping\">", page);
        Assert.Contains("<section id=\"corrections\">", page);
        Assert.Contains("<a href=\"/signin\">Sign in to correct</a>", page);
        Assert.DoesNotContain("<form", page); // not signed in: no correction forms
        Assert.DoesNotContain("<script", page);
    }

    [Fact]
    public async Task StoryPage_MergedStory_RedirectsToItsSurvivor()
    {
        var response = await _http.GetAsync("/stories/5");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/stories/1", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("/stories/999")).StatusCode);
    }

    [Fact]
    public async Task ComparePage_MarksTheSharedSentences()
    {
        var page = await _http.GetStringAsync("/stories/1/compare?article=2&source=1");
        Assert.Contains("<mark>The ground shook for a long minute near the coast. </mark>", page);
        Assert.DoesNotContain("<mark>Paper footer line.", page);
    }

    [Fact]
    public async Task OtherPages_RenderAndEncode()
    {
        var article = await _http.GetStringAsync("/articles/1");
        Assert.Contains("<div id=\"content\">", article);
        Assert.DoesNotContain("<script>", article);
        var feeds = await _http.GetStringAsync("/feeds");
        Assert.Contains("<table id=\"feeds\"", feeds);
        Assert.Contains("Parse MalformedXml: &lt;b&gt;broken&lt;/b&gt;", feeds);
        Assert.Contains("2026-01-01 20:40 UTC", feeds); // next poll
        Assert.Contains("Faraway Times", await _http.GetStringAsync("/outlets/faraway"));
        Assert.Contains("href=\"/stories\"", await _http.GetStringAsync("/articles/2"));
        var css = await _http.GetAsync("/static/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Api_StoryAndOpenApiDocument()
    {
        var story = await _http.GetFromJsonAsync<JsonElement>("/api/stories/1");
        Assert.Equal("faraway", story.GetProperty("origin").GetProperty("outletId").GetString());
        Assert.Equal(3, story.GetProperty("timeline").GetArrayLength());
        Assert.Equal(2, story.GetProperty("chain").GetArrayLength());
        var openapi = await _http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openapi.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/stories/{id}/compare", "/api/articles/{id}", "/api/outlets/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }
}
