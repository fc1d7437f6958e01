using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Configuration;

namespace NewsAggregator.Core.Tests.Clustering;

public sealed class StoryClustererTests
{
    private static readonly ClusteringOptions Defaults = new();

    [Fact]
    public void Add_FirstArticle_StartsAStoryNamedAfterIt()
    {
        var engine = new StoryClusterer(Defaults);
        var (d, _) = engine.Add(Articles.Features(7, Articles.DamTitle, Articles.DamBody));
        Assert.Equal(ClusterAction.NewStory, d.Action);
        Assert.Equal(7, d.StoryId);
        Assert.Equal(MemberRelation.Original, d.Relation);
        Assert.Empty(d.Candidates);
    }

    [Fact]
    public void Add_VerbatimWireCopy_FoundByShinglesJoinsAsDuplicate()
    {
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        var (d, _) = engine.Add(Articles.Features(2, Articles.DamTitle, Articles.DamCopyBody, hoursAfterStart: 0.5, outlet: "courier"));
        Assert.Equal(1, d.StoryId);
        Assert.Equal(MemberRelation.Duplicate, d.Relation);
        Assert.Equal(1, d.NearestArticleId);
        var candidate = Assert.Single(d.Candidates);
        Assert.True(candidate.Channel.HasFlag(CandidateChannel.Shingles));
        Assert.True(candidate.Scores.Resemblance > 0.8);
    }

    [Fact]
    public void Add_RewriteWithNewHeadline_FoundByTermsJoinsAsRewrite()
    {
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        var (d, _) = engine.Add(Articles.Features(2, Articles.DamRewriteTitle, Articles.DamRewriteBody, hoursAfterStart: 3));
        Assert.Equal(1, d.StoryId);
        Assert.Equal(MemberRelation.Rewrite, d.Relation);
        Assert.True(d.Candidates.Single().Channel.HasFlag(CandidateChannel.Terms));
        Assert.True(d.Score >= Defaults.JoinThreshold);
    }

    [Fact]
    public void Add_IndependentReportOfTheSameEvent_JoinsAsRelated()
    {
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        var (d, _) = engine.Add(Articles.Features(2, Articles.DamIndependentTitle, Articles.DamIndependentBody, hoursAfterStart: 2));
        Assert.Equal(1, d.StoryId);
        Assert.Equal(MemberRelation.Related, d.Relation);
    }

    // Two rulings told in the same court-report words: only the decree's number tells them apart.
    private static string RulingBody(int decree) => RulingText.Replace("{0}", decree.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private const string RulingText =
        "The constitutional court in Valdmark struck down Decree {0} on Thursday, ruling that the government had exceeded its powers. " +
        "Judges voted six to three against the decree, which had let ministers suspend local councils without a vote in parliament. " +
        "Lawyers for the opposition alliance said the ruling restored the balance between the cabinet and the assembly. " +
        "The justice ministry said it would study the judgment on Decree {0} before deciding how to respond. " +
        "Parliament now has ninety days to pass a law that meets the objections of the court.";

    [Fact]
    public void Add_RulingOnAnotherDecree_ToldInTheSameWords_StartsItsOwnStory()
    {
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, "Valdmark court strikes down Decree 318 on local councils", RulingBody(318)));
        var (other, _) = engine.Add(Articles.Features(2, "Valdmark court strikes down Decree 517 on local councils",
            "Parliament has ninety days to pass a law meeting the court's objections after the constitutional court in Valdmark struck down Decree 517 on Thursday. " +
            "The decree had let ministers suspend local councils without a vote in parliament, and judges voted seven to two against it. " +
            "The ruling restored the balance between the cabinet and the assembly, lawyers for the opposition alliance said. " +
            "Before deciding how to respond, the justice ministry said, it would study the judgment on Decree 517.", hoursAfterStart: 2, outlet: "courier"));
        Assert.True(other.Candidates.Count > 0, "the rulings share their words: the index offers the first as a candidate");
        Assert.True(other.Candidates[0].Scores.Resemblance < Defaults.DuplicateResemblance, "not a near copy");
        Assert.Equal(ClusterAction.NewStory, other.Action);

        // A follow-up on the same decree, with its number, still joins the first ruling.
        var (same, _) = engine.Add(Articles.Features(3, "Ministry to study ruling on Decree 318",
            "The justice ministry in Valdmark said on Friday it would study the court's judgment on Decree 318, which ministers had used to suspend local councils without a vote in parliament. " +
            "Opposition lawyers said the ruling on Decree 318 restored the balance between the cabinet and the assembly.", hoursAfterStart: 5, outlet: "herald"));
        Assert.Equal(1, same.StoryId);
    }

    [Theory]
    [InlineData("Court strikes down Decree 318", "", "decree 318")]
    [InlineData("Search resumes for Flight 9525", "Investigators said Flight 9525 left Barcelona on time.", "flight 9525")]
    [InlineData("UPDATE 2-Storm kills 12 in coastal towns", "The storm killed 12 people.", "")]
    [InlineData("Parliament passes the bill on Tuesday", "", "")]
    public void Identifiers_AreCapitalisedDocumentNounsWithNumbers(string title, string body, string expected)
    {
        var found = FeatureExtractor.Identifiers(title, body);
        if (expected.Length == 0)
        {
            Assert.Empty(found);
            return;
        }
        var (kind, full) = Assert.Single(found);
        Assert.Equal(NewsAggregator.Core.Clustering.TextTokens.Hash("\u00A7" + expected.Split(' ')[0]), kind);
        Assert.Equal(NewsAggregator.Core.Clustering.TextTokens.Hash("\u00A7" + expected), full);
    }

    [Fact]
    public void Add_UnrelatedStorySharingAPersonsName_StartsItsOwnStory()
    {
        // "Brandtmoor" is the governor in the flood story and a company in the jobs story: a shared rare term
        // makes them candidates, and verification must keep them apart.
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, Articles.DamIndependentTitle, Articles.DamIndependentBody));
        var (d, _) = engine.Add(Articles.Features(2, Articles.ChipTitle, Articles.ChipBody, hoursAfterStart: 1));
        Assert.Contains(d.Candidates, c => c.ArticleId == 1 && c.Channel == CandidateChannel.Terms);
        Assert.Equal(ClusterAction.NewStory, d.Action);
        Assert.Equal(2, d.StoryId);
    }

    // Made-up place names: each background story happens somewhere else.
    private static string Place(int i) => new[] { "Var", "Tel", "Mor", "Quin", "Dal", "Sev", "Or", "Bra" }[i % 8] + new[] { "denholt", "avik", "rasco", "ebury", "minster", "oria", "uthwaite", "elmont" }[i / 8 % 8];

    private const string FireTitle = "Halvenmoor residents flee wildfire";
    private const string FireBody =
        "Thousands of Halvenmoor residents left their homes on Saturday night as a wildfire spread, officials said. " +
        "Police closed the main roads out of Halvenmoor and people spent the night in schools. " +
        "Officials warned that the weekend would bring more danger to the homes of Halvenmoor.";
    private const string ProtestTitle = "Halvenmoor residents march against bypass";
    private const string ProtestBody =
        "Thousands of Halvenmoor residents marched on Saturday against plans for a new road, officials said. " +
        "Police said people from Halvenmoor closed the main route through the town for the night. " +
        "The new road would cut through farmland and woods near the homes of Halvenmoor, residents warned.";

    // Sixty stories in other places (restored as sixty stories) that use every word the two Halvenmoor reports share
    // except the town's name: those words then say nothing about which story an article belongs to, as the words of
    // a kind of story do on a busy news day.
    private static StoryClusterer EngineWithBackground(ClusteringOptions options)
    {
        string[] common = ["people", "police", "thousands", "residents", "homes", "officials", "said", "town", "roads", "night", "schools",
            "saturday", "weekend", "spring", "road", "route", "main", "plans", "new", "leave", "warned", "spent", "closed", "woods", "farmland"];
        var engine = new StoryClusterer(options);
        for (var i = 0; i < 60; i++)
        {
            var words = common.OrderBy(w => (w.GetHashCode(StringComparison.Ordinal) ^ (i * 7919)) & 0xffff).ToArray();
            var body = $"{Place(i)} {string.Join(' ', words.Take(12))}. {string.Join(' ', words.Skip(12))} {Place(i)}.";
            RestoreAsOwnStory(engine, Articles.Features(i + 1, $"{Place(i)} {string.Join(' ', words.Take(4))}", body, i / 30.0));
        }
        return engine;
    }

    [Fact]
    public void Add_FullArticleSharingOnlyItsPlaceWithAnotherStory_StartsItsOwnStory()
    {
        // A wildfire near Halvenmoor, then a protest in Halvenmoor: the two share the town's name and nothing else
        // that tells stories apart (both kinds' words are everywhere), which is a coincidence, not a story.
        ArticleFeatures Fire() => Articles.Features(100, FireTitle, FireBody, 3);
        ArticleFeatures Protest() => Articles.Features(101, ProtestTitle, ProtestBody, 4, outlet: "courier");

        var engine = EngineWithBackground(Defaults);
        engine.Add(Fire());
        var (protest, _) = engine.Add(Protest());
        Assert.Contains(protest.Candidates, c => c.ArticleId == 100);
        Assert.True(protest.Action == ClusterAction.NewStory, string.Join("; ", protest.Stories) + " / " + string.Join("; ", protest.Candidates.Select(c => c.ArticleId + ":" + c.Scores)));

        // The control: counting a single shared word as enough, the protest joins the fire (what the rule prevents).
        var loose = EngineWithBackground(new ClusteringOptions { MinSharedTerms = 1 });
        loose.Add(Fire());
        var (joined, _) = loose.Add(Protest());
        Assert.True(joined.StoryId == 100, string.Join("; ", joined.Stories) + " / " + string.Join("; ", joined.Candidates.Select(c => c.ArticleId + ":" + c.Scores)));
    }

    [Fact]
    public void Add_HeadlinesSharingFewWords_AreNotHeldToTheSharedTermsRule()
    {
        // Headlines without a body have room for one or two names: the rule needs a body on both sides to apply.
        var strict = new ClusteringOptions { MinSharedTerms = 50 };
        var engine = new StoryClusterer(strict);
        engine.Add(Articles.Features(1, "Varnholt dam breached, three villages evacuated", ""));
        var (headline, _) = engine.Add(Articles.Features(2, "Varnholt dam gives way as villages evacuated", "", 1, outlet: "courier"));
        Assert.Equal(1, headline.StoryId);

        // The same words with bodies are held to it (50 shared informative terms is more than they have).
        var bodied = new StoryClusterer(strict);
        bodied.Add(Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        var (rewrite, _) = bodied.Add(Articles.Features(2, Articles.DamRewriteTitle, Articles.DamRewriteBody, 3));
        Assert.Equal(ClusterAction.NewStory, rewrite.Action);
    }

    // A house footer many pages carry: long enough that two articles sharing it share about half their shingles.
    private const string Footer =
        "Our newsroom brings you verified reports from across the region every day of the week, with analysis from correspondents in every capital. " +
        "Readers can sign up to the morning briefing for a summary of the stories that matter, delivered before breakfast.";

    [Fact]
    public void Add_PagesSharingOnlyAFooter_DoNotCrowdOutTheStorysOwnReport()
    {
        // Sixty stories whose pages carry the same footer, and a report of the Ostrava bridge collapse without it;
        // then a second report of the collapse with the footer. The footer makes LSH bands match by accident: those
        // pages must not take the candidate places before the report that names the same bridge and town.
        ArticleFeatures Footed(long id, string title, string text, double hours) => Articles.Features(id, title, text + "\n\n" + Footer, hours);
        StoryClusterer Engine(ClusteringOptions options)
        {
            var engine = new StoryClusterer(options);
            for (var i = 0; i < 60; i++)
                RestoreAsOwnStory(engine, Footed(i + 1, $"{Place(i)} council approves budget for {2027 + i % 3}", $"The council of {Place(i)} approved a budget of {40 + i} million for next year after a short debate.", i / 30.0));
            RestoreAsOwnStory(engine, Articles.Features(50, "Kettering bridge over the Ostrava canal collapses, injuring nine",
                "The Kettering bridge over the Ostrava canal collapsed during the morning rush, injuring nine commuters. " +
                "Engineers had inspected the Kettering crossing in March and found cracks in two of its supports, the canal authority said.", 2));
            return engine;
        }
        var second = Footed(60, "Nine hurt as Kettering bridge falls into Ostrava canal",
            "Nine people were hurt when the Kettering bridge fell into the Ostrava canal, the canal authority said. " +
            "Barges were stopped at both locks. Cranes lifted the wreckage out by evening.", 3);
        // The footer is about half of each page: most footer pages share a band with this one (52 of 60), yet none
        // resembles it as much as the bands were sized for (all below 0.5).

        var (d, _) = Engine(Defaults).Add(second);
        Assert.True(d.Candidates.Any(c => c.ArticleId == 50), string.Join("; ", d.Candidates.Select(c => $"{c.ArticleId} {c.Channel} res={c.Scores.Resemblance}")));
        Assert.Equal(50, d.StoryId);

        // The control: counting every shared band as shared text, the footer pages fill the candidate places.
        var (crowded, _) = Engine(new ClusteringOptions { ShingleEvidenceResemblance = 0 }).Add(second);
        Assert.False(crowded.Candidates.Any(c => c.ArticleId == 50), string.Join("; ", crowded.Candidates.Select(c => $"{c.ArticleId} {c.Channel} res={c.Scores.Resemblance}")));
    }

    [Fact]
    public void Add_SameStoryAWeekLater_OutsideTheWindow_StartsANewStory()
    {
        var engine = new StoryClusterer(Defaults);
        engine.Add(Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        var (d, _) = engine.Add(Articles.Features(2, Articles.DamTitle, Articles.DamCopyBody, hoursAfterStart: 24 * 7));
        Assert.Empty(d.Candidates);
        Assert.Equal(ClusterAction.NewStory, d.Action);
        Assert.Equal(0, engine.WindowCount - 1); // the first article left the window
    }

    [Fact]
    public void Add_ArticleBridgingTwoStories_MergesThemIntoTheOlder()
    {
        // Two stories that formed apart (restored as stories 1 and 2: the wire report and an independent report of
        // the same flood); a rewrite close to both scores above MergeThreshold with each and brings them together.
        // The merge bar is set for this test (the rewrite scores about 0.39 and 0.19 with the two): what is pinned
        // here is the mechanics, survivor and bookkeeping; the default bar is judged by the corpora.
        // The name check is relaxed for the same reason (the two reports name partly different people).
        var options = new ClusteringOptions { JoinThreshold = 0.15, MergeThreshold = 0.17, NameCoverage = 0.01 };
        var engine = new StoryClusterer(options);
        RestoreAsOwnStory(engine, Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        RestoreAsOwnStory(engine, Articles.Features(2, Articles.DamIndependentTitle, Articles.DamIndependentBody, 1));

        var (bridge, _) = engine.Add(Articles.Features(3, Articles.DamRewriteTitle, Articles.DamRewriteBody, 2));

        Assert.True(bridge.Action == ClusterAction.JoinedAndMerged, string.Join("; ", bridge.Stories));
        Assert.Equal(1, bridge.StoryId);
        Assert.Equal([2L], bridge.MergedStories);
        Assert.All(bridge.Stories, s => Assert.True(s.Score >= options.MergeThreshold, $"story {s.StoryId} scored {s.Score}"));
    }

    [Fact]
    public void Add_ArticleBridgingTwoStoriesAnEditorKeptApart_JoinsOneAndMergesNothing()
    {
        // The bridging case above (it merges there: the control), with stories 1 and 2 kept apart by an editor.
        var options = new ClusteringOptions { JoinThreshold = 0.15, MergeThreshold = 0.17, NameCoverage = 0.01 };
        var engine = new StoryClusterer(options);
        RestoreAsOwnStory(engine, Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        RestoreAsOwnStory(engine, Articles.Features(2, Articles.DamIndependentTitle, Articles.DamIndependentBody, 1));
        engine.SetApart([(2, 1)]);

        var (bridge, _) = engine.Add(Articles.Features(3, Articles.DamRewriteTitle, Articles.DamRewriteBody, 2));

        Assert.Equal(ClusterAction.Joined, bridge.Action);
        Assert.Equal(1, bridge.StoryId);
        Assert.Empty(bridge.MergedStories);
        Assert.Equal(2, bridge.Stories.Count(s => s.Score >= options.MergeThreshold));
    }

    [Fact]
    public void Move_ArticleSplitOutOfItsStory_IsJoinedThereByItsCopyNotByTheOldStory()
    {
        // Story 1 holds the wire report (1) and, wrongly, the chip story (2); an editor splits 2 out. A verbatim copy
        // of 2 must then find story 2, not story 1: the moved article is indexed under its new story.
        var engine = new StoryClusterer(Defaults);
        var wire = Articles.Features(1, Articles.DamTitle, Articles.DamBody);
        var chip = Articles.Features(2, Articles.ChipTitle, Articles.ChipBody, 1);
        engine.Restore(wire with { IndexTerms = FeatureExtractor.ChooseIndexTerms(wire, engine.Idf, Defaults.IndexTermsPerArticle) },
            new StoryState(1, 2, wire.PublishedMs, chip.PublishedMs));
        engine.Restore(chip with { IndexTerms = FeatureExtractor.ChooseIndexTerms(chip, engine.Idf, Defaults.IndexTermsPerArticle) },
            new StoryState(1, 2, wire.PublishedMs, chip.PublishedMs));
        var (before, _) = engine.Add(Articles.Features(3, Articles.ChipTitle, Articles.ChipBody, 2));
        Assert.Equal(1, before.StoryId); // the control: unsplit, the copy joins story 1

        var split = new StoryClusterer(Defaults);
        split.Restore(wire with { IndexTerms = FeatureExtractor.ChooseIndexTerms(wire, split.Idf, Defaults.IndexTermsPerArticle) },
            new StoryState(1, 2, wire.PublishedMs, chip.PublishedMs));
        split.Restore(chip with { IndexTerms = FeatureExtractor.ChooseIndexTerms(chip, split.Idf, Defaults.IndexTermsPerArticle) },
            new StoryState(1, 2, wire.PublishedMs, chip.PublishedMs));
        split.Move([2], 2, [new StoryState(1, 1, wire.PublishedMs, wire.PublishedMs), new StoryState(2, 1, chip.PublishedMs, chip.PublishedMs)]);
        var (after, _) = split.Add(Articles.Features(3, Articles.ChipTitle, Articles.ChipBody, 2));
        Assert.Equal(2, after.StoryId);
        Assert.Equal(ClusterAction.Joined, after.Action);
    }

    [Fact]
    public void Add_ArticleCloseToOnlyOneStory_MergesNothing()
    {
        var engine = new StoryClusterer(Defaults);
        RestoreAsOwnStory(engine, Articles.Features(1, Articles.DamTitle, Articles.DamBody));
        RestoreAsOwnStory(engine, Articles.Features(2, Articles.ChipTitle, Articles.ChipBody, 1));
        var (d, _) = engine.Add(Articles.Features(3, Articles.DamRewriteTitle, Articles.DamRewriteBody, 2));
        Assert.Equal(ClusterAction.Joined, d.Action);
        Assert.Equal(1, d.StoryId);
        Assert.Empty(d.MergedStories);
    }

    private static void RestoreAsOwnStory(StoryClusterer engine, ArticleFeatures features) =>
        engine.Restore(features with { IndexTerms = FeatureExtractor.ChooseIndexTerms(features, engine.Idf, Defaults.IndexTermsPerArticle) },
            new StoryState(features.ArticleId, 1, features.PublishedMs, features.PublishedMs));

    [Fact]
    public void Add_ManyStoredArticles_VerifiesAtMostMaxCandidates()
    {
        var engine = new StoryClusterer(Defaults);
        for (var i = 1; i <= 500; i++)
            engine.Add(Articles.Features(i, $"Harbour report {i} on shipping lane {i % 7}", $"Shipping lane {i % 7} saw {i} vessels in the harbour this morning, port officials counted.", i / 60.0));
        // Every stored article shares words with this one; only the rare "250" singles one out.
        var (d, _) = engine.Add(Articles.Features(501, "Harbour report 250 on shipping lane 5", "Shipping lane 5 saw 250 vessels in the harbour, port officials counted.", 9));
        Assert.InRange(d.Candidates.Count, 1, Defaults.MaxCandidates);
        Assert.Contains(d.Candidates, c => c.ArticleId == 250);
    }

    [Fact]
    public void Restore_FromStoredFeatures_DecidesLikeTheEngineThatNeverStopped()
    {
        var inputs = new[]
        {
            Articles.Features(1, Articles.DamTitle, Articles.DamBody),
            Articles.Features(2, Articles.ChipTitle, Articles.ChipBody, 1),
            Articles.Features(3, Articles.DamIndependentTitle, Articles.DamIndependentBody, 2),
            Articles.Features(4, Articles.BudgetTitle, Articles.BudgetBody, 3),
        };
        var continuous = new StoryClusterer(Defaults);
        var stored = new List<(ArticleFeatures, ClusterDecision)>();
        foreach (var f in inputs)
        {
            var (d, withTerms) = continuous.Add(f);
            stored.Add((withTerms, d));
        }
        // What the database holds after these four: each story's final member count and time range.
        var states = stored.GroupBy(s => s.Item2.StoryId).ToDictionary(g => g.Key,
            g => new StoryState(g.Key, g.Count(), g.Min(s => s.Item1.PublishedMs), g.Max(s => s.Item1.PublishedMs)));
        var restarted = new StoryClusterer(Defaults);
        foreach (var (f, d) in stored)
            restarted.Restore(f, states[d.StoryId]);

        var next = Articles.Features(5, Articles.DamRewriteTitle, Articles.DamRewriteBody, 4);
        var (a, _) = continuous.Add(next);
        var (b, _) = restarted.Add(next);
        Assert.Equal(a.StoryId, b.StoryId);
        Assert.Equal(a.Score, b.Score);
        Assert.Equal(a.Candidates.Select(c => (c.ArticleId, c.Scores.Combined)), b.Candidates.Select(c => (c.ArticleId, c.Scores.Combined)));
    }
}
