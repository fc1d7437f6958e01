using System.Text.Json;
using Microsoft.Playwright;

namespace NewsAggregator.Browser.Tests;

/// <summary>
/// One page with the counters of anything that ran: CDP <c>Debugger.scriptParsed</c> for scripts from the page
/// (inline, external, event handlers, javascript: URLs carry the page's or the script's URL; Playwright's own
/// evaluations and the init script below carry none), <c>Page.Dialog</c>, and <c>securitypolicyviolation</c> events.
/// </summary>
internal sealed class ScriptHook
{
    private readonly List<string> _scriptUrls = [];

    private ScriptHook(IPage page) => Page = page;

    public IPage Page { get; }

    public int Scripts
    {
        get
        {
            lock (_scriptUrls)
                return _scriptUrls.Count;
        }
    }

    public IReadOnlyList<string> ScriptUrls
    {
        get
        {
            lock (_scriptUrls)
                return [.. _scriptUrls];
        }
    }

    public int Dialogs { get; private set; }

    public static async Task<ScriptHook> OpenAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var hook = new ScriptHook(page);
        // Runs before the page in every document (init scripts are not subject to the page's CSP).
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));");
        page.Dialog += async (_, dialog) =>
        {
            hook.Dialogs++;
            await dialog.DismissAsync();
        };
        var cdp = await context.NewCDPSessionAsync(page);
        cdp.Event("Debugger.scriptParsed").OnEvent += (_, e) =>
        {
            var url = e is JsonElement json && json.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            if (url.Length > 0 && !url.StartsWith("__playwright", StringComparison.Ordinal) && !url.StartsWith("__puppeteer", StringComparison.Ordinal))
            {
                lock (hook._scriptUrls)
                    hook._scriptUrls.Add(url);
            }
        };
        await cdp.SendAsync("Debugger.enable");
        return hook;
    }

    public Task<IResponse?> OpenAsync(string url) => Page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });

    public void Reset()
    {
        lock (_scriptUrls)
            _scriptUrls.Clear();
        Dialogs = 0;
    }
}
