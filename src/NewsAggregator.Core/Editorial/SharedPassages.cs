using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Core.Editorial;

/// <summary>A piece of an article's text, and whether the other article holds the same sentence.</summary>
public sealed record TextSegment(string Text, bool Shared);

/// <summary>
/// The sentences two articles share, for the side-by-side view and the chain's evidence. Sentences are compared
/// after case, punctuation and spacing are folded away, so a copy that changed quotes or spacing still matches;
/// sentences shorter than <see cref="MinLetters"/> letters and digits ("Read more.") are never marked.
/// </summary>
public static partial class SharedPassages
{
    public const int MinLetters = 20;

    [GeneratedRegex(@"(?<=[.!?…])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    /// <summary>The text of <paramref name="text"/> cut into sentences (breaks kept), each marked when <paramref name="other"/> holds it too.</summary>
    public static IReadOnlyList<TextSegment> Mark(string text, string other)
    {
        var theirs = Sentences(other).Select(Key).Where(k => k.Length >= MinLetters).ToHashSet(StringComparer.Ordinal);
        return Sentences(text).Select(s => new TextSegment(s, theirs.Contains(Key(s)))).ToList();
    }

    /// <summary>The sentences of <paramref name="text"/> found in <paramref name="other"/>, in order.</summary>
    public static IReadOnlyList<string> Shared(string text, string other) => Mark(text, other).Where(s => s.Shared).Select(s => s.Text.Trim()).ToList();

    /// <summary>Share of <paramref name="text"/>'s long sentences found in <paramref name="other"/> (0 when it has none).</summary>
    public static double Share(string text, string other)
    {
        var marked = Mark(text, other).Where(s => Key(s.Text).Length >= MinLetters).ToList();
        return marked.Count == 0 ? 0 : (double)marked.Count(s => s.Shared) / marked.Count;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var at = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            if (m.Index > at)
                yield return text[at..(m.Index + m.Length)];
            at = m.Index + m.Length;
        }
        if (at < text.Length)
            yield return text[at..];
    }

    private static string Key(string sentence)
    {
        var b = new StringBuilder(sentence.Length);
        foreach (var c in sentence)
        {
            if (char.IsLetterOrDigit(c))
                b.Append(char.ToLowerInvariant(c));
        }
        return b.ToString();
    }
}
