using NewsAggregator.Core.Editorial;

namespace NewsAggregator.Cli;

/// <summary>Editor accounts: the hash an operator pastes into Editor:Accounts, so that no key is stored in clear.</summary>
public static class EditorCommands
{
    /// <summary>Shorter keys are refused: a hash slows guessing down, it does not make a short key safe.</summary>
    public const int MinKeyLength = 12;

    /// <summary>Prints <c>pbkdf2-sha256$ITER$SALT$HASH</c> for the key given with --key or as the first line of standard input.</summary>
    public static async Task<int> HashKeyAsync(string? key, CancellationToken ct)
    {
        if (key is null)
        {
            if (!Console.IsInputRedirected)
                await Console.Error.WriteAsync("Key (the line is read as typed): ");
            key = (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r', '\n');
        }
        if (string.IsNullOrEmpty(key) || key.Length < MinKeyLength)
        {
            await Console.Error.WriteLineAsync($"A key of at least {MinKeyLength} characters is needed (given with --key or on standard input). A random one: {EditorKeyHash.NewKey()}");
            return 2;
        }
        Console.WriteLine(EditorKeyHash.Create(key).ToString());
        return 0;
    }
}
