namespace NewsAggregator.Tests.Faults;

/// <summary>
/// The fault tests run alone, after the parallel tests: the soak measures lateness and memory of a real service, and
/// the storage tests mount file systems; another test's load on the same two cores would be measured as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
    public const string Category = "Fault";
}
