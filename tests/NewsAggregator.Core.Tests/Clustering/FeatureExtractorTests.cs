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

    [Theory]
    [InlineData("LONDON (Reuters) - The harbour board voted on Tuesday to close the northern quay for repairs.", "LONDON (Reuters) - ")]
    [InlineData("Lyon, France \u2014 The harbour board voted on Tuesday to close the northern quay for repairs.", "Lyon, France \u2014 ")]
    [InlineData("WASHINGTON, Jan. 2 (AP) \u2013 The harbour board voted on Tuesday to close the northern quay for repairs.", "WASHINGTON, Jan. 2 (AP) \u2013 ")]
    [InlineData("Minneapolis, the United States \u2014 The harbour board voted on Tuesday to close the northern quay for repairs.", "Minneapolis, the United States \u2014 ")]
    [InlineData("Rio de Janeiro, Brazil \u2014 The harbour board voted on Tuesday to close the northern quay for repairs.", "Rio de Janeiro, Brazil \u2014 ")]
    [InlineData("AP \u2014 The harbour board voted on Tuesday to close the northern quay for repairs.", "AP \u2014 ")]
    [InlineData("The minister \u2014 who voted on Tuesday \u2014 said the quay would close for repairs.", "")]
    [InlineData("Officials said. The board \u2014 the port's owner \u2014 voted to close the northern quay.", "")]
    [InlineData("\"Close it\" \u2014 that was the harbour board's answer to the repairs report on Tuesday.", "")]
    [InlineData("The harbour board voted on Tuesday to close the northern quay for repairs.", "")]
    public void DatelineLength_FindsTheDatelineOnly(string body, string dateline)
    {
        Assert.Equal(dateline.Length, FeatureExtractor.DatelineLength(body));
    }

    [Fact]
    public void SentenceHashes_CopyWithoutTheDateline_SharesTheFirstSentence()
    {
        const string text = "The harbour board voted on Tuesday to close the northern quay for repairs. Ships will dock at the southern quay until the work is finished in the spring.";
        var wire = FeatureExtractor.SentenceHashes("ODESSA (Reuters) - " + text);
        var copy = FeatureExtractor.SentenceHashes(text);
        var restyled = FeatureExtractor.SentenceHashes("Odessa, Ukraine \u2014 " + text);
        // An abbreviation's full stop inside the dateline is no sentence end of its own.
        var dated = FeatureExtractor.SentenceHashes("ODESSA, Jan. 2 (AP) \u2014 " + text);
        Assert.Equal((2, 1.0), FeatureExtractor.SharedSentences(wire, copy));
        Assert.Equal((2, 1.0), FeatureExtractor.SharedSentences(wire, restyled));
        Assert.Equal((2, 1.0), FeatureExtractor.SharedSentences(wire, dated));
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
