using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsAggregator.Core.Editorial;
using NewsAggregator.Core.Storage;
using NewsAggregator.Hosting;

namespace NewsAggregator.Cli;

/// <summary>
/// `newsagg bench-pages`: the real web app (no polling, no clustering) on an existing database, on loopback; the
/// stories page and story pages requested N times each over HTTP, p50/p95/max per page. The baseline, in the same
/// process: the stories list read deep into the table with OFFSET, beside the keyset read of the same rows.
/// </summary>
public static class PageBenchCommand
{
    private const int Warmup = 2;

    public static async Task<int> RunAsync(string db, int requests, CancellationToken ct)
    {
        if (!File.Exists(db))
        {
            await Console.Error.WriteLineAsync($"{db}: no such file (make one with `newsagg bench --corpus FILE --db {db}`)");
            return 2;
        }
        var app = await ServiceHost.BuildAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={Path.GetFullPath(db)}"], demo: null, samples: null, ct, webOnly: true);
        await using (app)
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            var queries = app.Services.GetRequiredService<EditorQueries>();
            var database = app.Services.GetRequiredService<Database>();
            var inv = CultureInfo.InvariantCulture;

            // What to ask for, chosen from the data: the deep page sits 100,000 stories in (or half-way on a smaller database).
            var (stories, articles, outlet) = await ShapeAsync(database, ct);
            var depth = Math.Min(100_000, stories / 2);
            var deepRows = await queries.StoriesByOffsetAsync(StorySort.Newest, depth - 1, 1, ct);
            var deep = deepRows.Count > 0 ? deepRows[0] : null;
            var biggestRows = (await queries.StoriesAsync(new StoryListQuery { Sort = StorySort.Biggest, Limit = 1 }, ct)).Stories;
            var biggest = biggestRows.Count > 0 ? biggestRows[0] : null;
            var typical = await TypicalStoryAsync(database, ct);
            var word = biggest is null ? "report" : biggest.Headline.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First().Trim('.', ',', ':', '"');
            Console.WriteLine(string.Create(inv, $"database             {db}: {articles:N0} articles, {stories:N0} live stories; {requests} requests per page after {Warmup} warm-up"));
            Console.WriteLine(string.Create(inv, $"chosen               deep page after story {deep?.Id} ({depth:N0} in), outlet {outlet}, search \"{word}\", biggest story {biggest?.Id} ({biggest?.Members} members), typical story {typical.Id} ({typical.Members} members)"));
            Console.WriteLine();
            Console.WriteLine("page                                   p50 ms   p95 ms   max ms   KiB");

            var pages = new List<(string Name, string Path)>
            {
                ("stories, first page", "/stories"),
                ("stories, deep page (cursor)", deep is null ? "/stories" : $"/stories?after={new StoryCursor(deep.NewestMs, deep.Id)}"),
                ("stories, outlet filter", $"/stories?outlet={Uri.EscapeDataString(outlet)}"),
                ("stories, search", $"/stories?q={Uri.EscapeDataString(word)}"),
                ("stories, biggest", "/stories?sort=biggest"),
                ("stories, fastest-growing", "/stories?sort=growing"),
                ("story page, biggest", $"/stories/{biggest?.Id ?? 0}"),
                ("story page, typical", $"/stories/{typical.Id}"),
            };
            foreach (var (name, path) in pages)
            {
                long bytes = 0;
                var times = await TimeAsync(requests, async () =>
                {
                    using var response = await http.GetAsync(path, ct);
                    response.EnsureSuccessStatusCode();
                    bytes = (await response.Content.ReadAsByteArrayAsync(ct)).Length;
                });
                Print(name, times, bytes / 1024.0);
            }

            // The baseline: the same deep rows by OFFSET (reads and drops every row before them) and by keyset.
            Console.WriteLine();
            Console.WriteLine(string.Create(inv, $"baseline, query only (the 50 stories {depth:N0} deep, newest first)"));
            var offset = await TimeAsync(requests, () => queries.StoriesByOffsetAsync(StorySort.Newest, depth, 50, ct));
            Print("OFFSET paging (naive)", offset, null);
            var keyset = await TimeAsync(requests, () => queries.StoriesAsync(new StoryListQuery { After = deep is null ? null : new StoryCursor(deep.NewestMs, deep.Id) }, ct));
            Print("keyset paging (cursor)", keyset, null);
            Console.WriteLine(string.Create(inv, $"keyset is {Percentile(offset, 0.5) / Math.Max(0.001, Percentile(keyset, 0.5)):N1}× faster at the median"));
            await app.StopAsync(ct);
        }
        return 0;
    }

    private static async Task<(long Stories, long Articles, string Outlet)> ShapeAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var stories = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM stories WHERE merged_into IS NULL", cancellationToken: ct));
        var articles = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT max(id) FROM articles", cancellationToken: ct));
        // The outlet with the most articles: the filter's hardest case.
        var outlet = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT outlet_id FROM articles GROUP BY outlet_id ORDER BY count(*) DESC LIMIT 1", cancellationToken: ct)) ?? "";
        return (stories, articles, outlet);
    }

    /// <summary>A story of the median size among those with more than one member.</summary>
    private static async Task<(long Id, int Members)> TypicalStoryAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var median = await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT members FROM stories WHERE merged_into IS NULL AND members > 1 ORDER BY members
            LIMIT 1 OFFSET (SELECT count(*) / 2 FROM stories WHERE merged_into IS NULL AND members > 1)
            """, cancellationToken: ct));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM stories WHERE merged_into IS NULL AND members = @median ORDER BY id DESC LIMIT 1", new { median }, cancellationToken: ct));
        return (id, median);
    }

    private static async Task<List<double>> TimeAsync(int requests, Func<Task> action)
    {
        for (var i = 0; i < Warmup; i++)
            await action();
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            await action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static double Percentile(List<double> times, double p)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Print(string name, List<double> times, double? kib) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-36} {Percentile(times, 0.5),8:F1} {Percentile(times, 0.95),8:F1} {times.Max(),8:F1} {(kib is { } k ? k.ToString("F0", CultureInfo.InvariantCulture) : ""),5}"));
}
