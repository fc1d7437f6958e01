using NewsAggregator.Core.Clustering;

namespace NewsAggregator.Core.Tests.Clustering;

public sealed class FeatureExtractorTests
{
    [Fact]
    public void Tokens_PossessivesPluralsAndCase_FoldToOneTerm()
    {
        Assert.Equal(["fed", "official", "say", "the", "dam", "city"], TextTokens.All("Fed's officials say: The DAMS’ cities", 100));
        Assert.Equal("city", TextTokens.Stem("cities"));
        Assert.Equal("bus", TextTokens.Stem("bus"));
        Assert.Equal("glass", TextTokens.Stem("glass"));
    }

    [Fact]
    public void Extract_StopWordsAndCommonNewsWords_AreNotTerms()
    {
        var f = Articles.Features(1, "The minister said it would rain", "");
        Assert.Equal("minister rain", f.TitleText);
        Assert.Equal(2, f.Terms.Length);
        Assert.All(f.Terms, t => Assert.Equal(FeatureExtractor.TitleTermWeight, t.Weight));
    }

    [Fact]
    public void Extract_TitleTermsWeighMoreThanBodyTerms()
    {
        var f = Articles.Features(1, "Varnholt dam", "Varnholt is a town. The dam is old.");
        var varnholt = f.Terms.Single(t => t.Term == TextTokens.Hash("varnholt"));
        var town = f.Terms.Single(t => t.Term == TextTokens.Hash("town"));
        Assert.Equal(FeatureExtractor.TitleTermWeight + 1, varnholt.Weight);
        Assert.Equal(1, town.Weight);
    }

    [Fact]
    public void MinHash_VerbatimCopyWithSignOff_IsNearlyIdentical_UnrelatedTextIsNot()
    {
        var wire = Articles.Features(1, Articles.DamTitle, Articles.DamBody);
        var copy = Articles.Features(2, Articles.DamTitle, Articles.DamCopyBody);
        var other = Articles.Features(3, Articles.ChipTitle, Articles.ChipBody);
        Assert.True(MinHasher.Resemblance(wire.MinHash, copy.MinHash) > 0.8);
        Assert.True(MinHasher.Resemblance(wire.MinHash, other.MinHash) < 0.1);
    }

    [Fact]
    public void SentenceHashes_SharedQuoteOnly_DoNotCount_SharedNarrativeSentenceDoes()
    {
        var a = FeatureExtractor.SentenceHashes("“We will rebuild every house that the river took from us,” the governor said on the radio.");
        var b = FeatureExtractor.SentenceHashes("“We will rebuild every house that the river took from us,” Brandtmoor told a crowd in Ostervik.");
        Assert.Equal(0, FeatureExtractor.SharedSentences(a, b).Shared);

        var rewrite = Articles.Features(2, Articles.DamRewriteTitle, Articles.DamRewriteBody);
        var wire = Articles.Features(1, Articles.DamTitle, Articles.DamBody);
        Assert.Equal(1, FeatureExtractor.SharedSentences(wire.Sentences, rewrite.Sentences).Shared);
    }

    [Fact]
    public void Extract_LongBody_IsBounded()
    {
        var body = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"word{i}"));
        var f = Articles.Features(1, "Long", body);
        Assert.Equal(FeatureExtractor.MaxBodyTokens, f.BodyTokens);
        Assert.True(f.Terms.Length <= FeatureExtractor.MaxTerms);
        Assert.Equal(MinHasher.Length, f.MinHash.Length);
    }
}
