using System.Text.RegularExpressions;

namespace NewsAggregator.Core.Normalizing;

/// <summary>
/// Drops paragraphs that are page furniture, not story text, so that they neither make two unrelated articles look
/// alike nor make a re-poll of an unchanged story look like a new version (ARCHITECTURE step 4).
/// </summary>
/// <remarks>
/// <para>Line rules, each matched against a whole paragraph (case-insensitive, only paragraphs up to
/// <see cref="MaxRuleLength"/> characters: furniture is short, and a long paragraph is story text whatever it starts
/// with):</para>
/// <list type="number">
/// <item>comments: "Comments are closed.", "Leave a comment", "12 comments";</item>
/// <item>read more: "Read more", "Read more: …", "Continue reading...", "Read the full story";</item>
/// <item>subscribe: "Click here to subscribe", "Sign up for our newsletter", "Subscribe now", short newsletter pitches;</item>
/// <item>WordPress footer: "The post X appeared first on Y.";</item>
/// <item>social: "Follow us on …", "Like us on Facebook", "Share this:", "Share on X", lone button words ("Tweet", "Email");</item>
/// <item>related: "Related:", "Related: …", "See also: …", "Also read: …", "You may also like", "Most read";</item>
/// <item>ads: "Advertisement", "Sponsored content", "Story continues below advertisement";</item>
/// <item>copyright: "© 2024 …", "Copyright …", "… All rights reserved.";</item>
/// <item>republication notices: "This article originally appeared on …", "Originally published at …" (the
/// provenance hint is extracted from the unfiltered text before this filter runs);</item>
/// <item>credits: "Photo: …", "Image credit: …", "(Reporting by X; Editing by Y)";</item>
/// <item>punctuation-only lines: ". .", "* * *".</item>
/// </list>
/// <para>Positional rule: an inserted headline (a related-article teaser a CMS drops into the body) is a short
/// paragraph without terminal punctuation that is Title Case or quote-heavy, standing after a story paragraph and
/// before another story paragraph or the end. Ordinary short paragraphs end with a period and survive; list items
/// survive because their neighbours are not story paragraphs; the first paragraph is never judged this way.</para>
/// </remarks>
public sealed partial class BoilerplateFilter
{
    /// <summary>Paragraphs longer than this are story text; rules only look at shorter ones.</summary>
    public const int MaxRuleLength = 400;

    private const int HeadlineMaxLength = 140;
    private const int HeadlineMinWords = 3;
    private const int HeadlineMaxWords = 18;
    private const int StoryParagraphMinLength = 60;
    private const int RegexTimeoutMs = 200;

    private static readonly Regex[] Rules =
    [
        CommentsRule(), ReadMoreRule(), SubscribeRule(), NewsletterRule(), WordPressFooterRule(), SocialRule(),
        ShareRule(), RelatedPrefixRule(), RelatedLineRule(), AdvertisementRule(), CopyrightRule(),
        RightsReservedRule(), RepublishedRule(), PhotoCreditRule(), ReutersCreditRule(), PunctuationOnlyRule(), FollowRule(), AppRule(),
        AlertsRule(), PodcastRule(), MoreAtRule(), ReproductionRule(),
    ];

    /// <summary>Words that stay lower-case in Title Case headlines.</summary>
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "on", "in", "at", "to", "by", "with", "from", "as",
        "vs", "via", "into", "over", "per", "up", "off", "out", "is", "are", "be",
    };

    /// <summary>
    /// <paramref name="text"/> (paragraphs separated by blank lines or line breaks) without boilerplate, paragraphs
    /// joined by <see cref="HtmlText.ParagraphSeparator"/>.
    /// </summary>
    public string Filter(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(HtmlText.ParagraphSeparator, Filter(paragraphs));
    }

    /// <summary>The paragraphs that are story text, in order.</summary>
    public IReadOnlyList<string> Filter(IReadOnlyList<string> paragraphs)
    {
        // Pass 1: line rules. Pass 2: inserted headlines, judged against the neighbours that survived pass 1
        // (the seed's last headline is followed only by "Comments are closed.").
        var kept = paragraphs.Where(p => p.Length > 0 && !IsBoilerplate(p)).ToList();
        var result = new List<string>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            var insertedHeadline = i > 0
                && IsHeadlineLike(kept[i])
                && IsStoryParagraph(kept[i - 1])
                && (i == kept.Count - 1 || IsStoryParagraph(kept[i + 1]));
            if (!insertedHeadline)
                result.Add(kept[i]);
        }
        return result;
    }

    /// <summary>True when one of the line rules matches the whole paragraph.</summary>
    public bool IsBoilerplate(string paragraph)
    {
        var p = paragraph.Trim();
        if (p.Length == 0)
            return true;
        if (p.Length > MaxRuleLength)
            return false;
        foreach (var rule in Rules)
        {
            try
            {
                if (rule.IsMatch(p))
                    return true;
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological paragraph keeps its text: losing story text is worse than keeping one noise line.
            }
        }
        return false;
    }

    /// <summary>A short line without terminal punctuation, in Title Case or built around quotations.</summary>
    internal static bool IsHeadlineLike(string p)
    {
        if (p.Length > HeadlineMaxLength || EndsWithTerminalPunctuation(p))
            return false;
        var words = p.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < HeadlineMinWords || words.Length > HeadlineMaxWords)
            return false;
        return IsTitleCase(words) || CountQuotes(p) >= 4;
    }

    /// <summary>A paragraph of prose: long enough and ending like a sentence.</summary>
    internal static bool IsStoryParagraph(string p) => p.Length >= StoryParagraphMinLength && EndsWithTerminalPunctuation(p);

    private static bool EndsWithTerminalPunctuation(string p)
    {
        // Closing quotes and guillemets follow the period in quoted speech: 'happy.”' and 'Israel. »'.
        var end = p.AsSpan().TrimEnd(" \t\"'”’»›)]\u00A0");
        return end.Length > 0 && end[^1] is '.' or '!' or '?' or '…' or ':' or ';';
    }

    private static bool IsTitleCase(string[] words)
    {
        int counted = 0, capitalised = 0;
        foreach (var raw in words)
        {
            var word = raw.TrimStart('"', '“', '‘', '\'', '(', '«');
            if (word.Length == 0 || !char.IsLetter(word[0]))
                continue; // numbers and symbols say nothing about case
            if (SmallWords.Contains(word))
                continue;
            counted++;
            if (char.IsUpper(word[0]))
                capitalised++;
        }
        // Three quarters, not all: headlines keep lower-case words like "not" or a hyphenated compound.
        return counted >= HeadlineMinWords && capitalised * 4 >= counted * 3;
    }

    private static int CountQuotes(string p) => p.Count(c => c is '"' or '“' or '”' or '«' or '»');

    [GeneratedRegex(@"^(comments are (closed|disabled|off)|leave a (comment|reply)|post a comment|\d+ comments?|no comments( yet)?|join the (conversation|discussion))\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CommentsRule();

    [GeneratedRegex(@"^(read more|continue reading|keep reading|read the (full|whole|complete) (story|article|report)|read (the )?full (story|article)|click here to read more)\b.{0,200}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReadMoreRule();

    [GeneratedRegex(@"^(click here to subscribe|(please )?(subscribe|sign up|signup) (now|today|here|for free|to (our|the|get)\b|for (our|the)\b)).{0,200}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SubscribeRule();

    [GeneratedRegex(@"^(get|sign up|subscribe|join|receive|want|don't miss|never miss|enter your email)\b.{0,120}\bnewsletters?\b.{0,120}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex NewsletterRule();

    [GeneratedRegex(@"^the post .+ appeared first on .+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex WordPressFooterRule();

    [GeneratedRegex(@"^((follow|like|join|find|connect with) us (on|at|via|in)\b.{0,150}|follow @\w+.{0,100})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex SocialRule();

    [GeneratedRegex(@"^(share this( article| story| post| page)?|share( on| via| to)? (facebook|twitter|x|whatsapp|linkedin|email|telegram|reddit|bluesky)|share|tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|telegram|pinterest|reddit|copy link|pin it)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ShareRule();

    [GeneratedRegex(@"^(related( articles?| stories| posts| content| coverage| news| reading)?|see also|also read|read also|also see|more on this( story| topic)?|recommended|watch|listen)\s*[:：\-–—]\s*.{0,250}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RelatedPrefixRule();

    [GeneratedRegex(@"^(related( articles?| stories| posts| content| coverage| news)?|recommended( for you| stories)?|you (may|might) also (like|be interested in)|most (read|popular|viewed)|trending( now)?|more (stories|news)|more on this (story|topic))[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RelatedLineRule();

    [GeneratedRegex(@"^(advertisement|advertising|ad|sponsored( content)?|promoted (content|stories)|skip advertisement|(story|article) continues (below|after) (the )?(advertisement|ad|this ad)|scroll (down )?to continue( with content| reading)?|continue reading the main story)\s*[:.]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AdvertisementRule();

    [GeneratedRegex(@"^(©|\(c\)\s*\d{4}|copyright\s*(©|\(c\)|\d{4})).{0,250}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex CopyrightRule();

    [GeneratedRegex(@"^.{0,150}\ball rights reserved\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RightsReservedRule();

    [GeneratedRegex(@"^(this (article|story|piece|post|report) (was )?(originally|first) (appeared|published|ran|posted)|(originally|first) (published|appeared|posted) (on|in|at|by))\b.{0,300}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex RepublishedRule();

    [GeneratedRegex(@"^(\(?(photo|image|photograph|picture|file photo|video)( credit)?\s*[:：].{0,150}|\((photo|image|photograph)[^)]{0,150}\))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PhotoCreditRule();

    [GeneratedRegex(@"^\(?(additional )?reporting by .{1,200}(editing|writing) by .{1,150}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReutersCreditRule();

    [GeneratedRegex(@"^[\p{P}\p{S}\s]*$", RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PunctuationOnlyRule();

    // House sign-offs that promote the outlet: "Follow X for the latest updates.", "Download our app to stay informed
    // with X.", "Get breaking news alerts from X on your phone.", "Listen to our daily podcast from X for more.",
    // "More coverage is available at x.com.", "This article is published by X and may not be reproduced…".
    [GeneratedRegex(@"^follow .{1,60}? (on (twitter|x|facebook|instagram|telegram|whatsapp|social media|google news)|for (the latest|more|live|breaking|all the latest)\b.{0,60})\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex FollowRule();

    [GeneratedRegex(@"^(download|get|install) (our|the .{1,40}?) (free )?(news )?app\b.{0,120}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AppRule();

    [GeneratedRegex(@"^(get|receive|sign up for|turn on) (our )?(breaking[ -]news|news|push) (alerts|notifications)\b.{0,120}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex AlertsRule();

    [GeneratedRegex(@"^(listen to|subscribe to|watch) our (daily |weekly |new )?(podcast|newscast|show|channel|briefing)\b.{0,120}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex PodcastRule();

    [GeneratedRegex(@"^(more|further|full|for more) (coverage|stories|news|reporting|updates)( like this)? (is |are )?(available )?(at|on) [\w.-]+\.[a-z]{2,}(/\S*)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex MoreAtRule();

    [GeneratedRegex(@"^this (article|story|content|report) (is|was) (published|produced|provided|distributed) by .{1,80}? (and )?(may|must|cannot|can not) (not )?be (reproduced|republished|copied|redistributed)\b.{0,100}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex ReproductionRule();
}
