using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;

namespace NewsAggregator.Core.Storage;

public sealed record Migration(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}

/// <summary>What the database holds compared with what this build ships.</summary>
public sealed record MigrationStatus(
    IReadOnlyList<Migration> Applied,
    IReadOnlyList<Migration> Pending,
    IReadOnlyList<int> Unknown,
    IReadOnlyList<Migration> Modified)
{
    public bool UpToDate => Pending.Count == 0 && Unknown.Count == 0 && Modified.Count == 0;

    /// <summary>A reason the service must not start even after migrating: the schema is not one this build knows.</summary>
    public string? Incompatibility =>
        Unknown.Count > 0 ? $"the database has migrations this build does not know ({string.Join(", ", Unknown)}): it was written by a newer version"
        : Modified.Count > 0 ? $"migration(s) {string.Join(", ", Modified.Select(m => $"{m.Version:D4}_{m.Name}"))} changed after they were applied; shipped migrations must never be edited"
        : null;
}

/// <summary>
/// Schema changes are numbered, append-only .sql files under db/&lt;dialect&gt;/, embedded in this assembly and
/// journaled in schema_migrations. Each one runs in its own transaction with its journal row.
/// </summary>
public sealed partial class Migrator(Database database)
{
    private const string JournalDdl = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            checksum    TEXT NOT NULL,
            applied_ms  INTEGER NOT NULL
        )
        """;

    public IReadOnlyList<Migration> Shipped { get; } = Load(database.Dialect.Name);

    public async Task<MigrationStatus> StatusAsync(CancellationToken ct = default)
    {
        await database.Dialect.PrepareAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(JournalDdl, cancellationToken: ct));
        var journal = (await connection.QueryAsync<(long Version, string Checksum)>(
            new CommandDefinition("SELECT version, checksum FROM schema_migrations ORDER BY version", cancellationToken: ct)))
            .ToDictionary(r => (int)r.Version, r => r.Checksum);

        var applied = Shipped.Where(m => journal.ContainsKey(m.Version)).ToList();
        return new MigrationStatus(
            applied,
            Shipped.Where(m => !journal.ContainsKey(m.Version)).ToList(),
            journal.Keys.Where(v => Shipped.All(m => m.Version != v)).Order().ToList(),
            applied.Where(m => journal[m.Version] != m.Checksum).ToList());
    }

    /// <summary>Applies every pending migration in order; returns those applied. Refuses a schema it does not know.</summary>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(TimeProvider time, CancellationToken ct = default)
    {
        var status = await StatusAsync(ct);
        if (status.Incompatibility is { } reason)
            throw new InvalidOperationException($"Cannot migrate {database.Dialect.Describe()}: {reason}.");

        await using var connection = await database.OpenAsync(ct);
        foreach (var migration in status.Pending)
        {
            await using var write = await database.BeginWriteAsync(connection, ct);
            var tx = write.Transaction;
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_migrations (version, name, checksum, applied_ms) VALUES (@Version, @Name, @Checksum, @AppliedMs)",
                new { migration.Version, migration.Name, migration.Checksum, AppliedMs = time.GetUtcNow().ToUnixTimeMilliseconds() },
                tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        return status.Pending;
    }

    internal static IReadOnlyList<Migration> Load(string dialect)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"migrations/{dialect}/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var file = resource[prefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success)
                throw new InvalidOperationException($"Migration file {file} must be named NNNN_name.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}");
        return migrations.OrderBy(m => m.Version).ToList();
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
