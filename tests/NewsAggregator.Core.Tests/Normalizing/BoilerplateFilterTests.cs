using NewsAggregator.Core.Normalizing;

namespace NewsAggregator.Core.Tests.Normalizing;

public sealed class BoilerplateFilterTests
{
    private readonly BoilerplateFilter _filter = new();

    /// <summary>The seed's first line is the page title; the body is the rest.</summary>
    internal static (string Title, string Body) Seed()
    {
        var text = File.ReadAllText(Path.Combine(SharedPaths.Shared, "seeds", "memo-rewrite-of-guardian-report.txt")).ReplaceLineEndings("\n");
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        return (text[..firstBreak].Trim(), text[(firstBreak + 1)..]);
    }

    private static List<string> Paragraphs(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [Fact]
    public void Filter_Seed_DropsCommentsClosedAndInsertedHeadlines()
    {
        var (_, body) = Seed();
        var kept = Paragraphs(_filter.Filter(body));

        Assert.DoesNotContain(kept, p => p.StartsWith("Comments are closed", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, p => p.Contains("Supreme Leader Criticizes", StringComparison.Ordinal));
        Assert.DoesNotContain(kept, p => p.Contains("is hypocritical, not", StringComparison.Ordinal));
    }

    [Fact]
    public void Filter_Seed_KeepsEveryStoryParagraph()
    {
        var (_, body) = Seed();
        var original = Paragraphs(body);
        var kept = Paragraphs(_filter.Filter(body));

        // Three lines are noise; every other paragraph of the seed is story text and survives unchanged, in order.
        Assert.Equal(original.Count - 3, kept.Count);
        Assert.Equal(original.Where(p => kept.Contains(p)), kept);
        Assert.StartsWith("Weapons from Iraq are being smuggled", kept[0], StringComparison.Ordinal);
        Assert.StartsWith("As Mohaned Hage Ali", kept[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Comments are closed.")]
    [InlineData("Read more")]
    [InlineData("Read more: Markets fall on rate fears")]
    [InlineData("Click here to subscribe")]
    [InlineData("The post Markets fall again appeared first on Example Daily.")]
    [InlineData("Continue reading...")]
    [InlineData("Sign up for our newsletter")]
    [InlineData("Follow us on Twitter and Facebook")]
    [InlineData("Share this:")]
    [InlineData("Related:")]
    [InlineData("Related: Five things to know")]
    [InlineData("Advertisement")]
    [InlineData("ADVERTISEMENT")]
    [InlineData("© 2024 Example Media Ltd. All rights reserved.")]
    [InlineData("Copyright 2024 The Example Times")]
    [InlineData("Copyright © Example Media")]
    [InlineData("This article originally appeared on The Conversation.")]
    [InlineData("(Reporting by Jane Doe; Editing by John Roe)")]
    [InlineData(". .")]
    [InlineData("Follow The Harbour Times for the latest updates.")]
    [InlineData("Follow Example Daily on Telegram")]
    [InlineData("Download our app to stay informed with Example Daily.")]
    [InlineData("Get breaking news alerts from Example Daily on your phone.")]
    [InlineData("Listen to our daily podcast from Example Daily for more.")]
    [InlineData("More coverage is available at example.com.")]
    [InlineData("This article is published by Example Daily and may not be reproduced without permission.")]
    public void IsBoilerplate_KnownFurniture_True(string line)
    {
        Assert.True(_filter.IsBoilerplate(line));
    }

    [Theory]
    [InlineData("Read the minister's statement carefully, the judge told the court, before ruling on the appeal.")]
    [InlineData("Comments from the minister were closed to the press.")]
    [InlineData("He said it was over.")]
    [InlineData("Copying the design was illegal, the court found.")]
    [InlineData("Copyright lawsuits against AI firms are rising, lawyers say.")]
    [InlineData("Register for the draft opened on Monday, officials said.")]
    [InlineData("The advertisement ran for three weeks before regulators stepped in.")]
    [InlineData("Follow the money, the prosecutor told the jury on Tuesday.")]
    [InlineData("Get the app removed from stores, the regulator told the company.")]
    [InlineData("Listen to our customers, the chief executive told shareholders at the meeting.")]
    [InlineData("More coverage of the trial is expected once the jury returns.")]
    public void IsBoilerplate_StoryText_False(string line)
    {
        Assert.False(_filter.IsBoilerplate(line));
    }

    [Fact]
    public void Filter_ShortParagraphWithPeriod_Survives()
    {
        const string text = "The minister resigned on Tuesday after weeks of pressure from his own party.\n\n"
            + "Nobody Saw It Coming.\n\n"
            + "Officials declined to comment on the timing of the announcement late on Tuesday.";
        Assert.Equal(3, Paragraphs(_filter.Filter(text)).Count);
    }

    [Fact]
    public void Filter_ListOfTitleCaseItems_Survives()
    {
        const string text = "The report names three priorities for the new government this year.\n\n"
            + "Lower Energy Prices Now\n\nFaster Rail Links North\n\nMore Social Housing Soon\n\n"
            + "Critics said the plan lacked detail and would cost more than announced.";
        Assert.Equal(5, Paragraphs(_filter.Filter(text)).Count);
    }

    [Fact]
    public void Filter_LeadingTitleCaseLine_IsNotJudgedAsInsertedHeadline()
    {
        const string text = "Breaking Story From The Capital\n\nThe minister resigned on Tuesday after weeks of pressure from his party.";
        Assert.Equal(2, Paragraphs(_filter.Filter(text)).Count);
    }

    [Fact]
    public void Filter_SentenceCaseSubheading_Survives()
    {
        const string text = "The minister resigned on Tuesday after weeks of pressure from his own party.\n\n"
            + "What happens next for the party\n\n"
            + "Officials declined to comment on the timing of the announcement late on Tuesday.";
        Assert.Equal(3, Paragraphs(_filter.Filter(text)).Count);
    }
}
