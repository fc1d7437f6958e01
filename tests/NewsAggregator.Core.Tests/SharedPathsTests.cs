namespace NewsAggregator.Core.Tests;

public sealed class SharedPathsTests
{
    [Fact]
    public void Shared_IsBesideTheRepository_FixturesExist()
    {
        Assert.True(Directory.Exists(SharedPaths.Fixtures), $"expected ../shared beside the clone at {SharedPaths.Shared}");
    }
}
