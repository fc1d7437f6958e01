using System.Text;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>The slots a template may name, e.g. "{p1.Role} {p1} said{when} that {org} ...".</summary>
internal enum SyntheticSlot
{
    P1, P1Last, P1Role, P1Title,
    P2, P2Last, P2Role, P2Title,
    P3, P3Last, P3Role, P3Title,
    Org, Org2, City, Country, Issue, Day,
    /// <summary>The story's own subject, in up to three parts (see <see cref="SyntheticEventType.Subjects"/>).</summary>
    S1, S2, S3,
    N1, N2, N3, N4, N5,
    /// <summary>An optional time phrase (" on Tuesday", " late on Tuesday", or nothing), drawn at each rendering.</summary>
    When,
    /// <summary>An optional attribution (", officials said", or nothing), drawn at each rendering.</summary>
    Tail,
}

/// <summary>
/// A sentence or headline with slots, parsed once at start-up into literal/slot pairs so that rendering a million
/// articles is a run of appends. The optional slots ({when}, {tail}) are what lets several outlets state the same fact
/// in sentences that are not identical.
/// </summary>
internal sealed class SyntheticTemplate
{
    private static readonly Dictionary<string, SyntheticSlot> Names = new(StringComparer.Ordinal)
    {
        ["p1"] = SyntheticSlot.P1, ["p1.last"] = SyntheticSlot.P1Last, ["p1.role"] = SyntheticSlot.P1Role, ["p1.Role"] = SyntheticSlot.P1Title,
        ["p2"] = SyntheticSlot.P2, ["p2.last"] = SyntheticSlot.P2Last, ["p2.role"] = SyntheticSlot.P2Role, ["p2.Role"] = SyntheticSlot.P2Title,
        ["p3"] = SyntheticSlot.P3, ["p3.last"] = SyntheticSlot.P3Last, ["p3.role"] = SyntheticSlot.P3Role, ["p3.Role"] = SyntheticSlot.P3Title,
        ["org"] = SyntheticSlot.Org, ["org2"] = SyntheticSlot.Org2, ["city"] = SyntheticSlot.City, ["country"] = SyntheticSlot.Country,
        ["issue"] = SyntheticSlot.Issue, ["day"] = SyntheticSlot.Day,
        ["s1"] = SyntheticSlot.S1, ["s2"] = SyntheticSlot.S2, ["s3"] = SyntheticSlot.S3,
        ["n1"] = SyntheticSlot.N1, ["n2"] = SyntheticSlot.N2, ["n3"] = SyntheticSlot.N3, ["n4"] = SyntheticSlot.N4, ["n5"] = SyntheticSlot.N5,
        ["when"] = SyntheticSlot.When, ["tail"] = SyntheticSlot.Tail,
    };

    private readonly string[] _literals;
    private readonly SyntheticSlot[] _slots;

    private SyntheticTemplate(string text, string[] literals, SyntheticSlot[] slots)
    {
        Text = text;
        _literals = literals;
        _slots = slots;
    }

    public string Text { get; }

    /// <summary>Whether the template names the slot (the catalogue checks that each fact uses what the type provides).</summary>
    public bool Uses(SyntheticSlot slot) => Array.IndexOf(_slots, slot) >= 0;

    /// <summary>Parses "{name}" slots; an unknown name or an unclosed brace throws, so a typo fails at start-up.</summary>
    public static SyntheticTemplate Parse(string text)
    {
        var literals = new List<string>();
        var slots = new List<SyntheticSlot>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '{')
            {
                var close = text.IndexOf('}', i);
                if (close < 0)
                    throw new InvalidOperationException($"unclosed slot in template \"{text}\"");
                var name = text[(i + 1)..close];
                if (!Names.TryGetValue(name, out var slot))
                    throw new InvalidOperationException($"unknown slot {{{name}}} in template \"{text}\"");
                literals.Add(literal.ToString());
                literal.Clear();
                slots.Add(slot);
                i = close + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }
        literals.Add(literal.ToString());
        return new SyntheticTemplate(text, literals.ToArray(), slots.ToArray());
    }

    /// <summary>Appends the sentence; without <paramref name="withTail"/> {tail} stays empty (a credit will end it).</summary>
    public void Render(StringBuilder sb, SyntheticStoryFacts facts, SyntheticRandom random, bool withTail = true)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            sb.Append(_literals[i]);
            var slot = _slots[i];
            if (slot == SyntheticSlot.When)
                sb.Append(random.Pick(facts.WhenPhrases));
            else if (slot == SyntheticSlot.Tail)
                sb.Append(withTail ? random.Pick(facts.Tails) : "");
            else
                sb.Append(facts.Values[(int)slot]);
        }
        sb.Append(_literals[^1]);
    }
}
