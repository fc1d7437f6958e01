using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace NewsAggregator.Browser.Tests;

/// <summary>
/// An editor's day in Chromium, on `newsagg demo` as a newcomer starts it: the stories page, a story with its
/// original outlet and timeline, sign-in with the key the demo printed, a merge and a split, a reload that still
/// shows both, an undo. Screenshots of every page at 1280 and 390 pixels.
/// </summary>
public sealed partial class EditorFlowTests(ITestOutputHelper output)
{
    // The sample outlet the gold labels name as the original of the harbour bridge story (config/samples/gold.json).
    private const string BridgeUrl = "https://www.meridianpress.example/national/2026/11/17/harbour-bridge-closed-cracks";

    [Fact]
    public async Task Demo_StoriesStoryMergeSplitReloadUndo_CorrectionsStick()
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-flow-").FullName;
        await using var service = await ServiceProcess.StartAsync(folder, "demo");
        using var http = new HttpClient { BaseAddress = service.Address };
        var gold = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "samples", "gold.json"))).RootElement;
        var outlets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "outlets.json"))).RootElement;

        // The demo polls its samples over loopback; wait until every sample article is clustered.
        var expected = gold.GetProperty("articles").GetArrayLength();
        var bridge = await WaitForClusteredAsync(http, expected, service);
        var key = KeyLine().Match(service.Output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no editor key printed:\n{service.Output}");

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        // The stories page lists the sample stories, each with its original outlet.
        await page.GotoAsync(service.Address.AbsoluteUri);
        var rows = page.Locator("#stories tr[data-story-id]");
        Assert.True(await rows.CountAsync() >= 10, $"stories page shows {await rows.CountAsync()} stories");
        var row = page.Locator($"#stories tr[data-story-id='{bridge.StoryId}']");
        var meridian = OutletName(outlets, "meridian");
        Assert.Contains(meridian, await row.Locator(".origin").InnerTextAsync());

        // The story: original outlet, a timeline with each member's relation, an explanation of the grouping.
        await row.Locator(".headline a").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/stories/{bridge.StoryId}$"));
        Assert.Contains(meridian, await page.Locator("#origin").InnerTextAsync());
        var timeline = page.Locator("#timeline tr[data-article-id]");
        var members = await timeline.CountAsync();
        Assert.True(members >= 3, $"the bridge story shows {members} members");
        var relations = await page.Locator("#timeline tr[data-article-id] .relation").AllInnerTextsAsync();
        Assert.Contains("duplicate", relations.Select(r => r.Trim()));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#grouping").InnerTextAsync()));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#chain").InnerTextAsync()));

        // Every page, at both widths (the side-by-side view through the story's own "beside its source" link).
        var compare = await page.Locator("#timeline a[href*='/compare?']").First.GetAttributeAsync("href")
            ?? throw new InvalidOperationException("no side-by-side link on the story page");
        var other = await AnotherStoryAsync(http, bridge.StoryId);
        foreach (var (path, name) in new[]
                 {
                     ("/", "stories"), ($"/stories/{bridge.StoryId}", "story"), ($"/articles/{bridge.ArticleId}", "article"),
                     ($"/articles/{bridge.ArticleId}/why", "why"), ("/outlets/meridian", "outlet"), ("/feeds", "feeds"), ("/signin", "signin"),
                     (compare, "compare"),
                 })
        {
            foreach (var file in await Chromium.ScreenshotsAsync(browser, new Uri(service.Address, path), name))
                output.WriteLine($"screenshot: {file}");
        }

        // Sign in with the key the demo printed.
        await page.GotoAsync(new Uri(service.Address, "/signin").AbsoluteUri);
        await page.FillAsync("input[name=name]", "demo");
        await page.FillAsync("input[name=key]", key);
        await page.Locator("form[action='/signin'] [type=submit]").ClickAsync();

        // Merge another story into the bridge story: its articles join the timeline.
        await page.GotoAsync(new Uri(service.Address, $"/stories/{bridge.StoryId}").AbsoluteUri);
        await page.FillAsync("#merge input[name=other]", other.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#merge [type=submit]").ClickAsync();
        var survivor = Math.Min(bridge.StoryId, other);
        await page.WaitForURLAsync(new Regex($"/stories/{survivor}"));
        var merged = await timeline.CountAsync();
        Assert.True(merged > members, $"after the merge the story shows {merged} members (was {members})");

        // Split one article (not the story's first) out into a story of its own.
        var ids = (await timeline.EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.articleId))")).ToList();
        var splitOff = ids.Where(id => id != survivor).Max();
        await page.Locator($"#split input[name=article][value='{splitOff}'], input[form=split][name=article][value='{splitOff}']").First.CheckAsync();
        await page.Locator("#split [type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/stories/{survivor}"));
        Assert.Equal(0, await page.Locator($"#timeline tr[data-article-id='{splitOff}']").CountAsync());

        // Reload: both corrections are in place and listed with who made them.
        await page.ReloadAsync();
        Assert.Equal(merged - 1, await timeline.CountAsync());
        var corrections = page.Locator("#corrections li[data-correction-id]");
        Assert.Equal(2, await corrections.CountAsync());
        var listed = string.Join(" | ", await corrections.AllInnerTextsAsync());
        Assert.Contains("merge", listed);
        Assert.Contains("split", listed);
        Assert.Contains("demo", listed);
        foreach (var file in await ScreenshotAsync(page, "story-corrected"))
            output.WriteLine($"screenshot: {file}");

        // Undo the split: the article is back.
        var split = corrections.Filter(new() { HasText = "split" });
        await split.Locator("form.undo [type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/stories/{survivor}"));
        await page.ReloadAsync();
        Assert.Equal(1, await page.Locator($"#timeline tr[data-article-id='{splitOff}']").CountAsync());
        Assert.Equal(merged, await timeline.CountAsync());

        // And the API agrees: one story of every member, the merge listed as applied and the split as undone.
        var api = await http.GetFromJsonAsync<JsonElement>($"/api/stories/{survivor}");
        Assert.Equal(merged, api.GetProperty("members").GetInt32());
        Assert.Equal(merged, api.GetProperty("timeline").GetArrayLength());
        var kinds = api.GetProperty("corrections").EnumerateArray()
            .Select(c => $"{c.GetProperty("kind").GetString()}:{c.GetProperty("status").GetString()}:{(c.GetProperty("undoneBy").ValueKind == JsonValueKind.Null ? "in force" : "undone")}")
            .Order().ToList();
        Assert.Equal(["merge:applied:in force", "split:applied:undone", "undo:applied:in force"], kinds);
    }

    private sealed record Clustered(long ArticleId, long StoryId);

    private static async Task<Clustered> WaitForClusteredAsync(HttpClient http, int expected, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            var articles = await http.GetFromJsonAsync<JsonElement[]>("/api/articles?limit=1000");
            var stats = await http.GetFromJsonAsync<JsonElement>("/api/stats");
            if (articles!.Length >= expected && stats.GetProperty("queued").GetInt64() == 0
                && articles.FirstOrDefault(a => a.GetProperty("url").GetString() == BridgeUrl) is { ValueKind: JsonValueKind.Object } found)
            {
                var id = found.GetProperty("id").GetInt64();
                var why = await http.GetAsync($"/api/articles/{id}/clustering");
                if (why.IsSuccessStatusCode)
                {
                    var story = (await why.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("storyId").GetInt64();
                    return new Clustered(id, story);
                }
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"the demo did not store and cluster {expected} articles within 120 s:\n{service.Output}");
    }

    // The biggest story besides the given one (a merge must bring in something to see).
    private static async Task<long> AnotherStoryAsync(HttpClient http, long except)
    {
        var list = await http.GetFromJsonAsync<JsonElement>("/api/stories?sort=biggest&limit=10");
        return list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).First(id => id != except);
    }

    private static string OutletName(JsonElement outlets, string id) =>
        (outlets.ValueKind == JsonValueKind.Array ? outlets : outlets.GetProperty("outlets")).EnumerateArray()
            .First(o => o.GetProperty("id").GetString() == id).GetProperty("name").GetString()!;

    private static async Task<IReadOnlyList<string>> ScreenshotAsync(IPage page, string name)
    {
        var files = new List<string>();
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var file = Path.Combine(RepoPaths.Screenshots, $"{name}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            files.Add(file);
        }
        await page.SetViewportSizeAsync(1280, 900);
        return files;
    }

    [GeneratedRegex(@"Editor sign-in: name demo, key (\S+)")]
    private static partial Regex KeyLine();
}
