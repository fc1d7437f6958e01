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
/// <item>WireCredit: datelines "LONDON (Reuters) -", "Paris (AFP) –", "(AP) —", "AP —"; sign-offs "— Associated Press",
/// "-- AFP", an agency alone on a line, "ab/cd (AFP, Reuters)", "(with AFP)"; "AP contributed to this report";
/// Reuters' "Reporting by X; Editing by Y" (Value "Reuters"); republication notices "This story was originally
/// published by X", "The post … appeared first on X", and, for names that look like outlets, "first published by X",
/// "originally appeared in X".</item>
/// <item>Attribution: "according to X", "according to a X report", "citing X", "told X", "in an interview with X",
/// "an interview he gave to X", "speaking to X", "a report in/by X", "(first) reported by X", "quoted by X", "via X",
/// "X reported/revealed", "X said in a report". The name is a span of capitalised words, optionally introduced by a
/// media noun ("according to the Israeli daily Haaretz"). Phrases that also take people and institutions ("according
/// to", "told", "a report in", "revealed by", "via") need media evidence: a media word in the name ("Times",
/// "Guardian", "News"), a known outlet name ("Reuters", "BBC"), a media noun before or after it ("the daily X",
/// "X newspaper"). Phrases that mostly take outlets ("reported by", "quoted by", and "X reported" closing a clause:
/// ", Semafor reported.") accept, without such evidence, one-word names and names written with a capital "The";
/// as a sentence's subject "X reported" needs evidence ("China reported 20 new cases"). Always rejected: pronouns,
/// sentence openers, dates, common nouns, person titles ("Press Secretary …", "Editor …"), names qualifying a person
/// ("the Star Wars creator"), institution-like names ("… Ministry", "… Watch", "Post Office", "FBI") and places
/// ("Times Square"). "X, quoted by the Guardian" is evidence for the Guardian; X is never a hint. A name owned by an
/// outlet ("CNN's State of the Union") stands for that outlet.</item>
/// <item>Back-references: "according to / told / cited by the newspaper", "the paper reported", "the agency said",
/// "the broadcaster", "the outlet" name the outlet most recently named as one before them (a newspaper for
/// "newspaper", "paper", "tabloid", "magazine"; a news agency for "agency"; a broadcaster for "broadcaster"; any for
/// "outlet"). They resolve to nothing when no such outlet came before, when an institution came between for "the
/// agency" ("the European Medicines Agency … the agency said") or a study came between for "the paper".</item>
/// </list>
/// Evidence of wire credits and attributions is the sentence the phrase is in, verbatim from the text, at most
/// <see cref="MaxEvidenceLength"/> characters. Hints naming the feed's own outlet are dropped, and hints are
/// deduplicated by kind and value (ignoring case and a leading "the"), keeping the first occurrence in the text.
/// </remarks>
public sealed partial class HintExtractor
{
    public const int MaxLinkHints = 25;
    private const int MaxEvidenceLength = 300;
    private const int MaxBackReferenceDistance = 3000;
    private const int RegexTimeoutMs = 500;

    // A capitalised name of up to five words, optionally after "the"; "of", "de", "al" may join words
    // ("Times of Israel", "Voice of America"). Commas, lower-case words and line ends stop it.
    private const string Name = @"(?<name>(?:[Tt]he[ \t]+)?\p{Lu}[\p{L}\p{M}\p{Nd}&'’.\-]*(?:[ \t]+(?:(?:of|for|de|del|du|la|le|el|al)[ \t]+)?[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}&'’.\-]*){0,4})";

    // "according to the Israeli daily Haaretz", "told the state-run news agency IRNA": a media noun introducing the name
    // is evidence that it is an outlet. Up to two lower-case words or nationality adjectives may come before the noun;
    // a bare "agency" is not a media noun ("the agency Frontex").
    private const string NounBefore = @"(?:(?i:the)[ \t]+(?:(?:\p{Ll}[\p{L}\-]*|\p{Lu}\p{Ll}+(?:an|ese|ish|i|ch|ic))[ \t]+){0,2}(?<noun>newspaper|daily|paper|tabloid|weekly|magazine|broadcaster|channel|news[ \t]+agency|news[ \t]+(?:web)?site|website|(?:news[ \t]+)?outlet)[ \t]+)?";

    // The lower-case nouns a back-reference uses for an outlet named earlier ("according to the newspaper"). Adjectives
    // ("daily", "weekly") are left out: "according to the daily briefing" is no back-reference.
    private const string RefNoun = @"(?<ref>newspaper|paper|tabloid|magazine|broadcaster|news[ \t]+agency|agency|(?:news[ \t]+)?outlet)";

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

    /// <summary>Agency names as credited, for datelines whose city is not in capitals and for "the agency".</summary>
    private static readonly HashSet<string> AgencyNames = new(Agencies.Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>Broadcasters by name or first word ("BBC Arabic", "Sky News"), for "the broadcaster".</summary>
    private static readonly HashSet<string> Broadcasters = new(StringComparer.OrdinalIgnoreCase)
    {
        "BBC", "CNN", "NPR", "PBS", "ABC", "CBS", "NBC", "MSNBC", "CNBC", "Fox", "Sky", "ITV", "CBC", "NHK", "RT", "DW",
        "Deutsche Welle", "Al Jazeera", "Al Arabiya", "France 24", "Euronews", "i24NEWS", "Kan", "RTÉ", "ZDF", "ARD",
    };

    /// <summary>Words in a name that make an outlet a broadcaster ("Channel 12", "Press TV").</summary>
    private static readonly HashSet<string> BroadcastWords = new(StringComparer.Ordinal)
    {
        "TV", "Television", "Radio", "Broadcasting", "Broadcast", "Channel", "Network",
    };

    /// <summary>Words after a name that say it is an outlet: "The Guardian newspaper", "Channel 12 broadcaster".</summary>
    [GeneratedRegex(@"^\s*(?:'s\s+|’s\s+)?(?i:(?<agency>news\s+agency|wire\s+service)|(?<broadcaster>broadcaster|channel|network|television|radio|TV)|newspaper|daily|paper|tabloid|news\s+site|news\s+website|news\s+outlet|website|outlet|magazine|weekly)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MediaNounAfter();

    /// <summary>People a name may qualify: "the Star Wars creator", "a Times correspondent", "the Apple chief".</summary>
    [GeneratedRegex(@"^[ \t]+(?:creator|founder|co-founder|chief|boss|spokesman|spokeswoman|spokesperson|official|officials|executive|executives|economist|analyst|director|chairman|chairwoman|chair|CEO|actor|actress|singer|star|player|coach|manager|editor|correspondent|columnist|journalist|reporter|presenter|host|anchor|source|sources|insider|insiders)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PersonNounAfter();

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

    /// <summary>Last words of places: "via Times Square" is a route, not a source.</summary>
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "Square", "Street", "Avenue", "Road", "Bridge", "Port", "Airport", "Station", "Crossing", "Border", "Sea",
        "Strait", "Canal", "Gate", "Park", "Plaza", "River", "Island", "Islands", "Gulf", "Bay", "Coast", "Valley",
    };

    /// <summary>Titles that make a capitalised span a person ("Press Secretary Jane Roe"), whatever else it contains.</summary>
    private static readonly HashSet<string> PersonTitles = new(StringComparer.Ordinal)
    {
        "Secretary", "Spokesman", "Spokeswoman", "Spokesperson", "Minister", "President", "Director", "Chief",
        "Governor", "Senator", "Representative", "General", "Commander", "Professor", "Mayor", "Ambassador",
        // Newsroom jobs: "according to the daily's Editor Jane Roe" names a person, not the paper.
        "Editor", "Correspondent", "Columnist", "Journalist", "Anchor", "Researcher", "Analyst", "Expert",
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

    /// <summary>What an attribution rule asks of a name besides looking like one (see remarks).</summary>
    private enum Evidence
    {
        /// <summary>A media word, a known outlet or a media noun: the phrase also takes people and institutions.</summary>
        Required,
        /// <summary>The phrase mostly takes outlets; one-word names and names with a capital "The" pass without it.</summary>
        Optional,
        /// <summary>
        /// Optional only closing a clause (", Semafor reported."): as a sentence's subject "X reported" is as often a
        /// country or a company ("China reported 20 new cases", "Pfizer reported a profit").
        /// </summary>
        OptionalClosingAClause,
    }

    private static readonly (Regex Pattern, Evidence Evidence)[] AttributionRules =
    [
        (AccordingToRule(), Evidence.Required),
        (AccordingToAReportRule(), Evidence.Required),
        (CitingRule(), Evidence.Required),
        (ToldRule(), Evidence.Required),
        (ReportInRule(), Evidence.Required),
        (ReportByRule(), Evidence.Optional),
        (ReportedByRule(), Evidence.Optional),
        (RevealedByRule(), Evidence.Required),
        (NameReportedRule(), Evidence.OptionalClosingAClause),
        (ViaRule(), Evidence.Required),
    ];

    /// <summary>What kind of outlet a name is, for matching back-references ("the agency" is no newspaper).</summary>
    private enum OutletKind { Publication, Agency, Broadcaster, Institution }

    /// <summary>A hint and where in the text the phrase or name it came from starts and ends.</summary>
    /// <summary>Names and aliases of the outlet directory (without a leading "The"): outlets by definition.</summary>
    private readonly HashSet<string> _directory = new(StringComparer.OrdinalIgnoreCase);

    public HintExtractor()
    {
    }

    /// <summary>An extractor that also knows the outlet directory's names: "according to Austria Press Agency" is a credit.</summary>
    public HintExtractor(IEnumerable<string> outletNames, IEnumerable<string>? outletDomains = null)
    {
        foreach (var name in outletNames)
        {
            var bare = name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
            if (bare.Length > 1)
                _directory.Add(bare);
        }
        // Sign-offs are matched by distinctive names only (six letters or more: "Vox" or "AP" in a sign-off line is
        // too often a word), longest first so that "Sydney Morning Herald" wins over "Herald".
        // Domains too ("More coverage is available at dawn.com."): the stage resolves a hint by domain as by name.
        _signOffNames = _directory.Where(n => n.Length >= 6).Concat(outletDomains ?? []).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private readonly string[] _signOffNames = [];

    private bool IsKnown(string bare) => KnownOutlets.Contains(bare) || _directory.Contains(bare);

    private readonly record struct Found(int Index, int End, ProvenanceHint Hint);

    /// <summary>A name in the text a back-reference may point to; an institution only stops "the agency" looking further back.</summary>
    private readonly record struct Mention(int Index, int End, string Name, OutletKind Kind);

    /// <summary>Every hint for one item: declared source, canonical link, content links, wire credits, attributions.</summary>
    public IReadOnlyList<ProvenanceHint> Extract(
        ParsedItem item, FeedContext feed, string? canonicalUrl, string? text, IReadOnlyList<string>? links, Func<string, bool>? isBoilerplate = null)
    {
        var hints = new List<ProvenanceHint>();
        hints.AddRange(FromDeclaredSource(item));
        if (FromCanonicalUrl(canonicalUrl, feed) is { } canonical)
            hints.Add(canonical);
        hints.AddRange(FromLinks(links ?? [], feed, canonicalUrl));
        hints.AddRange(FromWireCredits(text));
        hints.AddRange(FromAttributions(text));
        if (isBoilerplate is not null)
            hints.AddRange(FromSignOffs(text, isBoilerplate));
        return Dedupe(hints.Where(h => !NamesOwnOutlet(h, feed)));
    }

    /// <summary>
    /// Another outlet's sign-off inside the text ("Follow The Economic Times for the latest updates." in a Fortune
    /// article): the page was copied from that outlet whole. Boilerplate paragraphs (as <paramref name="isBoilerplate"/>
    /// judges them) naming a directory outlet by its full name or a long alias; the paragraph is the evidence.
    /// </summary>
    public IReadOnlyList<ProvenanceHint> FromSignOffs(string? text, Func<string, bool> isBoilerplate)
    {
        if (string.IsNullOrWhiteSpace(text) || _directory.Count == 0)
            return [];
        var found = new List<ProvenanceHint>();
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (paragraph.Length > MaxEvidenceLength || !isBoilerplate(paragraph))
                continue;
            foreach (var name in _signOffNames)
            {
                if (ContainsWord(paragraph, name))
                {
                    found.Add(new ProvenanceHint(HintKind.Attribution, name, paragraph));
                    break;
                }
            }
        }
        return found;
    }

    private static bool ContainsWord(string text, string name)
    {
        for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
        }
        return false;
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
    public IReadOnlyList<ProvenanceHint> FromWireCredits(string? text) => Dedupe(WireCreditsInTextOrder(text));

    /// <summary>Phrases naming an outlet as the source; Value is the name, Evidence the sentence.</summary>
    public IReadOnlyList<ProvenanceHint> FromAttributions(string? text) => Dedupe(AttributionsInTextOrder(text));

    /// <summary>Every wire credit in the order of the text, before deduplication.</summary>
    private List<ProvenanceHint> WireCreditsInTextOrder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var found = new List<Found>();
        void Add(string name, Group at, Match m) =>
            found.Add(new Found(at.Index, at.Index + at.Length, new ProvenanceHint(HintKind.WireCredit, name, Sentence(text, m))));

        foreach (var m in SafeMatches(DatelineRule(), text))
        {
            var agency = m.Groups["agency"].Value.Trim();
            // "(dpa)" is the one agency that credits itself in lower case; other lower-case parentheses are asides.
            var creditLike = agency.Split(' ').Length <= 4 && (char.IsUpper(agency[0]) || agency.Equals("dpa", StringComparison.Ordinal));
            // A city in capitals ("LONDON (Reuters) -") marks a dateline; "Paris (AFP) -" only with a known agency,
            // or "Jane Roe (Labour) - the MP" would be one.
            var city = m.Groups["city"].Value;
            if (creditLike && (!city.Any(char.IsLower) || AgencyNames.Contains(agency)))
                Add(agency, m.Groups["agency"], m);
        }
        foreach (var rule in new[] { BareDatelineRule(), SignOffRule(), ContributedRule() })
        {
            foreach (var m in SafeMatches(rule, text))
                Add(m.Groups["agency"].Value.Trim(), m.Groups["agency"], m);
        }
        foreach (var m in SafeMatches(AgencyListRule(), text))
        {
            // "kb/dj (AFP, dpa)": each agency of the list, at the list's position.
            var list = m.Groups["list"];
            foreach (var agency in AgencyListSeparator().Split(list.Value))
            {
                if (agency.Trim().Length > 0)
                    Add(agency.Trim(), list, m);
            }
        }
        foreach (var m in SafeMatches(ReutersCreditRule(), text))
            Add("Reuters", m.Groups[0], m);
        foreach (var m in SafeMatches(RepublishedRule(), text))
        {
            // "This story was originally published by X" names the source whatever X looks like, but not a date.
            var name = CleanName(m.Groups["name"].Value);
            if (name.Any(char.IsLetter))
                Add(name, m.Groups["name"], m);
        }
        foreach (var m in SafeMatches(FirstPublishedRule(), text))
        {
            // "first published by Penguin Books in 1998" is a book: without the notice's "this story", only names that
            // look like outlets count.
            var group = m.Groups["name"];
            var name = CleanName(group.Value);
            var looksLikeOutlet = name.StartsWith("The ", StringComparison.Ordinal) || name.Contains('.', StringComparison.Ordinal)
                || IsPlausibleOutlet(name, After(text, group), needsEvidence: true, nounBefore: false);
            if (name.Any(char.IsLetter) && looksLikeOutlet)
                Add(name, group, m);
        }
        return InTextOrder(found);
    }

    /// <summary>Every attribution in the order of the text, back-references resolved, before deduplication.</summary>
    internal IReadOnlyList<ProvenanceHint> AttributionsInTextOrder(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var found = new List<Found>();
        foreach (var (pattern, evidence) in AttributionRules)
        {
            foreach (var m in SafeMatches(pattern, text))
            {
                var group = m.Groups["name"];
                var needsEvidence = evidence == Evidence.Required
                    || (evidence == Evidence.OptionalClosingAClause && !ClosesAClause(text, group.Index));
                var name = CleanName(group.Value);
                if (name.Length == 0 || !IsPlausibleOutlet(name, After(text, group), needsEvidence, m.Groups["noun"].Success))
                {
                    // "told CNN's State of the Union", "quoted by the Guardian’s Middle East editor": what the outlet
                    // owns is no outlet, but a clear outlet owning it is the source.
                    name = OwnerName(group.Value) is { } owner && IsPlausibleOutlet(owner, "", needsEvidence: true, nounBefore: false) ? owner : "";
                    if (name.Length == 0)
                        continue;
                }
                found.Add(new Found(group.Index, group.Index + group.Length, new ProvenanceHint(HintKind.Attribution, name, Sentence(text, m))));
            }
        }
        found.AddRange(BackReferences(text, found));
        return InTextOrder(found);
    }

    /// <summary>
    /// "according to the newspaper", "the agency said": the outlet most recently named as one before the phrase
    /// (see remarks), with the phrase's sentence as evidence.
    /// </summary>
    private List<Found> BackReferences(string text, List<Found> direct)
    {
        var references = SafeMatches(BackReferenceRule(), text);
        if (references.Count == 0)
            return [];
        var mentions = OutletMentions(text, direct);
        // Mentions before the current reference, in text order, resolved references included; references come in
        // text order, so this only grows at its end.
        var before = new List<Mention>();
        var next = 0;
        var found = new List<Found>();
        foreach (var m in references)
        {
            var noun = m.Groups["ref"];
            while (next < mentions.Count && mentions[next].End <= noun.Index)
                before.Add(mentions[next++]);
            // "according to the newspaper Haaretz" names its outlet: the attribution rules took it.
            if (AppositionName().Match(text, noun.Index + noun.Length) is { Success: true } named && CleanName(named.Groups["name"].Value).Length > 0)
                continue;
            if (Antecedent(text, HtmlText.CollapseWhitespace(noun.Value).ToLowerInvariant(), noun.Index, before) is not { } outlet)
                continue;
            found.Add(new Found(noun.Index, noun.Index + noun.Length, new ProvenanceHint(HintKind.Attribution, outlet.Name, Sentence(text, m))));
            // The reference mentions the outlet again: a later "the paper" looks back to here, not past this "paper".
            before.Add(outlet with { Index = noun.Index, End = noun.Index + noun.Length });
        }
        return found;
    }

    /// <summary>
    /// Names a back-reference may point to: outlets named anywhere in the prose (cited or not: "The Guardian ran the
    /// story. According to the paper, …"), the names the attribution rules accepted, and institutions, which only
    /// matter to "the agency".
    /// </summary>
    private List<Mention> OutletMentions(string text, List<Found> direct)
    {
        var mentions = new List<Mention>();
        foreach (var m in SafeMatches(MentionRule(), text))
        {
            var group = m.Groups["name"];
            // "(Reuters) -" and "(AFP)" are credits, not names in the prose: "the agency said" after a dateline is far
            // more often a ministry's agency than the wire's.
            if (group.Index > 0 && text[group.Index - 1] == '(')
                continue;
            var name = CleanName(group.Value);
            if (name.Length == 0)
                continue;
            var after = After(text, group);
            if (IsPlausibleOutlet(name, after, needsEvidence: true, nounBefore: false))
                mentions.Add(new Mention(group.Index, group.Index + group.Length, name, KindOf(name, after)));
            else if (IsInstitutionLike(name))
                mentions.Add(new Mention(group.Index, group.Index + group.Length, name, OutletKind.Institution));
        }
        foreach (var f in direct)
            mentions.Add(new Mention(f.Index, f.End, f.Hint.Value, KindOf(f.Hint.Value, After(text, f.End))));
        mentions.Sort((a, b) => a.Index.CompareTo(b.Index));
        return mentions;
    }

    /// <summary>
    /// The outlet a back-reference noun at <paramref name="index"/> points to, among <paramref name="mentions"/> before
    /// it (in text order), or null.
    /// </summary>
    private static Mention? Antecedent(string text, string noun, int index, List<Mention> mentions)
    {
        OutletKind[] wanted = noun switch
        {
            "agency" or "news agency" => [OutletKind.Agency],
            "broadcaster" => [OutletKind.Broadcaster],
            "outlet" or "news outlet" => [OutletKind.Publication, OutletKind.Agency, OutletKind.Broadcaster],
            _ => [OutletKind.Publication], // newspaper, paper, tabloid, magazine
        };
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var mention = mentions[i];
            // Writers name the outlet again after a few paragraphs; the bound also keeps long texts linear.
            if (mention.End < index - MaxBackReferenceDistance)
                return null;
            // "Reuters saw the draft. The European Medicines Agency … the agency said": the nearer institution is meant.
            if (mention.Kind == OutletKind.Institution && noun == "agency")
                return null;
            if (!wanted.Contains(mention.Kind))
                continue;
            // "A paper by economists at Yale … according to the paper": the study, not the newspaper named before it.
            // (The span starts after the outlet's name, so "The Guardian newspaper" itself does not count.)
            if (noun == "paper" && SafeIsMatch(StudyRule(), text.AsSpan(mention.End, index - mention.End)))
                return null;
            return mention;
        }
        return null;
    }

    /// <summary>Whether a name comes right after a comma, a closing quote or a dash: "…, Semafor reported."</summary>
    private static bool ClosesAClause(string text, int nameIndex)
    {
        var i = nameIndex - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        return i >= 0 && text[i] is ',' or '”' or '"' or '—' or '–';
    }

    private static OutletKind KindOf(string name, ReadOnlySpan<char> after)
    {
        var bare = name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
        var words = bare.Split(' ');
        var nounAfter = SafeMatch(MediaNounAfter(), after);
        if (AgencyNames.Contains(bare) || words.Any(w => w is "Agency" or "Agence" or "Presse-Agentur" or "Newswire" or "Wire")
            || nounAfter?.Groups["agency"].Success == true)
            return OutletKind.Agency;
        if (Broadcasters.Contains(bare) || Broadcasters.Contains(words[0]) || words.Any(BroadcastWords.Contains)
            || nounAfter?.Groups["broadcaster"].Success == true)
            return OutletKind.Broadcaster;
        return OutletKind.Publication;
    }

    /// <summary>Institutions ("Ministry of Health", "European Medicines Agency") and acronyms that are not outlets ("FBI").</summary>
    private bool IsInstitutionLike(string name)
    {
        var bare = name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
        return bare.Split(' ').Any(InstitutionWords.Contains) || (IsAcronym(bare) && !IsKnown(bare));
    }

    private static bool IsAcronym(string bare) => bare.Length <= 6 && bare.All(c => char.IsUpper(c) || c == '.');

    /// <summary>The text just after a name, where "newspaper" or "broadcaster" would say what it is.</summary>
    private static ReadOnlySpan<char> After(string text, Group group) => After(text, group.Index + group.Length);

    private static ReadOnlySpan<char> After(string text, int end) => text.AsSpan(end, Math.Min(60, text.Length - end));

    /// <summary>Hints ordered by where they occur, so that deduplication keeps each one's first occurrence.</summary>
    private static List<ProvenanceHint> InTextOrder(List<Found> found) =>
        [.. found.OrderBy(f => f.Index).Select(f => f.Hint)];

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

    /// <summary>The name before a possessive ("CNN" in "CNN's State of the Union"), or null without one.</summary>
    private static string? OwnerName(string raw)
    {
        var possessive = raw.IndexOfAny(['\'', '’']);
        while (possessive >= 0 && !(possessive + 1 < raw.Length && raw[possessive + 1] == 's' && (possessive + 2 == raw.Length || raw[possessive + 2] is ' ' or '\t')))
            possessive = raw.IndexOfAny(['\'', '’'], possessive + 1);
        if (possessive < 0)
            return null;
        var owner = CleanName(raw[..(possessive + 2)]);
        return owner.Length > 0 ? owner : null;
    }

    private bool IsPlausibleOutlet(string name, ReadOnlySpan<char> after, bool needsEvidence, bool nounBefore)
    {
        var bare = name.StartsWith("The ", StringComparison.Ordinal) ? name[4..] : name;
        if (IsKnown(bare))
            return true;
        var words = bare.Split(' ');
        if (words.Any(PersonTitles.Contains) || PlaceWords.Contains(words[^1]))
            return false;
        // "according to the Star Wars creator": the name qualifies a person.
        if (SafeIsMatch(PersonNounAfter(), after))
            return false;
        // "Post Office" and "Energy Agency" are institutions even with a media-looking word; "Tasnim News Agency" is not.
        if (InstitutionWords.Contains(words[^1]) && !words.Contains("News"))
            return false;
        var hasEvidence = nounBefore || words.Any(MediaWords.Contains) || SafeIsMatch(MediaNounAfter(), after);
        if (hasEvidence)
            return true;
        if (needsEvidence)
            return false;
        // Without evidence only one-word names ("Haaretz", "Politico") or names the writer gave a capital "The"
        // ("The Intercept"): two capitalised words are far more often a person ("John Smith reported …"),
        // and a bare acronym an institution ("FBI").
        return !IsAcronym(bare) && (words.Length == 1 || name.StartsWith("The ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The sentence a match starts in, verbatim: a substring of <paramref name="text"/>, at most
    /// <see cref="MaxEvidenceLength"/> characters, cut at spaces when it has to be cut. The match may run on into the
    /// next sentence (a name is captured as "Texas Tribune. Share" and cleaned afterwards); that part is not evidence.
    /// </summary>
    private static string Sentence(string text, Match m)
    {
        var start = m.Index;
        while (start > 0 && text[start - 1] != '\n' && !IsSentenceEnd(text, start - 1))
            start--;
        var end = m.Index;
        while (end < text.Length && text[end] != '\n' && !IsSentenceEnd(text, end))
            end++;
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        if (end - start <= MaxEvidenceLength)
            return text[start..end];
        // Too long: a window centred on the match, its edges moved inwards to spaces unless that would cut the match.
        var matchEnd = Math.Min(m.Index + m.Length, end);
        var from = Math.Clamp(m.Index - (MaxEvidenceLength - m.Length) / 2, start, end - MaxEvidenceLength);
        var to = from + MaxEvidenceLength;
        if (from > start && !char.IsWhiteSpace(text[from - 1]))
        {
            var space = text.IndexOf(' ', from, to - from);
            if (space >= 0 && space < m.Index)
                from = space + 1;
        }
        if (to < end && !char.IsWhiteSpace(text[to]))
        {
            var space = text.LastIndexOf(' ', to - 1, to - from);
            if (space > matchEnd)
                to = space;
        }
        return text[from..to].Trim();
    }

    /// <summary>
    /// Whether the space at <paramref name="i"/> follows the end of a sentence: ".", "!" or "?", perhaps inside closing
    /// quotes, and not an initial or a title ("U.S. officials", "Mr. Roe").
    /// </summary>
    private static bool IsSentenceEnd(string text, int i)
    {
        if (text[i] != ' ' || i == 0)
            return false;
        var p = i - 1;
        while (p > 0 && text[p] is '"' or '”' or '’' or '\'' or ')')
            p--;
        if (text[p] is '!' or '?')
            return true;
        if (text[p] != '.')
            return false;
        var wordStart = p;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1]))
            wordStart--;
        var word = text[wordStart..p];
        return !(word.Contains('.', StringComparison.Ordinal) || (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word));
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof", "Jr", "Sr", "No", "vs",
    };

    private static List<Match> SafeMatches(Regex regex, string text)
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

    private static bool SafeIsMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Match? SafeMatch(Regex regex, ReadOnlySpan<char> text)
    {
        try
        {
            var m = regex.Match(text.ToString());
            return m.Success ? m : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    // "LONDON (Reuters) -", "KYIV, Ukraine, March 3 (AP) —", "Paris (AFP) –": the caller checks the agency.
    [GeneratedRegex(@"(?m)^(?:(?<city>\p{Lu}[\p{L}\p{M}'’.\-/ ]{1,40})(?:,[ \t]*[\p{L}\p{Nd} .,'’-]{1,40}?)?[ \t]*)?\((?<agency>\p{L}[\p{L}.&' ]{0,38}[\p{L}.])\)[ \t]*[-–—:]", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex DatelineRule();

    // "AP — The storm …", "BEIRUT, AFP - …": a known agency without parentheses opening a line, then a sentence.
    [GeneratedRegex(@"(?m)^(?:\p{Lu}[\p{Lu}\p{M}'’.\-/ ]{1,40},[ \t]*)?(?<agency>" + Agencies + @")[ \t]*[-–—]{1,2}[ \t]+(?=[\p{Lu}""“‘'])", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex BareDatelineRule();

    // "… officials said. — Associated Press", "-- AFP", or the agency alone on the last line ("AFP", "(Reuters)").
    [GeneratedRegex(@"(?m)(?:(?:^|(?<=[.!?”""’][ \t]{0,3}))[-–—]{1,2}[ \t]*(?<agency>" + Agencies + @")|^[ \t]*(?:\((?<agency>" + Agencies + @")\)|(?<agency>" + Agencies + @")))\.?[ \t]*$", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SignOffRule();

    // Deutsche Welle's sign-off "kb/dj (AFP, dpa)", or a list of agencies alone at the end of a paragraph "(AP, Reuters)".
    [GeneratedRegex(@"(?m)(?:^|(?<=[.!?”""’][ \t]{1,3}))(?:\p{Ll}{1,4}(?:/\p{Ll}{1,4})+[ \t]*\((?<list>(?:" + Agencies + @")(?:[ \t]*(?:,|&|and)[ \t]*(?:" + Agencies + @"))*)\)|\((?<list>(?:" + Agencies + @")(?:[ \t]*(?:,|&|and)[ \t]*(?:" + Agencies + @"))+)\))\.?[ \t]*$", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AgencyListRule();

    [GeneratedRegex(@"[ \t]*(?:,|&|\band\b)[ \t]*", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AgencyListSeparator();

    [GeneratedRegex(@"\b(?<agency>" + Agencies + @")[ \t]+(?i:contributed\s+to\s+this\s+(?:report|story|article))|(?i:with\s+(?:additional\s+)?(?:reporting|input|inputs)\s+(?:from|by))\s+(?<agency>" + Agencies + @")\b|\((?i:with)[ \t]+(?<agency>" + Agencies + @")[ \t]*\)", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ContributedRule();

    // Reuters' sign-off: "(Reporting by X in Y; additional reporting by Z; Editing by W)". The semicolon and the capitals
    // keep ordinary prose ("reporting by phone … editing by his desk") out.
    [GeneratedRegex(@"\(?(?:Additional\s+r|R)eporting\s+by\s[^\n;()]{2,200};[^\n()]{0,300}?\bEditing\s+by\s[^\n()]{2,150}\)?", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReutersCreditRule();

    private const string RepublishedName = @"(?<name>(?:[Tt]he\s+)?[\p{Lu}\p{Nd}][\p{L}\p{M}\p{Nd}&'’.\-]*(?:[ \t]+(?:(?:of|for)[ \t]+)?\p{Lu}[\p{L}\p{M}\p{Nd}&'’.\-]*){0,5}|[\w-]+\.(?:com|org|net|co\.uk|news|info))";

    // Republication notices: "This story was originally published by X", "A version of this article first appeared in
    // X", WordPress' "The post … appeared first on X".
    [GeneratedRegex(@"(?i:this\s+(?:article|story|piece|post|report|column|investigation)\s+(?:was\s+|is\s+)?(?:originally|first)\s+(?:appeared|published|ran|posted)(?:\s+online)?\s+(?:on|in|at|by)|appeared\s+first\s+on)\s+" + RepublishedName, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RepublishedRule();

    // "first published by X", "originally appeared in X" without "this story": books and laws are published too.
    [GeneratedRegex(@"(?i:(?:originally|first)\s+(?:published|appeared|posted|ran)(?:\s+online)?\s+(?:on|in|at|by))\s+" + RepublishedName, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex FirstPublishedRule();

    [GeneratedRegex(@"\b(?i:according\s+to)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AccordingToRule();

    /// <summary>"according to a Guardian report": the name used as an adjective.</summary>
    [GeneratedRegex(@"\b(?i:according\s+to|in|citing)\s+(?i:an?)\s+" + Name + @"[ \t]+(?i:report|investigation|article|story|analysis|interview|documentary|exclusive)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AccordingToAReportRule();

    [GeneratedRegex(@"\b(?i:citing|cited\s+by)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CitingRule();

    // "told X", "in an interview with X", "an interview he gave to X", "gave an exclusive interview to X".
    [GeneratedRegex(@"\b(?i:told|interview\s+with|interview\s+(?:(?:he|she|they|it|we|I)\s+)?(?:gave|granted|given)\s+to|(?:gave|granted)\s+an?\s+(?:\p{Ll}+\s+)?interview\s+to|speaking\s+to|spoke\s+to|talking\s+to)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ToldRule();

    [GeneratedRegex(@"\b(?i:report|reports|investigation|article|story|analysis|interview|documentary)\s+(?i:in|from|on|published\s+in|aired\s+on)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportInRule();

    [GeneratedRegex(@"\b(?i:report|investigation|article|story|analysis|exposé|expose|documentary)\s+(?i:by|published\s+by|carried\s+by|aired\s+by)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportByRule();

    [GeneratedRegex(@"\b(?i:(?:first\s+|originally\s+)?reported\s+by|quoted\s+by)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReportedByRule();

    // Flaws are "revealed by Google" too: unlike "reported by", this one needs evidence.
    [GeneratedRegex(@"\b(?i:revealed\s+by)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RevealedByRule();

    // The verb in lower case: a headline's "Israel Reports Record Exports" is no attribution.
    [GeneratedRegex(Name + @"[ \t]+(?:(?i:newspaper|daily|news\s+agency|broadcaster|channel|website)[ \t]+)?(?:reported|revealed|reports|reveals|first\s+reported|has\s+(?:learned|learnt|revealed|reported)|said\s+in\s+a\s+report)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex NameReportedRule();

    // "via Reuters", "(via AP)"; not a photo credit ("Photo via Reuters") and, through the evidence check, not a route
    // ("via Iran", "via the Caspian Sea").
    [GeneratedRegex(@"(?<!(?i:photo|photograph|image|picture|illustration)s?:?[ \t]{1,3})\b(?i:via)\s+" + NounBefore + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ViaRule();

    // "according to the newspaper", "told the paper", "cited by the agency", "the broadcaster (also) reported".
    [GeneratedRegex(@"\b(?i:according\s+to|told|cited\s+by|citing|quoted\s+by|(?:first\s+)?reported\s+by|revealed\s+by|interview\s+with|speaking\s+to|spoke\s+to|talking\s+to)\s+(?i:the)[ \t]+" + RefNoun + @"\b|\b(?i:the)[ \t]+" + RefNoun + @"(?:[ \t]+(?:also|further|later|earlier|previously|has|had|first))?[ \t]+(?:reported|reports|revealed|reveals|said|says|wrote|writes|added|noted|claimed|learned|learnt|quoted|cited|published|disclosed)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex BackReferenceRule();

    /// <summary>A name right after a back-reference noun: "according to the newspaper Haaretz".</summary>
    [GeneratedRegex(@"\G[ \t]+" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AppositionName();

    /// <summary>Every capitalised name, for the outlets a back-reference may point to.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{Nd}'’.\-])" + Name, RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MentionRule();

    /// <summary>
    /// Any other paper or a study between an outlet and "the paper" ("the ministry's paper", "a study"): the paper may be
    /// that one, so the back-reference is not trusted. ("newspaper" does not match.)
    /// </summary>
    [GeneratedRegex(@"\b(?i:papers?|study|studies|preprint|peer-reviewed)\b", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex StudyRule();
}
