using System.Net;
using System.Net.Http.Headers;

namespace NewsAggregator.Tests.Web;

/// <summary>Editor:AnonymousRead false: only sign-in and health are open; pages redirect, the API answers 401.</summary>
public sealed class AnonymousReadTests : IAsyncLifetime
{
    private EditorHost _host = null!;

    public async Task InitializeAsync() => _host = await EditorHost.StartAsync(anonymousRead: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/stories/5?q=fire")]
    [InlineData("/articles/3")]
    public async Task Page_NotSignedIn_RedirectsToSignInAndBack(string path)
    {
        using var client = _host.Client();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/signin?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/api/articles")]
    [InlineData("/api/feeds")]
    [InlineData("/api/corrections")]
    public async Task Api_NoCookieNoKey_401(string path)
    {
        using var client = _host.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Api_EditorKey_Answers()
    {
        using var client = _host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EditorHost.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/articles")).StatusCode);
    }

    [Fact]
    public async Task SignInAndHealth_Open()
    {
        using var client = _host.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Page_SignedIn_Shown()
    {
        using var client = _host.Client();
        var signIn = await EditorHost.SignInAsync(client, returnUrl: "/");
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);

        var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // `/` is the stories page since the editor pages landed (it was the feeds status page when this was written).
        Assert.Contains("<table id=\"stories\"", await page.Content.ReadAsStringAsync());
    }
}
