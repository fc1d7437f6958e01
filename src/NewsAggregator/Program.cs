using System.CommandLine;
using NewsAggregator.Cli;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Hosting;

// newsagg: one executable, verbs for each audience. No verb runs the production service on config/feeds.json.
// Anything the parser does not recognise (--Storage:Path=x, --Fetch:TimeoutSeconds 10) is passed on to the
// configuration as ASP.NET Core's command-line convention.
var dbOption = new Option<string?>("--db") { Description = "SQLite database file (overrides Storage:Path)" };
var urlsOption = new Option<string?>("--urls") { Description = "Addresses the web page listens on, e.g. http://127.0.0.1:5080" };
var jsonOption = new Option<bool>("--json") { Description = "Print JSON instead of a table" };

var root = new RootCommand("NewsAggregator: polls news feeds, stores every article once, groups stories and traces their sources.")
{
    TreatUnmatchedTokensAsErrors = false,
};
root.Options.Add(urlsOption);
root.SetAction(async (result, ct) =>
{
    // A mistyped verb ("newsagg evall") must not start the production service with the word as configuration.
    if (result.UnmatchedTokens.Count > 0 && !result.UnmatchedTokens[0].StartsWith('-'))
    {
        await Console.Error.WriteLineAsync($"Unknown command \"{result.UnmatchedTokens[0]}\". Run `newsagg --help` for the list.");
        return 2;
    }
    return await ServiceHost.RunAsync(ConfigArgs(result, result.GetValue(urlsOption), db: null), demo: null, ct);
});

var demo = new Command("demo", "Run the service on SQLite with the bundled sample feeds, served over loopback by this process")
{
    urlsOption, dbOption,
};
demo.TreatUnmatchedTokensAsErrors = false;
demo.SetAction((result, ct) =>
{
    var db = result.GetValue(dbOption) is { Length: > 0 } path ? Path.GetFullPath(path) : StorageOptions.DefaultPath("demo.db");
    return ServiceHost.RunAsync(ConfigArgs(result, result.GetValue(urlsOption) ?? "http://127.0.0.1:5080", db: null), new DemoSettings(db), ct);
});
root.Subcommands.Add(demo);

var migrate = new Command("migrate", "Apply pending database migrations and exit") { dbOption };
migrate.TreatUnmatchedTokensAsErrors = false;
migrate.SetAction((result, ct) => Commands.MigrateAsync(ConfigArgs(result, urls: null, result.GetValue(dbOption)), ct));
root.Subcommands.Add(migrate);

var feeds = new Command("feeds", "List, import, export and check feeds");
var statusOption = new Option<string?>("--status") { Description = "Only feeds in this state: active, failing, dead or disabled" };
var problemsOption = new Option<bool>("--problems") { Description = "Only feeds an operator must look at: dead, or failing for Scheduling:ProblemReportHours or more" };
var list = new Command("list", "Feeds with status, since when in trouble, last error and next poll") { dbOption, jsonOption, statusOption, problemsOption };
list.TreatUnmatchedTokensAsErrors = false;
list.SetAction((result, ct) => Commands.ListFeedsAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(jsonOption),
    result.GetValue(statusOption), result.GetValue(problemsOption), ct));
var fileArgument = new Argument<string>("file") { Description = "OPML file" };
var import = new Command("import", "Add the feeds of an OPML file to the database (they are polled from the next start)") { fileArgument, dbOption };
import.TreatUnmatchedTokensAsErrors = false;
import.SetAction((result, ct) => Commands.ImportAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(fileArgument)!, ct));
var outOption = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
var export = new Command("export", "Write every enabled feed as OPML") { outOption, dbOption };
export.TreatUnmatchedTokensAsErrors = false;
export.SetAction((result, ct) => Commands.ExportAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(outOption), ct));
var sourceArgument = new Argument<string>("source") { Description = "A feed file or an http(s) URL" };
var outletOption = new Option<string?>("--outlet") { Description = "Outlet id the feed belongs to (for titles and hints)" };
var check = new Command("check", "Fetch (for a URL), parse and normalize one feed without storing anything; exit 1 with the reason when it fails")
{
    sourceArgument, jsonOption, outletOption,
};
check.TreatUnmatchedTokensAsErrors = false;
check.SetAction((result, ct) => Commands.CheckAsync(ConfigArgs(result, null, null), result.GetValue(sourceArgument)!, result.GetValue(outletOption), result.GetValue(jsonOption), ct));
feeds.Subcommands.Add(list);
feeds.Subcommands.Add(import);
feeds.Subcommands.Add(export);
feeds.Subcommands.Add(check);
root.Subcommands.Add(feeds);

// Clustering: quality on a labelled corpus, re-clustering from scratch, and why an article is where it is.
var corpusOption = new Option<string>("--corpus") { Description = "Labelled corpus (JSON Lines, format in ../shared/eval/README.md)", Required = true };
var mistakesOption = new Option<string?>("--mistakes") { Description = "Also write each provenance mistake (wrong original outlet, false or missed derived edge) to this JSON Lines file" };
var evaluate = new Command("eval", "Replay a labelled corpus through normalize, store, cluster and provenance on a fresh temporary database and score it") { corpusOption, jsonOption, mistakesOption };
evaluate.TreatUnmatchedTokensAsErrors = false;
evaluate.SetAction((result, ct) => ClusterCommands.EvalAsync(ConfigArgs(result, null, null), result.GetValue(corpusOption)!, result.GetValue(jsonOption), result.GetValue(mistakesOption), ct));
root.Subcommands.Add(evaluate);

var benchCorpus = new Option<string>("--corpus") { Description = "Corpus to replay (JSON Lines; `newsagg generate` writes one)", Required = true };
var benchLimit = new Option<int?>("--articles") { Description = "Replay only the first N articles" };
var baselinePrefix = new Option<int>("--baseline-prefix") { Description = "The naive baseline runs at the end of the first N articles", DefaultValueFactory = _ => 100_000 };
var baselineSamples = new Option<int>("--baseline-samples") { Description = "Articles the naive baseline times (0: skip it)", DefaultValueFactory = _ => 10 };
var bench = new Command("bench", "Replay a corpus through store plus clustering on a fresh database; print throughput, latency, memory and the ratio to the naive baseline")
{
    benchCorpus, benchLimit, baselinePrefix, baselineSamples, dbOption,
};
bench.TreatUnmatchedTokensAsErrors = false;
bench.SetAction((result, ct) => ClusterCommands.BenchAsync(ConfigArgs(result, null, null), result.GetValue(benchCorpus)!, result.GetValue(benchLimit),
    result.GetValue(baselinePrefix), result.GetValue(baselineSamples), result.GetValue(dbOption), ct));
root.Subcommands.Add(bench);

// The editor's pages under load: the real web app on an existing database, on loopback.
var pagesDb = new Option<string>("--db") { Description = "An existing database (e.g. from `newsagg bench --corpus FILE --db PATH`)", Required = true };
var pageRequests = new Option<int>("--requests") { Description = "Requests per page (after two warm-up requests)", DefaultValueFactory = _ => 20 };
var benchPages = new Command("bench-pages", "Time the stories page and story pages over HTTP on an existing database (p50/p95/max), beside OFFSET paging as the baseline") { pagesDb, pageRequests };
benchPages.SetAction((result, ct) => PageBenchCommand.RunAsync(result.GetValue(pagesDb)!, Math.Max(1, result.GetValue(pageRequests)), ct));
root.Subcommands.Add(benchPages);

var recluster = new Command("recluster", "Cluster every stored article again from scratch, in the original ingest order (stop the service first)") { dbOption };
recluster.TreatUnmatchedTokensAsErrors = false;
recluster.SetAction((result, ct) => ClusterCommands.ReclusterAsync(ConfigArgs(result, null, result.GetValue(dbOption)), ct));
root.Subcommands.Add(recluster);

var articleArgument = new Argument<string>("article") { Description = "Article id or URL" };
var why = new Command("why", "Show the candidates, metric scores, thresholds and decision behind an article's story") { articleArgument, dbOption, jsonOption };
why.TreatUnmatchedTokensAsErrors = false;
why.SetAction((result, ct) => ClusterCommands.WhyAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(articleArgument)!, result.GetValue(jsonOption), ct));
root.Subcommands.Add(why);

var trace = new Command("trace", "Show an article's provenance chain to its root: each edge's kind, evidence spans, confidence and time gap") { articleArgument, dbOption, jsonOption };
trace.TreatUnmatchedTokensAsErrors = false;
trace.SetAction((result, ct) => ProvenanceCommands.TraceAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(articleArgument)!, result.GetValue(jsonOption), ct));
root.Subcommands.Add(trace);

// Research: exports of articles, stories, provenance edges and outlets with a manifest, and per-outlet statistics.
var whatOption = new Option<string[]>("--what") { Description = "Tables: articles, stories, edges, outlets (repeat or separate with commas; default all; ignored for graphml)" };
var exportFormatOption = new Option<string>("--format") { Description = "csv, jsonl (one file per table) or graphml (one graph: provenance.graphml)", DefaultValueFactory = _ => "csv" };
var sinceOption = new Option<string?>("--since") { Description = "Only articles published from this time (ISO 8601, UTC unless an offset is given)" };
var untilOption = new Option<string?>("--until") { Description = "Only articles published before this time (ISO 8601)" };
var exportOutOption = new Option<string?>("--out") { Description = "Folder to write the files and manifest.json to (default: newsagg-export-<time> here)" };
var researchExport = new Command("export", "Write articles, stories, provenance edges and outlets (CSV, JSON Lines or GraphML) with a manifest of parameters, versions and checksums")
{
    whatOption, exportFormatOption, sinceOption, untilOption, exportOutOption, dbOption,
};
researchExport.TreatUnmatchedTokensAsErrors = false;
researchExport.SetAction((result, ct) => ResearchCommands.ExportAsync(ConfigArgs(result, null, result.GetValue(dbOption)), new ResearchCommands.ExportArguments(
    result.GetValue(whatOption), result.GetValue(exportFormatOption), result.GetValue(sinceOption), result.GetValue(untilOption), result.GetValue(exportOutOption)), ct));
root.Subcommands.Add(researchExport);

var stats = new Command("stats", "Statistics over the stored articles and their provenance");
var statsFormatOption = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" };
var statsOutOption = new Option<string?>("--out") { Description = "Write to this file instead of standard output" };
var statsOutlets = new Command("outlets", "Per outlet: articles, originals, derived, times copied by others, median copy delay, top upstream sources")
{
    statsFormatOption, statsOutOption, dbOption,
};
statsOutlets.TreatUnmatchedTokensAsErrors = false;
statsOutlets.SetAction((result, ct) => ResearchCommands.StatsOutletsAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(statsFormatOption), result.GetValue(statsOutOption), ct));
stats.Subcommands.Add(statsOutlets);
root.Subcommands.Add(stats);

// Housekeeping: an online backup while the service runs, restore, and retention on demand.
var backupFileArgument = new Argument<string>("file") { Description = "Where to write the copy" };
var forceOption = new Option<bool>("--force") { Description = "Replace the file if it exists" };
var backup = new Command("backup", "Copy the database while the service runs (SQLite's backup API): a consistent snapshot, checked with integrity_check")
{
    backupFileArgument, forceOption, dbOption,
};
backup.TreatUnmatchedTokensAsErrors = false;
backup.SetAction((result, ct) => HousekeepingCommands.BackupAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(backupFileArgument)!, result.GetValue(forceOption), ct));
root.Subcommands.Add(backup);

var restoreFileArgument = new Argument<string>("file") { Description = "A backup written by `newsagg backup`" };
var restore = new Command("restore", "Make a backup the database (stop the service first): checked, refused while the database is in use; the old file is moved aside, never deleted")
{
    restoreFileArgument, dbOption,
};
restore.TreatUnmatchedTokensAsErrors = false;
restore.SetAction((result, ct) => HousekeepingCommands.RestoreAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(restoreFileArgument)!, ct));
root.Subcommands.Add(restore);

var dryRunOption = new Option<bool>("--dry-run") { Description = "Only count what would be removed; change nothing" };
var retention = new Command("retention", "Remove articles first seen more than Retention:Days ago now, leaving tombstones; --dry-run shows what would go")
{
    dryRunOption, dbOption, jsonOption,
};
retention.TreatUnmatchedTokensAsErrors = false;
retention.SetAction((result, ct) => HousekeepingCommands.RetentionAsync(ConfigArgs(result, null, result.GetValue(dbOption)), result.GetValue(dryRunOption), result.GetValue(jsonOption), ct));
root.Subcommands.Add(retention);

// editor: accounts for the editor page live in configuration with only their key's hash.
var keyOption = new Option<string?>("--key") { Description = "The key to hash (default: the first line of standard input, which keeps it out of the shell history)" };
var hashKey = new Command("hash-key", "Print the hash of an editor key to paste as Editor:Accounts:N:KeyHash") { keyOption };
hashKey.SetAction((result, ct) => EditorCommands.HashKeyAsync(result.GetValue(keyOption), ct));
var editor = new Command("editor", "Editor accounts");
editor.Subcommands.Add(hashKey);
root.Subcommands.Add(editor);

// generate: a deterministic synthetic syndication corpus in the eval line format, for scale, clustering and provenance tests.
var articlesOption = new Option<int>("--articles") { Description = "Exact number of articles (lines) to write", Required = true };
var seedOption = new Option<long>("--seed") { Description = "Seed; the same articles, seed and options give the same file, byte for byte", DefaultValueFactory = _ => 1 };
var generateOutOption = new Option<string>("--out") { Description = "JSON Lines file to write", Required = true };
var perDayOption = new Option<int>("--per-day") { Description = "About this many articles per day of published time", DefaultValueFactory = _ => 20_000 };
var startOption = new Option<string>("--start") { Description = "Published time of the first story (ISO 8601, UTC unless an offset is given)", DefaultValueFactory = _ => "2026-01-02T00:00:00Z" };
var generate = new Command("generate", "Write a synthetic corpus of wire stories, copies, rewrites, independent reports and updates with gold labels")
{
    articlesOption, seedOption, generateOutOption, perDayOption, startOption,
};
generate.TreatUnmatchedTokensAsErrors = false;
generate.SetAction((result, ct) => Commands.GenerateAsync(ConfigArgs(result, null, null), new GenerateRequest(
    result.GetValue(articlesOption), result.GetValue(seedOption), result.GetValue(generateOutOption)!, result.GetValue(perDayOption),
    result.GetValue(startOption)!), ct));
root.Subcommands.Add(generate);

return await root.Parse(args).InvokeAsync();

static string[] ConfigArgs(ParseResult result, string? urls, string? db)
{
    var args = new List<string>(result.UnmatchedTokens);
    if (urls is not null)
        args.Add($"--urls={urls}");
    if (db is { Length: > 0 })
        args.Add($"--Storage:Path={Path.GetFullPath(db)}");
    return args.ToArray();
}

/// <summary>Visible to WebApplicationFactory-based tests.</summary>
public partial class Program;
