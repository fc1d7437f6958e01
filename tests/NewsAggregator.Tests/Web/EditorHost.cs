using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Hosting;

namespace NewsAggregator.Tests.Web;

/// <summary>
/// The real host (ServiceHost.BuildAsync: configuration, migrations, middleware, endpoints) on a fresh SQLite file,
/// with no feeds to poll and one editor, "alice", whose key the tests know.
/// </summary>
internal sealed partial class EditorHost : IAsyncDisposable
{
    public const string Editor = "alice";
    public const string Key = "alice-key-0123456789";
    // The minimum work factor keeps the tests quick; the format and the check are the production ones.
    private static readonly string KeyHash = EditorKeyHash.Create(Key, EditorKeyHash.MinIterations).ToString();

    private readonly WebApplication _app;
    private readonly string _folder;

    private EditorHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public string DatabasePath => Path.Combine(_folder, "editor.db");

    public IServiceProvider Services => _app.Services;

    public static async Task<EditorHost> StartAsync(bool anonymousRead = true)
    {
        var folder = Directory.CreateTempSubdirectory("newsagg-editor-").FullName;
        var feeds = Path.Combine(folder, "feeds.json");
        await File.WriteAllTextAsync(feeds, """{ "feeds": [] }""");
        var app = await ServiceHost.BuildAsync([
            "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(folder, "editor.db")}", $"--Feeds:File={feeds}",
            $"--Editor:Accounts:0:Name={Editor}", $"--Editor:Accounts:0:KeyHash={KeyHash}",
            $"--Editor:AnonymousRead={anonymousRead}", "--Editor:CorrectionWaitSeconds=0",
        ], demo: null, samples: null, default);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new EditorHost(app, folder, new Uri(address));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (the tests look at them).</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>The anti-forgery field of the sign-in form, for whoever the client is now.</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/signin");
        return TokenField().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no anti-forgery field on /signin");
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name = Editor, string key = Key, string? returnUrl = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await TokenAsync(client), ["name"] = name, ["key"] = key };
        if (returnUrl is not null)
            fields["returnUrl"] = returnUrl;
        return await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
    }

    /// <summary>A form post as the story page sends it, with a fresh token unless told otherwise.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var all = fields.ToList();
        if (withToken)
            all.Add(new("__RequestVerificationToken", await TokenAsync(client)));
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pooled handles may outlive the host for a moment; a temp folder left behind is harmless.
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
