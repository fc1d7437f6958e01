using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using NewsAggregator.Core.Configuration;
using NewsAggregator.Core.Editorial;

namespace NewsAggregator.Web;

/// <summary>
/// The configured editors and the checks of their keys. A check costs one PBKDF2 derivation per candidate account
/// (a quarter of a second at the default work factor), so checks of unknown keys run one at a time: guessing, or
/// flooding the API with bad keys, cannot take more than one core.
/// </summary>
public sealed class EditorAccounts : IDisposable
{
    private readonly IReadOnlyList<(string Name, EditorKeyHash Hash)> _accounts;
    private readonly EditorKeyHash _decoy;
    private readonly SemaphoreSlim _oneCheckAtATime = new(1, 1);
    // API keys already verified, by the SHA-256 of the key (never the key): Bearer requests do not pay PBKDF2 each
    // time. Holds at most one entry per account, since only keys that matched are added.
    private readonly ConcurrentDictionary<string, string> _verified = new(StringComparer.Ordinal);

    public EditorAccounts(EditorOptions options)
    {
        _accounts = options.Accounts
            .Select(a => (a.Name.Trim(), EditorKeyHash.TryParse(a.KeyHash, out var h) ? h : throw new InvalidOperationException($"Editor account {a.Name}: invalid KeyHash (validated at start)")))
            .ToList();
        // An unknown name is checked against this so that it takes as long as a known name with a wrong key.
        _decoy = new EditorKeyHash(_accounts.Count > 0 ? _accounts[0].Hash.Iterations : EditorKeyHash.DefaultIterations, new byte[16], new byte[32]);
    }

    public bool Any => _accounts.Count > 0;

    public void Dispose() => _oneCheckAtATime.Dispose();

    /// <summary>The editor's configured name when <paramref name="key"/> is this editor's key; null otherwise.</summary>
    public async Task<string?> SignInAsync(string? name, string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(key))
            return null;
        var account = _accounts.FirstOrDefault(a => string.Equals(a.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        await _oneCheckAtATime.WaitAsync(ct);
        try
        {
            var matches = (account.Hash ?? _decoy).Matches(key);
            return matches && account.Name is not null ? account.Name : null;
        }
        finally
        {
            _oneCheckAtATime.Release();
        }
    }

    /// <summary>The editor whose key this is (API Bearer tokens carry no name); null when it is nobody's.</summary>
    public async Task<string?> FindByKeyAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || _accounts.Count == 0)
            return null;
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        if (_verified.TryGetValue(fingerprint, out var known))
            return known;
        await _oneCheckAtATime.WaitAsync(ct);
        try
        {
            // Every account is tried, match or not, so the time taken does not tell which account came first.
            string? found = null;
            foreach (var (name, hash) in _accounts)
            {
                if (hash.Matches(key) && found is null)
                    found = name;
            }
            if (found is not null)
                _verified[fingerprint] = found;
            return found;
        }
        finally
        {
            _oneCheckAtATime.Release();
        }
    }
}
