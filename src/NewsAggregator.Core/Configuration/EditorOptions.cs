using NewsAggregator.Core.Editorial;

namespace NewsAggregator.Core.Configuration;

/// <summary>One editor who may correct stories: a name shown beside each correction and the hash of their key.</summary>
public sealed class EditorAccount
{
    public string Name { get; set; } = "";

    /// <summary><c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>, as printed by <c>newsagg editor hash-key</c>.</summary>
    public string KeyHash { get; set; } = "";
}

/// <summary>Section "Editor": who may sign in to correct stories, and whether readers need to.</summary>
public sealed class EditorOptions
{
    public const string Section = "Editor";

    /// <summary>Editors with their hashed keys. Empty: nobody can sign in (the demo adds a one-time account).</summary>
    public List<EditorAccount> Accounts { get; set; } = [];

    /// <summary>True: pages and the read API are open to anyone; corrections still need an editor. False: everything but sign-in, health and metrics needs one.</summary>
    public bool AnonymousRead { get; set; } = true;

    /// <summary>How long a correction request waits for the clustering job to apply it before answering "pending".</summary>
    public int CorrectionWaitSeconds { get; set; } = 15;

    public IEnumerable<string> Validate()
    {
        if (CorrectionWaitSeconds is < 0 or > 120)
            yield return $"{Section}:CorrectionWaitSeconds must be between 0 and 120 (got {CorrectionWaitSeconds})";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Accounts.Count; i++)
        {
            var account = Accounts[i];
            var key = $"{Section}:Accounts:{i}";
            if (string.IsNullOrWhiteSpace(account.Name) || account.Name.Length > 64 || account.Name.Any(char.IsControl))
                yield return $"{key}:Name must be a name of 1 to 64 printable characters (got \"{account.Name}\")";
            else if (!names.Add(account.Name.Trim()))
                yield return $"{key}:Name \"{account.Name}\" is listed twice";
            // The value is not echoed: a pasted key in place of its hash must not end up in logs.
            if (!EditorKeyHash.TryParse(account.KeyHash, out _))
                yield return $"{key}:KeyHash must be {EditorKeyHash.Prefix}$ITERATIONS$SALT$HASH with {EditorKeyHash.MinIterations} to {EditorKeyHash.MaxIterations} iterations, as printed by `newsagg editor hash-key`";
        }
    }
}
