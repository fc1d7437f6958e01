using System.Text.RegularExpressions;
using NewsAggregator.Core.Parsing;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// Captures provenance clues as data (ARCHITECTURE steps 4 and 7). It only extracts candidates: matching names
/// against the outlet directory, weighing and ordering them is the provenance stage's job. Because unknown names
/// found here may become external outlets there, attribution favours precision: a name must look like a news outlet.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Declared: RSS &lt;source&gt; / atom:source, name in Value and URL in Evidence (or the URL alone).</item>
/// <item>Canonical: the item link lives on another site than the feed (aggregators, syndication partners).</item>
/// <item>Link: links in the content to other sites; not the feed's own site, not social networks or share buttons,
/// not obvious non-news sites (encyclopaedias, shops, shorteners, feed proxies); at most <see cref="MaxLinkHints"/>.</item>
/// <item>WireCredit: datelines "LONDON (Reuters) -", "(AP) —"; sign-offs "— Associated Press"; "AP contributed to this
/// report"; Reuters' "Reporting by X; Editing by Y" (Value "Reuters"); republication notices "This story was
/// originally published by X", "The post … appeared first on X".</item>
/// <item>Attribution: "according to X", "according to a X report", "citing X", "told X", "in an interview with X",
/// "speaking to X", "a report in/by X", "(first) reported by X", "quoted by X", "X reported/revealed". The name is a span of capitalised words
/// (so "according to the newspaper" and "according to officials" yield nothing). Phrases that also take people and
/// institutions ("according to", "told", "a report in") need media evidence: a media word in the name ("Times",
/// "Guardian", "News"), a known outlet name ("Reuters", "BBC"), or a media noun after it ("X newspaper"). Phrases
/// that mostly take outlets ("reported by", "quoted by", "X reported") accept, without such evidence, one-word names
/// and names written with a capital "The"; always rejected: pronouns, sentence openers, dates, common nouns, person
/// titles ("Press Secretary …") and institution-like names ("… Ministry", "… Watch", "Post Office", "FBI").</item>
/// </list>
/// Hints naming the feed's own outlet are dropped, and hints are deduplicated by kind and value (ignoring case and a
/// leading "the").
/// </remarks>
public sealed partial class HintExtractor
{
    public const int MaxLinkHints = 25;
    private const int MaxEvidenceLength = 300;
    private const int RegexTimeoutMs = 500;

    // A capitalised name of up to five words, optionally after "the"; "of", "de", "al" may join words
    // ("Times of Israel", "Voice of America"). Commas, lower-case words and line ends stop it.
    private const string Name = @"(?<name>(?:[Tt]he[ \t]+)?\p{Lu}[\p{L}\p{M}\p{Nd}&'’.\-]*(?:[ \t]+(?:(?:of|for|de|del|du|la|le|el|al)[ \t]+)?[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}&'’.\-]*){0,4})";

    private const string Agencies =
        "The Associated Press|Associated Press|Agence France-Presse|Agence France Presse|Deutsche Presse-Agentur|"
        + "United Press International|Press Trust of India|Australian Associated Press|The Canadian Press|Canadian Press|"
        + "Bloomberg News|Bloomberg|Reuters|AFP|AP|dpa|UPI|Xinhua|Kyodo News|Kyodo|Yonhap|ANSA|EFE|Anadolu Agency|"
        + "Anadolu|TASS|Interfax|PA Media|Press Association|PTI|IANS|ANI|AAP|CNN Wire";

    /// <summary>Words that make a capitalised name an outlet rather than a person or an institution.</summary>
    private static readonly HashSet<string> MediaWords = new(StringComparer.Ordinal)
    {
        "News", "Times", "Post", "Journal", "Guardian", "Telegraph", "Herald", "Tribune", "Gazette", "Observer",
        "Monitor", "Express", "Mirror", "Mail", "Independent", "Press", "Daily", "Weekly", "Magazine", "Radio", "TV",
        "Television", "Broadcasting", "Broadcast", "Channel", "Network", "Wire", "Newswire", "Chronicle", "Standard",
        "Courier", "Dispatch", "Bulletin", "Insider", "Today", "Globe", "Examiner", "Inquirer", "Sentinel", "Reporter",
        "Newsweek", "Economist", "Newspaper", "Zeitung", "Presse", "Agence", "Media", "Review", "Record",
        "Star", "Sun", "Eye", "Voice", "Report", "Politico", "Axios",
    };

    /// <summary>Outlets whose bare name carries no media word. A seed list, not the directory.</summary>
    private static readonly HashSet<string> KnownOutlets = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "Bloomberg", "AP", "AFP", "BBC", "CNN", "NPR", "PBS", "ABC", "CBS", "NBC", "MSNBC", "Fox", "RT",
        "TASS", "Interfax", "Xinhua", "Kyodo", "Yonhap", "dpa", "ANSA", "EFE", "UPI", "Haaretz", "Politico", "Axios",
        "Semafor", "Vox", "Al Jazeera", "Al-Monitor", "Al Arabiya", "Ynet", "Sputnik", "IRNA", "Tasnim", "Fars", "ISNA",
        "Anadolu", "WAFA", "Le Monde", "Le Figaro", "Der Spiegel", "Spiegel", "Bild", "Kommersant", "Vedomosti",
        "ProPublica", "Bellingcat", "Euronews", "France 24", "Deutsche Welle", "DW", "NHK", "CBC", "ITV", "Sky",
        "Meduza", "Novaya Gazeta", "El País", "La Repubblica", "Corriere della Sera", "Asahi", "Yomiuri", "Nikkei",
        "Dawn", "Ha'aretz", "The Hill", "Vice", "Slate", "Salon", "Quartz", "HuffPost", "BuzzFeed", "TechCrunch",
        "Wired", "Forbes", "Fortune", "Newsmax", "Breitbart", "CNBC", "WSJ", "FT", "NYT", "Associated Press",
        "Agence France-Presse",
    };

    /// <summary>Words after a name that say it is an outlet: "The Guardian newspaper", "Channel 12 broadcaster".</summary>
    [GeneratedRegex(@"^\s*(?:'s\s+|’s\s+)?(?i:newspaper|daily|paper|tabloid|broadcaster|channel|network|news\s+agency|news\s+site|news\s+website|news\s+outlet|website|outlet|magazine|weekly|television|radio|TV)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MediaNounAfter();

    /// <summary>Sentence openers, pronouns, common nouns and dates that are capitalised without being names.</summary>
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "A", "An", "He", "She", "They", "It", "We", "I", "You", "His", "Her", "Their", "Its", "Our", "This",
        "That", "These", "Those", "There", "Here", "Police", "Officials", "Authorities", "Witnesses", "Sources",
        "Residents", "Doctors", "Analysts", "Experts", "Critics", "Researchers", "Scientists", "Officers",
        "Investigators", "Prosecutors", "Lawyers", "Activists", "Reports", "Media", "State", "Local", "Government",
        "Military", "Army", "Earlier", "Later", "Meanwhile", "However", "But", "And", "Also", "Yet", "So", "Then",
        "Last", "Next", "On", "In", "At", "According", "Citing", "Some", "Many", "Several", "Other", "Others", "Both",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
        "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Yesterday", "Tomorrow", "Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Prime", "Spokesman",
        "Spokeswoman", "Spokesperson", "US", "U.S.", "UK", "EU", "UN", "Western", "Eastern", "Officials'",
        // Sentence openers that "X reported" would otherwise take for a name ("As reported by …", "If …").
        "As", "If", "When", "While", "After", "Before", "Since", "Although", "Though", "Because", "Now", "Instead",
        "Still", "Even", "Only", "Just", "Once", "Where", "Who", "What", "Which", "How", "Why", "All", "Most", "No",
        "Not", "Such", "Each", "Every", "Another", "Any", "Whether", "Unless", "Until", "During", "Despite", "Amid",
        "Following", "Under", "Over", "For", "With", "From", "By", "To", "Of", "Or", "Nor", "Week", "Weekend",
        "Month", "Year", "Night", "Morning", "Afternoon", "Evening", "Day",
    };

    /// <summary>Last words of institutions that publish reports without being news outlets.</summary>
    private static readonly HashSet<string> InstitutionWords = new(StringComparer.Ordinal)
    {
        "Watch", "International", "Organization", "Organisation", "Ministry", "Department", "Office", "Council",
        "Committee", "Commission", "Court", "Police", "Army", "Forces", "Government", "Institute", "University",
        "Center", "Centre", "Foundation", "Bank", "Fund", "Union", "Party", "Senate", "Congress", "Parliament",
        "Service", "Bureau", "Authority", "Administration", "Command", "Corps", "Agency", "Association", "Board",
        "Ministry's", "Group", "Company", "Inc", "Ltd", "Corporation",
    };

    /// <summary>Titles that make a capitalised span a person ("Press Secretary Jane Roe"), whatever else it contains.</summary>
    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Minister", "President", "Director", "Chief",
        "Governor", "Senator", "Representative", "General", "Commander", "Professor", "Mayor", "Ambassador",
    };

    /// <summary>Sites whose links say nothing about where a story came from.</summary>
    private static readonly HashSet<string> IgnoredSites = new(StringComparer.OrdinalIgnoreCase)
    {
        // Social networks and share buttons.
        "facebook.com", "fb.com", "fb.me", "twitter.com", "x.com", "t.co", "linkedin.com", "lnkd.in", "pinterest.com",
        "reddit.com", "redd.it", "whatsapp.com", "wa.me", "t.me", "telegram.me", "telegram.org", "instagram.com",
        "tiktok.com", "youtube.com", "youtu.be", "vk.com", "tumblr.com", "threads.net", "bsky.app", "mastodon.social",
        "flipboard.com", "addtoany.com", "sharethis.com", "getpocket.com", "news.ycombinator.com", "digg.com",
        // Reference, shops, tools, shorteners and feed plumbing.
        "wikipedia.org", "wikimedia.org", "wikidata.org", "google.com", "goo.gl", "apple.com", "amazon.com", "amzn.to",
        "bit.ly", "ow.ly", "buff.ly", "tinyurl.com", "dlvr.it", "feedburner.com", "feedblitz.com", "wordpress.org",
        "gravatar.com", "creativecommons.org", "w3.org", "schema.org", "doubleclick.net", "paypal.com", "patreon.com",
        "disqus.com", "spotify.com", "list-manage.com", "mailchi.mp", "archive.org", "archive.ph",
    };

    /// <summary>Second-level labels under which registrations happen one level deeper ("bbc.co.uk").</summary>
    private static readonly HashSet<string> SecondLevelLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gv", "gob", "nic", "mil",
    };

    private static readonly (Regex Pattern, bool NeedsMediaEvidence)[] AttributionRules =
    [
        (AccordingToRule(), true),
        (AccordingToAReportRule(), true),
        (CitingRule(), true),
        (ToldRule(), true),
        (ReportInRule(), true),
        (ReportByRule(), false),
        (ReportedByRule(), false),
        (NameReportedRule(), false),
    ];

    /// <summary>Every hint for one item: declared source, canonical link, content links, wire credits, attributions.</summary>
    public IReadOnlyList<ProvenanceHint> Extract(
        ParsedItem item, FeedContext feed, string? canonicalUrl, string? text, IReadOnlyList<string>? links)
    {
        var hints = new List<ProvenanceHint>();
        hints.AddRange(FromDeclaredSource(item));
        if (FromCanonicalUrl(canonicalUrl, feed) is { } canonical)
            hints.Add(canonical);
        hints.AddRange(FromLinks(links ?? [], feed, canonicalUrl));
        hints.AddRange(FromWireCredits(text));
        hints.AddRange(FromAttributions(text));
        return Dedupe(hints.Where(h => !NamesOwnOutlet(h, feed)));
    }

    /// <summary>RSS &lt;source&gt; / atom:source.</summary>
    public IReadOnlyList<ProvenanceHint> FromDeclaredSource(ParsedItem item)
    {
        var name = item.SourceName is null ? "" : HtmlText.CollapseWhitespace(System.Net.WebUtility.HtmlDecode(item.SourceName));
        var url = UrlCanonicalizer.Canonicalize(item.SourceUrl);
        if (name.Length > 0)
            return [new ProvenanceHint(HintKind.Declared, name, url)];
        return url is null ? [] : [new ProvenanceHint(HintKind.Declared, url)];
    }

    /// <summary>The item link on another site than the feed's: syndicated or aggregated content.</summary>
    public ProvenanceHint? FromCanonicalUrl(string? canonicalUrl, FeedContext feed)
    {
        if (canonicalUrl is null || !Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var article))
            return null;
        var feedSite = FeedSite(feed);
        var articleSite = SiteKey(article.Host);
        // A feed proxy (FeedBurner) says nothing about the outlet's own site, and a link to a proxy is no source.
        if (feedSite is null || IgnoredSites.Contains(feedSite) || IgnoredSites.Contains(articleSite) || feedSite == articleSite)
            return null;
        return new ProvenanceHint(HintKind.Canonical, canonicalUrl, $"item link on {articleSite}, feed site {feedSite}");
    }

    /// <summary>
    /// Links to sites other than the feed's, its site link's and the article's own, in document order, at most
    /// <see cref="MaxLinkHints"/>; Evidence is the linked site.
    /// </summary>
    public IReadOnlyList<ProvenanceHint> FromLinks(IEnumerable<string> links, FeedContext feed, string? canonicalUrl)
    {
        var ownSites = OwnSites(feed, canonicalUrl);
        var hints = new List<ProvenanceHint>();
        foreach (var link in links)
        {
            if (hints.Count >= MaxLinkHints)
                break;
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                continue;
            var site = SiteKey(uri.Host);
            if (ownSites.Contains(site) || IgnoredSites.Contains(site) || IgnoredSites.Contains(uri.Host))
                continue;
            hints.Add(new ProvenanceHint(HintKind.Link, UrlCanonicalizer.Canonicalize(link) ?? link, site));
        }
        return hints;
    }

    /// <summary>Datelines, sign-offs, contribution lines, Reuters credits and republication notices.</summary>
    public IReadOnlyList<ProvenanceHint> FromWireCredits(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var hints = new List<ProvenanceHint>();
        foreach (var m in SafeMatches(DatelineRule(), text))
        {
            var agency = m.Groups["agency"].Value.Trim();
            // "(dpa)" is the one agency that credits itself in lower case; other lower-case parentheses are asides.
            if (agency.Split(' ').Length <= 4 && (char.IsUpper(agency[0]) || agency.Equals("dpa", StringComparison.Ordinal)))
                hints.Add(new ProvenanceHint(HintKind.WireCredit, agency, m.Value.Trim()));
        }
        foreach (var rule in new[] { SignOffRule(), ContributedRule() })
        {
            foreach (var m in SafeMatches(rule, text))
                hints.Add(new ProvenanceHint(HintKind.WireCredit, m.Groups["agency"].Value.Trim(), m.Value.Trim()));
        }
        foreach (var m in SafeMatches(ReutersCreditRule(), text))
            hints.Add(new ProvenanceHint(HintKind.WireCredit, "Reuters", m.Value.Trim()));
        foreach (var m in SafeMatches(RepublishedRule(), text))
        {
            var name = CleanName(m.Groups["name"].Value);
            if (name.Length > 0)
                hints.Add(new ProvenanceHint(HintKind.WireCredit, name, Sentence(text, m)));
        }
        return Dedupe(hints);
    }

    /// <summary>Phrases naming an outlet as the source; Value is the name, Evidence the sentence.</summary>
    public IReadOnlyList<ProvenanceHint> FromAttributions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var hints = new List<ProvenanceHint>();
        foreach (var (pattern, needsEvidence) in AttributionRules)
        {
            foreach (var m in SafeMatches(pattern, text))
            {
                var group = m.Groups["name"];
                var name = CleanName(group.Value);
                if (name.Length == 0 || !IsPlausibleOutlet(name, text.AsSpan(group.Index + group.Length), needsEvidence))
                    continue;
                hints.Add(new ProvenanceHint(HintKind.Attribution, name, Sentence(text, m)));
            }
        }
        return Dedupe(hints);
    }

    /// <summary>
    /// The registrable part of a host without a public-suffix list: last two labels, or three under "co.uk"-style
    /// second levels. Good enough to tell "www.bbc.co.uk" from "theguardian.com"; wrong only for exotic suffixes.
    /// </summary>
    internal static string SiteKey(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (h.Length == 0 || Uri.CheckHostName(h) is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return h;
        var labels = h.Split('.');
        if (labels.Length >= 3 && labels[^1].Length == 2 && SecondLevelLabels.Contains(labels[^2]))
            return string.Join('.', labels[^3..]);
        return labels.Length >= 2 ? string.Join('.', labels[^2..]) : h;
    }

    private static string? FeedSite(FeedContext feed)
    {
        if (feed.SiteLink is not null && Uri.TryCreate(feed.SiteLink, UriKind.Absolute, out var site) && site.Host.Length > 0)
            return SiteKey(site.Host);
        return feed.FeedUrl.IsAbsoluteUri ? SiteKey(feed.FeedUrl.Host) : null;
    }

    private static HashSet<string> OwnSites(FeedContext feed, string? canonicalUrl)
    {
        var sites = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (feed.FeedUrl.IsAbsoluteUri)
            sites.Add(SiteKey(feed.FeedUrl.Host));
        if (FeedSite(feed) is { } site)
            sites.Add(site);
        if (canonicalUrl is not null && Uri.TryCreate(canonicalUrl, UriKind.Absolute, out var article))
            sites.Add(SiteKey(article.Host));
        return sites;
    }

    private static bool NamesOwnOutlet(ProvenanceHint hint, FeedContext feed) =>
        hint.Kind is HintKind.Attribution or HintKind.WireCredit or HintKind.Declared
        && DedupeKey(hint.Value) == DedupeKey(feed.OutletName);

    private static List<ProvenanceHint> Dedupe(IEnumerable<ProvenanceHint> hints)
    {
        var seen = new HashSet<(HintKind, string)>();
        return [.. hints.Where(h => seen.Add((h.Kind, DedupeKey(h.Value))))];
    }

    private static string DedupeKey(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        return v.StartsWith("the ", StringComparison.Ordinal) ? v[4..] : v;
    }

    /// <summary>
    /// Tidies a captured name: drops a lower-case "the", leading sentence openers, trailing dates, a possessive and
    /// trailing punctuation; stops at a word that ends a sentence ("Reuters. The ministry …").
    /// </summary>
    private static string CleanName(string raw)
    {
        var words = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (w.EndsWith('.') && !w[..^1].Contains('.', StringComparison.Ordinal) && i < words.Count - 1)
            {
                words.RemoveRange(i + 1, words.Count - i - 1);
                break;
            }
        }
        // "Israel's Channel 12", "Iran’s Press TV": the owner before a possessive is not part of the outlet's name.
        var owner = words.FindLastIndex(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal));
        if (owner >= 0 && owner < words.Count - 1)
            words.RemoveRange(0, owner + 1);
        if (words.Count > 0 && words[0] == "the")
            words.RemoveAt(0);
        var hadThe = words.Count > 0 && words[0] == "The";
        while (words.Count > 0 && StopWords.Contains(words[0].TrimEnd('.', ',')))
            words.RemoveAt(0);
        while (words.Count > 0 && StopWords.Contains(words[^1].TrimEnd('.', ',')))
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0)
            return "";
        var last = words[^1];
        foreach (var possessive in new[] { "'s", "’s" })
        {
            if (last.EndsWith(possessive, StringComparison.Ordinal))
                last = last[..^possessive.Length];
        }
        words[^1] = last.TrimEnd('.', '\'', '’', '-');
        if (words[^1].Length == 0)
            words.RemoveAt(words.Count - 1);
        if (words.Count == 0)
            return "";
        // "The" is part of names such as "The Guardian" when the writer capitalised it mid-sentence.
        return (hadThe ? "The " : "") + string.Join(' ', words);
    }

    private static bool IsPlausibleOutlet(string name, ReadOnlySpan<char> after, bool needsEvidence)
    {
        var bare = name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
        if (KnownOutlets.Contains(bare))
            return true;
        var words = bare.Split(' ');
        if (words.Any(PersonTitles.Contains))
            return false;
        // "Post Office" and "Energy Agency" are institutions even with a media-looking word; "Tasnim News Agency" is not.
        if (InstitutionWords.Contains(words[^1]) && !words.Contains("News"))
            return false;
        var hasEvidence = words.Any(MediaWords.Contains)
            || MediaNounAfter().IsMatch(after.Length > 60 ? after[..60] : after);
        if (hasEvidence)
            return true;
        if (needsEvidence)
            return false;
        // Without evidence only one-word names ("Haaretz", "Politico") or names the writer gave a capital "The"
        // ("The Intercept"): two capitalised words are far more often a person ("John Smith reported …"),
        // and a bare acronym an institution ("FBI").
        var isAcronym = bare.Length <= 6 && bare.All(c => char.IsUpper(c) || c == '.');
        return !isAcronym && (words.Length == 1 || name.StartsWith("The ", StringComparison.Ordinal));
    }

    /// <summary>The sentence around a match, at most <see cref="MaxEvidenceLength"/> characters.</summary>
    private static string Sentence(string text, Match m)
    {
        var start = m.Index;
        while (start > 0 && text[start - 1] != '\n' && !(start >= 2 && text[start - 1] == ' ' && text[start - 2] is '.' or '!' or '?'))
            start--;
        var end = m.Index + m.Length;
        while (end < text.Length && text[end] != '\n' && !(text[end - 1] is '.' or '!' or '?' && text[end] == ' '))
            end++;
        var sentence = text[start..end].Trim();
        if (sentence.Length <= MaxEvidenceLength)
            return sentence;
        // Too long: centre the window on the match.
        var from = Math.Clamp(m.Index - start - (MaxEvidenceLength - m.Length) / 2, 0, sentence.Length - MaxEvidenceLength);
        return sentence.Substring(from, MaxEvidenceLength).Trim();
    }

    private static IEnumerable<Match> SafeMatches(Regex regex, string text)
    {
        var results = new List<Match>();
        try
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                results.Add(m);
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile or huge text: keep what was found so far; hints are clues, not a contract.
        }
        return results;
    }

    [GeneratedRegex(@"(?m)^(?:\p{Lu}[\p{Lu}\p{M}'’.\-/ ]{1,40}(?:,[ \t]*[\p{L}\p{Nd} .,'’-]{1,40}?)?[ \t]*)?\((?<agency>\p{L}[\p{L}.&' ]{0,38}[\p{L}.])\)[ \t]*[-–—:]", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex DatelineRule();

    [GeneratedRegex(@"(?m)(?:^|(?<=[.!?”""’][ \t]{0,3}))[-–—][ \t]*(?<agency>" + Agencies + @")\.?[ \t]*$", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SignOffRule();

    [GeneratedRegex(@"\b(?<agency>" + Agencies + @")[ \t]+(?i:contributed\s+to\s+this\s+(?:report|story|article))|(?i:with\s+(?:additional\s+)?(?:reporting|input|inputs)\s+(?:from|by))\s+(?<agency>" + Agencies + @")\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ContributedRule();

    // Reuters' sign-off: "(Reporting by X in Y; additional reporting by Z; Editing by W)". The semicolon and the capitals
    // keep ordinary prose ("reporting by phone … editing by his desk") out.
    [GeneratedRegex(@"\(?(?:Additional\s+r|R)eporting\s+by\s[^\n;()]{2,200};[^\n()]{0,300}?\bEditing\s+by\s[^\n()]{2,150}\)?", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReutersCreditRule();

    [GeneratedRegex(@"(?i:this\s+(?:article|story|piece|post|report)\s+(?:was\s+)?(?:originally|first)\s+(?:appeared|published|ran|posted)(?:\s+online)?\s+(?:on|in|at|by)|(?:originally|first)\s+(?:published|appeared|posted)\s+(?:on|in|at|by)|appeared\s+first\s+on)\s+(?<name>(?:[Tt]he\s+)?[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}&'’.\-]*(?:[ \t]+(?:(?:of|for)[ \t]+)?\p{Lu}[\p{L}\p{M}\p{Nd}&'’.\-]*){0,5}|[\w-]+\.(?:com|org|net|co\.uk|news|info))", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RepublishedRule();

    [GeneratedRegex(@"\b(?i:according\s+to)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AccordingToRule();

    /// <summary>"according to a Guardian report": the name used as an adjective.</summary>
    [GeneratedRegex(@"\b(?i:according\s+to|in|citing)\s+(?i:an?)\s+" + Name + @"[ \t]+(?i:report|investigation|article|story|analysis|interview|documentary|exclusive)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AccordingToAReportRule();

    [GeneratedRegex(@"\b(?i:citing|cited\s+by)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CitingRule();

    [GeneratedRegex(@"\b(?i:told|interview\s+with|speaking\s+to|spoke\s+to|talking\s+to)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ToldRule();

    [GeneratedRegex(@"\b(?i:report|reports|investigation|article|story|analysis|interview|documentary)\s+(?i:in|from|on|published\s+in|aired\s+on)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportInRule();

    [GeneratedRegex(@"\b(?i:report|investigation|article|story|analysis|exposé|expose|documentary)\s+(?i:by|published\s+by|carried\s+by|aired\s+by)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportByRule();

    [GeneratedRegex(@"\b(?i:(?:first\s+|originally\s+)?reported\s+by|quoted\s+by|revealed\s+by)\s+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportedByRule();

    [GeneratedRegex(Name + @"[ \t]+(?:(?i:newspaper|daily|news\s+agency|broadcaster|channel|website)[ \t]+)?(?i:reported|revealed|reports|reveals|first\s+reported|has\s+(?:learned|learnt|revealed|reported)|said\s+in\s+a\s+report)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex NameReportedRule();
}
