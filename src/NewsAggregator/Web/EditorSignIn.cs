using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Web;

/// <summary>
/// Editors sign in with a name and a key from configuration (hashed there) and get a cookie; forms carry
/// anti-forgery tokens. When <see cref="EditorOptions.AnonymousRead"/> is off, every page but sign-in, health,
/// metrics and static files needs a signed-in editor, and the API a cookie or an editor's Bearer key.
/// </summary>
public static class EditorSignIn
{
    public const string Role = "editor";

    public static IServiceCollection AddEditorSignIn(this IServiceCollection services)
    {
        services.AddSingleton<EditorAccounts>();
        // Our security headers include X-Frame-Options already.
        services.AddAntiforgery(o => o.SuppressXFrameOptionsHeader = true);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/signin";
                o.Cookie.Name = "newsagg.editor";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = context =>
                {
                    SendToSignIn(context.HttpContext);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>Without anonymous reading, only sign-in, health and static files are open to someone not signed in.</summary>
    public static IApplicationBuilder UseReadAccess(this IApplicationBuilder app, EditorOptions options) => app.Use(async (context, next) =>
    {
        if (options.AnonymousRead || context.User.Identity?.IsAuthenticated == true || IsOpen(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (IsApi(context.Request.Path)
            && await context.RequestServices.GetRequiredService<EditorAccounts>().FindByKeyAsync(BearerKey(context.Request), context.RequestAborted) is not null)
        {
            await next(context);
            return;
        }
        SendToSignIn(context);
    });

    public static IEndpointRouteBuilder MapEditorSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signin", (HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
            Page(context, antiforgery, LocalOrHome(returnUrl ?? context.Request.Query["ReturnUrl"]), error: null, name: null, StatusCodes.Status200OK));

        app.MapPost("/signin", async Task<IResult> (HttpContext context, IAntiforgery antiforgery, EditorAccounts accounts,
            [FromForm] string? name, [FromForm] string? key, [FromForm] string? returnUrl, ILogger<EditorAccounts> logger) =>
        {
            var editor = await accounts.SignInAsync(name, key, context.RequestAborted);
            if (editor is null)
            {
                // The name is logged (who tried), never the key.
                logger.LogWarning("Editor sign-in refused for {Name} from {Address}", name, context.Connection.RemoteIpAddress);
                return Page(context, antiforgery, LocalOrHome(returnUrl), "Wrong name or key.", name, StatusCodes.Status401Unauthorized);
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, editor), new Claim(ClaimTypes.Role, Role)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            logger.LogInformation("Editor {Name} signed in", editor);
            return SeeOther(LocalOrHome(returnUrl));
        });

        // A form field makes the endpoint check the anti-forgery token: another site cannot sign an editor out.
        app.MapPost("/signout", async ([FromForm] string? returnUrl, HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return SeeOther(LocalOrHome(returnUrl));
        });
        return app;
    }

    /// <summary>The hidden field every form of ours carries; pages call this when they render a form.</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        return $"<input type=\"hidden\" name=\"{e.Encode(tokens.FormFieldName)}\" value=\"{e.Encode(tokens.RequestToken ?? "")}\">";
    }

    /// <summary>The signed-in editor's name, or null.</summary>
    public static string? EditorName(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name : null;

    /// <summary>The key of an <c>Authorization: Bearer KEY</c> header, or null.</summary>
    public static string? BearerKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>303: after a form post the browser fetches the target with GET.</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>Only a path on this site: "//evil.example" and "/\evil.example" are other sites to a browser.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl) ? url : "/";

    /// <summary>
    /// Health and metrics are open too: probes and Prometheus do not sign in. /metrics shows counts, timings and feed
    /// keys (already public in config/feeds.json), never article text or editors; keep it off the public internet
    /// with the listen address or a proxy rule where even that is too much (README, Operations).
    /// </summary>
    private static bool IsOpen(PathString path) =>
        path.Equals("/signin", StringComparison.OrdinalIgnoreCase) || path.Equals("/healthz", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/readyz", StringComparison.OrdinalIgnoreCase) || path.Equals("/metrics", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/static", StringComparison.OrdinalIgnoreCase) || path.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The API answers 401 (a script has no sign-in page to go to); a browser goes to the sign-in page and comes back.
    /// After a refused form post it comes back to the story the form was on, not to the POST-only address.
    /// </summary>
    private static void SendToSignIn(HttpContext context)
    {
        var request = context.Request;
        if (IsApi(request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }
        var back = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? request.Path + request.QueryString
            : StoryOf(request.Path) is { } story ? $"/stories/{story}" : "/";
        context.Response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? StatusCodes.Status302Found : StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = "/signin?returnUrl=" + Uri.EscapeDataString(back.ToString());
    }

    private static string? StoryOf(PathString path)
    {
        var parts = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length >= 2 && parts[0] == "stories" && long.TryParse(parts[1], out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, string? name, int status)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder(2048);
        html.Append("""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · NewsAggregator</title>
            <style>
            body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#f6f6f6}
            main{max-width:22rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #ddd;border-radius:6px}
            label{display:block;margin-top:1rem;font-weight:600}input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
            button{margin-top:1.25rem;padding:.5rem 1.25rem;font:inherit}.error{color:#b00020}
            </style></head><body><main>
            <h1>Editor sign-in</h1>
            """);
        if (error is not null)
            html.Append("<p class=\"error\" id=\"error\">").Append(e.Encode(error)).Append("</p>");
        var tokens = antiforgery.GetAndStoreTokens(context);
        html.Append("<form method=\"post\" action=\"/signin\">")
            .Append("<input type=\"hidden\" name=\"").Append(e.Encode(tokens.FormFieldName)).Append("\" value=\"").Append(e.Encode(tokens.RequestToken ?? "")).Append("\">")
            .Append("<input type=\"hidden\" name=\"returnUrl\" value=\"").Append(e.Encode(returnUrl)).Append("\">")
            .Append("<label for=\"name\">Name</label><input type=\"text\" id=\"name\" name=\"name\" autocomplete=\"username\" required value=\"").Append(e.Encode(name ?? "")).Append("\">")
            .Append("<label for=\"key\">Key</label><input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"current-password\" required>")
            .Append("<button type=\"submit\">Sign in</button></form>")
            .Append("<p><a href=\"/\">Back to the news</a></p></main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
