namespace NewsAggregator.Browser.Tests;

/// <summary>
/// Placeholder for the editor's whole flow in a browser: `newsagg demo` → sign in with the printed key → stories
/// page → a story → merge another story into it → split an article off → reload (both still shown) → undo each.
/// The lead writes it once the stories and story pages (a colleague's) and the consumer applying corrections land;
/// until then it is skipped, not passing empty.
/// </summary>
public sealed class EditorFlowTests
{
    [Fact(Skip = "Waiting for the stories/story pages and the clustering consumer applying corrections; the lead writes this flow then.")]
    public void Demo_SignInMergeSplitReloadUndo_StoriesFollow()
    {
        Assert.Fail("not written yet");
    }
}
