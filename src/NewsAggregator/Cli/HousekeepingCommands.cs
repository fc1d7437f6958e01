using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Housekeeping;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Cli;

/// <summary>The operator's housekeeping verbs: backup, restore and retention.</summary>
public static class HousekeepingCommands
{
    /// <summary>`newsagg backup FILE`: an online copy while the service runs. Exit 2 with the reason when refused.</summary>
    public static Task<int> BackupAsync(string[] args, string file, bool force, CancellationToken ct) => Commands.WithServicesAsync(args, async services =>
    {
        try
        {
            var report = await new SqliteBackup(services.GetRequiredService<Database>()).BackupAsync(file, force, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Backed up {report.Source} to {report.Path}: {report.Bytes / 1048576.0:N1} MiB, {report.Articles:N0} articles, schema {report.SchemaVersion:D4}, integrity ok, {report.Elapsed.TotalSeconds:F2} s"));
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"Backup refused: {e.Message}");
            return 2;
        }
    });

    /// <summary>`newsagg restore FILE`: the backup becomes the database (service stopped). Exit 2 with the reason when refused.</summary>
    public static Task<int> RestoreAsync(string[] args, string file, CancellationToken ct) => Commands.WithServicesAsync(args, async services =>
    {
        try
        {
            var report = await new SqliteBackup(services.GetRequiredService<Database>()).RestoreAsync(file, DateTimeOffset.UtcNow, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Restored {report.Backup} to {report.Database}: {report.Articles:N0} articles, schema {report.SchemaVersion:D4}, integrity ok"));
            foreach (var moved in report.MovedAside)
                Console.WriteLine($"The database it replaced: {moved}");
            if (report.PendingMigrations > 0)
                Console.WriteLine($"{report.PendingMigrations} migration(s) pending: applied at the next start (Storage:MigrateOnStart) or by `newsagg migrate`.");
            Console.WriteLine("Start the service again.");
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"Restore refused: {e.Message}");
            return 2;
        }
    });

    /// <summary>`newsagg retention [--dry-run]`: what retention removes now (or would), with the figures.</summary>
    public static Task<int> RetentionAsync(string[] args, bool dryRun, bool json, CancellationToken ct) => Commands.WithSchemaAsync(args, async services =>
    {
        var report = await services.GetRequiredService<ArticleRetention>().RunAsync(dryRun, ct);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, Commands.JsonOut));
            return 0;
        }
        if (!report.Enabled)
        {
            Console.WriteLine("Retention is off (Retention:Days is 0): nothing is removed. Set Retention:Days (e.g. --Retention:Days=90) to see what it would remove.");
            return 0;
        }
        var verb = dryRun ? "Would remove" : "Removed";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {verb} articles first seen before {report.Cutoff:yyyy-MM-dd HH:mm:ss} UTC ({report.CutoffBasis}):
              articles           {report.Articles,10:N0}  (versions {report.Versions:N0}, sightings {report.Sightings:N0})
              stories removed    {report.StoriesRemoved,10:N0}  (every member gone)
              stories updated    {report.StoriesUpdated,10:N0}  (some members gone; same id, counts and times recounted)
              edges removed      {report.EdgesRemoved,10:N0}  (of removed articles)
              edges retargeted   {report.EdgesRetargeted,10:N0}  (source article gone: now end at its outlet)
              origins unlinked   {report.OriginsUnlinked,10:N0}  (original article gone: the outlet stays)
              tombstones         {report.TombstonesWritten,10:N0}  written, {report.TombstonesExpired:N0} expired
            """));
        if (!dryRun)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {report.Batches} batches in {report.Elapsed.TotalSeconds:F2} s"));
        return 0;
    });
}
