using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NewsAggregator.Core.Evaluation;
using NewsAggregator.Core.Evaluation.Synthetic;
using NewsAggregator.Core.Outlets;
using Xunit.Abstractions;

namespace NewsAggregator.Core.Tests.Evaluation;

public sealed partial class SyntheticCorpusTests(ITestOutputHelper output)
{
    private static readonly OutletDirectory Outlets = OutletDirectory.Load(Path.Combine(SharedPaths.RepoRoot, "config", "outlets.json"));

    /// <summary>One corpus of 5,000 articles shared by the read-only tests (generating it takes a fraction of a second).</summary>
    private static readonly Lazy<List<SyntheticArticle>> Corpus = new(() => SyntheticCorpus.GenerateDetailed(Options(5000, seed: 7)).ToList());

    /// <summary>A day of news at the default rate (20,000 articles), for the realism tests that need a full day.</summary>
    private static readonly Lazy<List<SyntheticArticle>> Day = new(() => SyntheticCorpus.GenerateDetailed(Options(20_000, seed: 11)).ToList());

    private static SyntheticOptions Options(int articles, long seed) => new() { Articles = articles, Seed = seed, Outlets = Outlets.Outlets };

    private static async Task<byte[]> WriteAsync(SyntheticOptions options)
    {
        using var stream = new MemoryStream();
        await SyntheticCorpus.WriteAsync(options, stream);
        return stream.ToArray();
    }

    [Fact]
    public async Task WriteAsync_SameSeed_WritesIdenticalBytes()
    {
        var first = await WriteAsync(Options(3000, seed: 42));
        var second = await WriteAsync(Options(3000, seed: 42));

        Assert.Equal(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Fact]
    public async Task WriteAsync_DifferentSeed_WritesDifferentBytes()
    {
        var first = await WriteAsync(Options(3000, seed: 42));
        var second = await WriteAsync(Options(3000, seed: 43));

        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(second));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(2500)]
    public async Task WriteAsync_AnyCount_WritesExactlyThatManyLines(int articles)
    {
        var bytes = await WriteAsync(Options(articles, seed: 1));

        Assert.Equal(articles, bytes.Count(b => b == (byte)'\n'));
        Assert.True(articles == 0 || bytes[^1] == (byte)'\n');
    }

    [Fact]
    public async Task Read_WrittenFile_ReadsWithoutWarningsAndMatchesGenerate()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, await WriteAsync(Options(2000, seed: 5)));

            var corpus = EvalCorpus.Read(path);

            Assert.Empty(corpus.Warnings);
            var generated = SyntheticCorpus.Generate(Options(2000, seed: 5)).ToList();
            Assert.Equal(generated.Count, corpus.Articles.Count);
            for (var i = 0; i < generated.Count; i++)
                Assert.Equal(generated[i], corpus.Articles[i]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WriteAsync_Line_HasFieldsInFormatOrderAndUtcTimes()
    {
        var text = System.Text.Encoding.UTF8.GetString(await WriteAsync(Options(200, seed: 3)));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.All(lines, line => Assert.Matches(
            """^\{"id":"g\d{7}","outlet":"[^"]+","url":"https://[^"]+","title":".+","body":".+","published":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ","story":"s\d{6}","derived_from":(null|"g\d{7}"),"original_outlet":"[^"]+"(,"relation":"(duplicate|rewrite|related)")?\}$""",
            line));
        Assert.StartsWith("""{"id":"g0000001",""", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_FileOrder_IsSortedByPublishedThenIdWithUniqueIdsAndUrls()
    {
        var articles = Corpus.Value.Select(a => a.Article).ToList();

        for (var i = 1; i < articles.Count; i++)
        {
            Assert.True(articles[i - 1].Published <= articles[i].Published, $"{articles[i].Id} is earlier than the line before it");
            Assert.True(string.CompareOrdinal(articles[i - 1].Id, articles[i].Id) < 0);
        }
        Assert.Equal("g0000001", articles[0].Id);
        // The first root arrives within one root interval (about 20 s at 20,000 articles a day) of the start.
        Assert.InRange((articles[0].Published - SyntheticOptions.DefaultStart).TotalSeconds, 0, 60);
        Assert.Equal(articles.Count, articles.Select(a => a.Url).Distinct().Count());
        Assert.All(articles, a => Assert.Equal(TimeSpan.Zero, a.Published.Offset));
    }

    [Fact]
    public void Generate_DerivedFrom_IsAnEarlierArticleOfTheSameStoryOrWithinClockSkew()
    {
        var articles = Corpus.Value.Select(a => a.Article).ToList();
        var position = articles.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);

        var skewed = 0;
        foreach (var article in articles.Where(a => a.DerivedFrom is not null))
        {
            var source = articles[position[article.DerivedFrom!]];
            Assert.Equal(source.Story, article.Story);
            if (position[source.Id] > position[article.Id])
            {
                skewed++;
                Assert.InRange((source.Published - article.Published).TotalSeconds, 0, SyntheticPlan.MaxClockSkewSeconds);
            }
        }
        // About 2% of some 3,000 derived articles are stamped before their source: a few dozen, never none.
        Assert.InRange(skewed, 10, 200);
    }

    [Fact]
    public void Generate_EveryStory_HasOneRootWithoutRelationWhoseOutletIsTheOriginal()
    {
        foreach (var story in Corpus.Value.GroupBy(a => a.Article.Story))
        {
            var root = Assert.Single(story, a => a.Article.Relation is null);
            Assert.Contains(root.Kind, new[] { SyntheticKind.Root, SyntheticKind.Singleton });
            Assert.Null(root.Article.DerivedFrom);
            Assert.All(story, a => Assert.Equal(root.Article.Outlet, a.Article.OriginalOutlet));
            Assert.All(story, a => Assert.True(a.Article.DerivedFromKnown));
            Assert.All(story.Where(a => a.Article.Relation == "related"), a =>
            {
                Assert.Null(a.Article.DerivedFrom);
                Assert.True(a.Article.Published > root.Article.Published);
            });
            Assert.All(story.Where(a => a.Article.Relation is "duplicate" or "rewrite"), a => Assert.NotNull(a.Article.DerivedFrom));
        }
    }

    [Fact]
    public void Generate_RelationMix_IsWithinFivePointsOfTheConstants()
    {
        var members = Corpus.Value.Where(a => a.Kind is not (SyntheticKind.Root or SyntheticKind.Singleton)).ToList();
        double Share(SyntheticKind kind) => members.Count(a => a.Kind == kind) / (double)members.Count;
        double Relation(string relation) => members.Count(a => a.Article.Relation == relation) / (double)members.Count;

        Assert.InRange(Share(SyntheticKind.Verbatim), SyntheticPlan.VerbatimShare - 0.05, SyntheticPlan.VerbatimShare + 0.05);
        Assert.InRange(Share(SyntheticKind.LightEdit), SyntheticPlan.LightEditShare - 0.05, SyntheticPlan.LightEditShare + 0.05);
        Assert.InRange(Share(SyntheticKind.Rewrite), SyntheticPlan.RewriteShare - 0.05, SyntheticPlan.RewriteShare + 0.05);
        Assert.InRange(Share(SyntheticKind.Independent), SyntheticPlan.IndependentShare - 0.05, SyntheticPlan.IndependentShare + 0.05);
        Assert.InRange(Share(SyntheticKind.Update), SyntheticPlan.UpdateShare - 0.05, SyntheticPlan.UpdateShare + 0.05);
        Assert.InRange(Relation("duplicate"), 0.45, 0.55);
        Assert.InRange(Relation("rewrite"), 0.20, 0.30);
        Assert.InRange(Relation("related"), 0.20, 0.30);
    }

    [Fact]
    public void Generate_StorySizes_AreHeavyTailedWithAQuarterSingletons()
    {
        var sizes = Corpus.Value.GroupBy(a => a.Article.Story).Select(g => g.Count()).ToList();

        Assert.InRange(sizes.Count(s => s == 1) / (double)sizes.Count, 0.20, 0.30);
        Assert.InRange(sizes.Average(), 4.0, 6.0);
        Assert.Contains(sizes, s => s >= 20);
        Assert.True(sizes.Count(s => s <= 3) > sizes.Count / 2);
    }

    [Fact]
    public void Generate_Verbatim_KeepsTitleAndEveryParagraphOfTheSourceBody()
    {
        var byId = Corpus.Value.ToDictionary(a => a.Article.Id);
        var copies = Corpus.Value.Where(a => a.Kind == SyntheticKind.Verbatim).ToList();
        Assert.NotEmpty(copies);

        foreach (var copy in copies)
        {
            var source = byId[copy.Article.DerivedFrom!].Article;
            var sourceStyle = Style(source.Outlet);
            var copyStyle = Style(copy.Article.Outlet);
            Assert.Equal(source.Title[..^sourceStyle.TitleSuffix.Length] + copyStyle.TitleSuffix, copy.Article.Title);
            foreach (var paragraph in CoreParagraphs(source, sourceStyle))
                Assert.Contains(paragraph, copy.Article.Body, StringComparison.Ordinal);
            if (copyStyle.Trailer is { } trailer)
                Assert.EndsWith("\n\n" + trailer, copy.Article.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Generate_LightEdit_RewordsTheHeadlineAndKeepsAllButOneParagraphOrSentence()
    {
        var byId = Corpus.Value.ToDictionary(a => a.Article.Id);
        var edits = Corpus.Value.Where(a => a.Kind == SyntheticKind.LightEdit).ToList();
        Assert.NotEmpty(edits);

        foreach (var edit in edits)
        {
            var source = byId[edit.Article.DerivedFrom!].Article;
            var sourceStyle = Style(source.Outlet);
            Assert.NotEqual(source.Title[..^sourceStyle.TitleSuffix.Length], edit.Article.Title[..^Style(edit.Article.Outlet).TitleSuffix.Length]);
            var paragraphs = CoreParagraphs(source, sourceStyle);
            var missing = paragraphs.Where(p => !edit.Article.Body.Contains(p, StringComparison.Ordinal)).ToList();
            // A dropped paragraph or a paragraph with one sentence trimmed: exactly one is no longer found whole.
            Assert.Single(missing);
        }
    }

    [Fact]
    public void Generate_Rewrite_CreditsTheSourceOutletAndSharesAtMostTwoSentencesWithIt()
    {
        var byId = Corpus.Value.ToDictionary(a => a.Article.Id);
        var rewrites = Corpus.Value.Where(a => a.Kind == SyntheticKind.Rewrite).ToList();
        Assert.NotEmpty(rewrites);

        foreach (var rewrite in rewrites)
        {
            var source = byId[rewrite.Article.DerivedFrom!].Article;
            var outlet = Outlets.Outlets.Single(o => o.Name == source.Outlet);
            var credits = SyntheticVocabulary.CreditMarkers.SelectMany(m => outlet.Aliases.Append(outlet.Name).Select(n => m.Replace("{0}", n, StringComparison.Ordinal)));
            Assert.Contains(credits, c => rewrite.Article.Body.Contains(c, StringComparison.OrdinalIgnoreCase));
            var shared = Sentences(rewrite.Article.Body).Intersect(Sentences(source.Body)).Where(s => Words(s) >= 6).ToList();
            Assert.True(shared.Count <= 2, $"{rewrite.Article.Id} shares {shared.Count} sentences with {source.Id}");
            Assert.NotEqual(source.Outlet, rewrite.Article.Outlet);
        }
    }

    [Fact]
    public void Generate_Independent_SharesNoLongSentenceOtherThanAQuoteWithItsStory()
    {
        var independents = 0;
        foreach (var story in Corpus.Value.GroupBy(a => a.Article.Story))
        {
            var sentences = story.ToDictionary(a => a.Article.Id, a => Sentences(a.Article.Body).Where(s => Words(s) >= 8 && !s.Contains('"', StringComparison.Ordinal)).ToHashSet());
            foreach (var report in story.Where(a => a.Kind == SyntheticKind.Independent))
            {
                independents++;
                Assert.Null(report.Article.DerivedFrom);
                foreach (var other in story.Where(a => a != report))
                    Assert.Empty(sentences[report.Article.Id].Intersect(sentences[other.Article.Id]));
            }
        }
        Assert.True(independents > 500);
    }

    [Fact]
    public void Generate_Update_IsALaterArticleOfTheSameOutletKeepingPartOfItsText()
    {
        var byId = Corpus.Value.ToDictionary(a => a.Article.Id);
        var updates = Corpus.Value.Where(a => a.Kind == SyntheticKind.Update).ToList();
        Assert.NotEmpty(updates);

        foreach (var update in updates)
        {
            var source = byId[update.Article.DerivedFrom!].Article;
            Assert.Equal(source.Outlet, update.Article.Outlet);
            Assert.Equal("rewrite", update.Article.Relation);
            Assert.True(update.Article.Published > source.Published.AddHours(2) || update.Article.Published < source.Published);
            var earlier = Sentences(string.Join("\n\n", CoreParagraphs(source, Style(source.Outlet))));
            var kept = Sentences(string.Join("\n\n", CoreParagraphs(update.Article, Style(update.Article.Outlet)))).Intersect(earlier).Count();
            Assert.InRange(kept, 1, earlier.Count - 1);
        }
    }

    [Fact]
    public void Generate_Bodies_AreReportsOfAboutOneToTwoHundredFiftyWords()
    {
        var words = Corpus.Value.Select(a => Words(a.Article.Body)).ToList();

        Assert.InRange(words.Average(), 110, 200);
        Assert.All(Corpus.Value.Where(a => a.Kind is SyntheticKind.Root or SyntheticKind.Singleton), a =>
        {
            Assert.InRange(Words(a.Article.Body), 80, 260);
            Assert.InRange(a.Article.Body.Split("\n\n").Length, 4, 11);
        });
    }

    [Fact]
    public void Generate_SameDay_UnrelatedStoriesShareAPersonsFullName()
    {
        var first = SyntheticVocabulary.FirstNames.ToHashSet();
        var last = SyntheticVocabulary.LastNames.ToHashSet();
        var storiesByDayAndName = new Dictionary<(string Day, string Name), HashSet<string>>();
        foreach (var a in Corpus.Value.Select(a => a.Article))
        {
            foreach (Match m in FullName().Matches(a.Title + "\n" + a.Body))
            {
                if (!first.Contains(m.Groups[1].Value) || !last.Contains(m.Groups[2].Value))
                    continue;
                var key = (a.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Groups[1].Value + " " + m.Groups[2].Value);
                if (!storiesByDayAndName.TryGetValue(key, out var stories))
                    storiesByDayAndName[key] = stories = [];
                stories.Add(a.Story!);
            }
        }

        Assert.Contains(storiesByDayAndName.Values, stories => stories.Count >= 2);
    }

    [Fact]
    public void Generate_SameDay_SeveralUnrelatedStoriesHaveTheSameEventType()
    {
        // Two unrelated earthquakes (or strikes, …) on the same day: a clustering hard negative.
        var leads = Corpus.Value.Where(a => a.Kind is SyntheticKind.Root or SyntheticKind.Singleton).Select(a => a.Article).ToList();
        var quakes = leads.Where(a => a.Body.Contains("earthquake", StringComparison.OrdinalIgnoreCase) && a.Published.Day == leads[0].Published.Day).ToList();

        Assert.True(quakes.Select(a => a.Story).Distinct().Count() >= 2);
        Assert.True(quakes.Select(a => a.Title).Distinct().Count() >= 2);
    }

    [Fact]
    public void Generate_DayOfNews_TitlesOfUnrelatedStoriesOfOneTypeRarelyShareMostWords()
    {
        // Two unrelated stories of a type (two earthquakes, two recalls) within 24 h: their headlines name their own
        // subject, people and place, so fewer than 1% of such pairs share 80% or more of their words.
        var titles = Day.Value
            .GroupBy(a => a.Article.Story)
            .SelectMany(story =>
            {
                var root = story.Min(a => a.Article.Published);
                return story.Select(a => TitleWords(a.Article)).DistinctBy(w => string.Join(' ', w.Order(StringComparer.Ordinal)))
                    .Select(w => (Story: story.Key!, Type: story.First().EventType, Root: root, Words: w));
            })
            .ToList();
        long pairs = 0, similar = 0;
        foreach (var type in titles.GroupBy(t => t.Type))
        {
            var list = type.OrderBy(t => t.Root).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = i + 1; j < list.Count && list[j].Root - list[i].Root <= TimeSpan.FromHours(24); j++)
                {
                    if (list[i].Story == list[j].Story)
                        continue;
                    pairs++;
                    var shared = list[i].Words.Count(list[j].Words.Contains);
                    if (shared >= 0.8 * Math.Min(list[i].Words.Count, list[j].Words.Count))
                        similar++;
                }
            }
        }

        output.WriteLine($"same-type title pairs within 24 h: {pairs:N0}, sharing >= 80% of words: {similar:N0} ({similar / (double)pairs:P3})");
        Assert.True(pairs > 100_000);
        Assert.True(similar < 0.01 * pairs, $"{similar} of {pairs} title pairs of unrelated same-type stories share 80% of their words");
    }

    [Fact]
    public void Generate_DayOfNews_AFewPercentOfStoriesShareAPersonsFullNameWithAnotherStory()
    {
        // People have names of their own; only the recurring politicians (a minister in two unrelated stories)
        // give two stories within 48 h the same full name: a hard negative at a realistic rate.
        var stories = Day.Value.GroupBy(a => a.Article.Story).Select(story => (
            Root: story.Min(a => a.Article.Published),
            Names: story.SelectMany(a => FullNames(a.Article.Title + "\n" + a.Article.Body)).ToHashSet(StringComparer.Ordinal))).ToList();
        var byName = new Dictionary<string, List<DateTimeOffset>>(StringComparer.Ordinal);
        foreach (var story in stories)
        {
            foreach (var name in story.Names)
            {
                if (!byName.TryGetValue(name, out var roots))
                    byName[name] = roots = [];
                roots.Add(story.Root);
            }
        }
        var sharing = stories.Count(story => story.Names.Any(name =>
            byName[name].Count(root => (root - story.Root).Duration() <= TimeSpan.FromHours(48)) >= 2));
        var share = sharing / (double)stories.Count;

        output.WriteLine($"stories sharing a full name with another story within 48 h: {sharing} of {stories.Count} ({share:P2})");
        Assert.InRange(share, 0.02, 0.08);
    }

    [Fact]
    public void Generate_DayOfNews_UnrelatedStoriesShareOnlyGenericSentencesAtMostOnePerArticle()
    {
        // A sentence of eight words or more found in two stories must be one of the types' generic background
        // lines, and an article carries at most one. Rewrites' credits ("The story was first published by AFP.")
        // are attribution boilerplate, not story text, and are left out.
        var generic = SyntheticEvents.All.SelectMany(t => t.Generic).ToHashSet(StringComparer.Ordinal);
        var sentencesOf = Day.Value.ToDictionary(a => a.Article.Id, a => StorySentences(a.Article));
        var storiesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var a in Day.Value)
        {
            foreach (var sentence in sentencesOf[a.Article.Id])
            {
                if (!storiesOf.TryGetValue(sentence, out var stories))
                    storiesOf[sentence] = stories = [];
                stories.Add(a.Article.Story!);
            }
        }
        var shared = storiesOf.Where(kv => kv.Value.Count >= 2).Select(kv => kv.Key).ToList();
        var perArticle = Day.Value.Select(a => sentencesOf[a.Article.Id].Count(generic.Contains)).ToList();

        output.WriteLine($"sentences (>= 8 words) in two or more stories: {shared.Count}, of which generic: {shared.Count(generic.Contains)}; " +
            $"articles with a generic sentence: {perArticle.Count(c => c > 0) / (double)perArticle.Count:P1}; distinct sentences: {storiesOf.Count:N0}");
        foreach (var s in shared.Where(s => !generic.Contains(s)).Take(10))
            output.WriteLine("shared: " + s);
        Assert.All(shared, s => Assert.Contains(s, generic));
        Assert.All(perArticle, c => Assert.InRange(c, 0, 1));
        Assert.InRange(generic.Count, 17 * SyntheticEventType.MinGeneric, 17 * 6);
    }

    [Fact]
    public void Permutation_AnySize_IsABijection()
    {
        foreach (var size in new[] { 1, 2, 3, 7, 100, 1000, 4096, 12_345 })
        {
            var permutation = new SyntheticPermutation(0xC0FFEE, size);
            var images = Enumerable.Range(0, size).Select(i => permutation.Map(i)).ToHashSet();
            Assert.Equal(size, images.Count);
            Assert.All(images, i => Assert.InRange(i, 0, size - 1));
        }
    }

    [Fact]
    public void Catalogue_EveryEventTypeAndWordList_MeetsTheContentModel()
    {
        Assert.True(SyntheticEvents.All.Length >= 15);
        Assert.All(SyntheticEvents.All, type =>
        {
            Assert.True(type.HeadlineTemplates.Length >= 4, type.Name);
            Assert.True(type.FactTemplates.Length >= 6, type.Name);
            Assert.All(type.FactTemplates, f => Assert.True(f.Length >= 3, type.Name));
            Assert.All(type.FactTemplates.SelectMany(f => f), t =>
            {
                // Datelines are the only " - " of a body, and a sentence ends only at its end.
                Assert.DoesNotContain(" - ", t.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(". ", t.Text, StringComparison.Ordinal);
            });
        });
        // Every type has thousands of subjects (drawn without replacement) and a few generic background lines.
        Assert.All(SyntheticEvents.All, type =>
        {
            Assert.True(type.SubjectCount >= SyntheticEventType.MinSubjects, type.Name);
            Assert.True(type.Generic.Length >= SyntheticEventType.MinGeneric, type.Name);
        });
        Assert.True(SyntheticVocabulary.FirstNames.Distinct().Count() >= 150);
        Assert.True(SyntheticVocabulary.LastNames.Distinct().Count() >= 250);
        Assert.True(SyntheticVocabulary.Places.Distinct().Count() >= 200);
    }

    [Fact]
    public void Generate_Outlets_AreRealAndNeverDemo()
    {
        var demo = Outlets.Outlets.Where(o => o.Demo).Select(o => o.Name).ToHashSet();
        var names = Outlets.Outlets.Select(o => o.Name).ToHashSet();

        Assert.All(Corpus.Value, a =>
        {
            Assert.Contains(a.Article.Outlet, names);
            Assert.DoesNotContain(a.Article.Outlet, demo);
        });
        var wireRoots = Corpus.Value.Count(a => a.Kind == SyntheticKind.Root && Outlets.Outlets.Single(o => o.Name == a.Article.Outlet).Kind == "wire");
        var roots = Corpus.Value.Count(a => a.Kind == SyntheticKind.Root);
        Assert.InRange(wireRoots / (double)roots, SyntheticPlan.WireRootShare - 0.06, SyntheticPlan.WireRootShare + 0.06);
    }

    private static readonly Lazy<HashSet<string>> AllTrailers = new(() =>
        Outlets.Outlets.Select(SyntheticHouseStyle.For).Select(s => s.Trailer).OfType<string>().ToHashSet(StringComparer.Ordinal));

    private static SyntheticHouseStyle Style(string outletName) => SyntheticHouseStyle.For(Outlets.Outlets.Single(o => o.Name == outletName));

    /// <summary>The body's paragraphs without the outlet's trailer, the first without its dateline.</summary>
    private static List<string> CoreParagraphs(EvalArticle article, SyntheticHouseStyle style)
    {
        var paragraphs = article.Body.Split("\n\n").ToList();
        if (style.Trailer is not null && paragraphs[^1] == style.Trailer)
            paragraphs.RemoveAt(paragraphs.Count - 1);
        // A copy of a republished copy may carry that republisher's sign-off too (CarriedTrailerShare): furniture.
        while (paragraphs.Count > 1 && AllTrailers.Value.Contains(paragraphs[^1]))
            paragraphs.RemoveAt(paragraphs.Count - 1);
        var dash = Dateline().Match(paragraphs[0]);
        if (dash.Success)
            paragraphs[0] = paragraphs[0][dash.Length..];
        return paragraphs;
    }

    /// <summary>Lower-case words and numbers of the title without the outlet's suffix.</summary>
    private static HashSet<string> TitleWords(EvalArticle article)
    {
        var suffix = Style(article.Outlet).TitleSuffix;
        var title = suffix.Length > 0 && article.Title.EndsWith(suffix, StringComparison.Ordinal) ? article.Title[..^suffix.Length] : article.Title;
        return TitleWord().Matches(title.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> FirstNameSet = SyntheticVocabulary.FirstNames.ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> LastNameSet = SyntheticVocabulary.LastNames.ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> FullNames(string text) =>
        FullName().Matches(text).Where(m => FirstNameSet.Contains(m.Groups[1].Value) && LastNameSet.Contains(m.Groups[2].Value))
            .Select(m => m.Groups[1].Value + " " + m.Groups[2].Value);

    /// <summary>Sentences of eight words or more of the body without dateline, trailer and credits.</summary>
    private static List<string> StorySentences(EvalArticle article)
    {
        return Sentences(string.Join("\n\n", CoreParagraphs(article, Style(article.Outlet))))
            .Where(s => Words(s) >= 8)
            .Where(s => !SyntheticVocabulary.CreditSentences.Any(c => CreditPattern(c).IsMatch(s)))
            .ToList();
    }

    private static readonly Dictionary<string, Regex> CreditPatterns = new(StringComparer.Ordinal);

    /// <summary>A credit sentence with any outlet and weekday in place of {0} and {1}.</summary>
    private static Regex CreditPattern(string credit)
    {
        lock (CreditPatterns)
        {
            if (!CreditPatterns.TryGetValue(credit, out var regex))
            {
                var pattern = "^" + Regex.Escape(credit).Replace(@"\{0}", ".+", StringComparison.Ordinal).Replace(@"\{1}", @"\w+", StringComparison.Ordinal) + "$";
                CreditPatterns[credit] = regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            }
            return regex;
        }
    }

    private static List<string> Sentences(string body) =>
        body.Split("\n\n").SelectMany(p => SentenceEnd().Split(p)).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex("""(?<=[.!?]"?)\s+""")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex TitleWord();

    [GeneratedRegex("^[^\n]{1,60}? (-|—) ")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"(?=(?<!\p{L})(\p{Lu}[\p{L}'-]+) (\p{Lu}[\p{L}'-]+)(?!\p{L}))")]
    private static partial Regex FullName();
}
