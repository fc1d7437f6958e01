using NewsAggregator.Core.Outlets;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// The fixed habits of one outlet: a dateline style, a trailing boilerplate line and maybe a title suffix. They are
/// drawn from a hash of the outlet's id, not from the seed, so an outlet looks the same in every corpus, and two
/// verbatim copies of one article differ by these wrappers only.
/// </summary>
internal sealed class SyntheticHouseStyle
{
    private enum LeadStyle { None, CityDash, CityCountryDash, WireCredit, WireCreditDated }

    private readonly LeadStyle _lead;

    private SyntheticHouseStyle(Outlet outlet, LeadStyle lead, string? trailer, string titleSuffix)
    {
        Outlet = outlet;
        _lead = lead;
        Trailer = trailer;
        TitleSuffix = titleSuffix;
        Domain = outlet.Domains.Count > 0 ? outlet.Domains[0] : outlet.Id + ".example";
        CreditName = ShortName(outlet);
    }

    public Outlet Outlet { get; }
    public string Domain { get; }

    /// <summary>The name in a wire dateline: the shortest alias, as agencies sign ("Reuters", "AP", "AFP").</summary>
    public string CreditName { get; }

    /// <summary>Last paragraph of every article of the outlet, or null.</summary>
    public string? Trailer { get; }

    /// <summary>Appended to every title of the outlet ("" for most).</summary>
    public string TitleSuffix { get; }

    public bool IsWire => _lead is LeadStyle.WireCredit or LeadStyle.WireCreditDated;

    public static SyntheticHouseStyle For(Outlet outlet)
    {
        var random = new SyntheticRandom(Fnv1a(outlet.Id));
        LeadStyle lead;
        if (outlet.Kind == "wire")
            lead = random.Chance(0.5) ? LeadStyle.WireCredit : LeadStyle.WireCreditDated;
        else
            lead = random.Next(4) switch { 0 or 1 => LeadStyle.None, 2 => LeadStyle.CityDash, _ => LeadStyle.CityCountryDash };
        // Every outlet has some boilerplate: only an outlet with a dateline may go without a trailer.
        var trailer = lead != LeadStyle.None && random.Chance(0.15) ? null
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, random.Pick(SyntheticVocabulary.Trailers), outlet.Name,
                outlet.Domains.Count > 0 ? outlet.Domains[0] : outlet.Id + ".example");
        var suffix = random.Next(20) switch { 0 or 1 or 2 => " | " + outlet.Name, 3 or 4 => " - " + outlet.Name, _ => "" };
        return new SyntheticHouseStyle(outlet, lead, trailer, suffix);
    }

    /// <summary>The dateline opening the first paragraph ("PARIS (AFP) - ", "Lyon, France — "), or "".</summary>
    public string Lead(string city, string country, DateTimeOffset published) => _lead switch
    {
        LeadStyle.CityDash => city.ToUpperInvariant() + " — ",
        LeadStyle.CityCountryDash => city == country ? city + " — " : $"{city}, {country} — ",
        LeadStyle.WireCredit => $"{city.ToUpperInvariant()} ({CreditName}) - ",
        LeadStyle.WireCreditDated => $"{city.ToUpperInvariant()}, {SyntheticVocabulary.Months[published.Month - 1]} {published.Day} ({CreditName}) - ",
        _ => "",
    };

    private static string ShortName(Outlet outlet)
    {
        var best = outlet.Name;
        foreach (var alias in outlet.Aliases)
        {
            if (alias.Length >= 2 && alias.Length < best.Length && !alias.StartsWith("the ", StringComparison.Ordinal))
                best = alias;
        }
        return best;
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike string.GetHashCode.</summary>
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}
