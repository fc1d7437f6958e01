using System.Text.Json;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Clustering;

/// <summary>One stored decision, read back: the candidates with every metric's score, the stories scored, the settings.</summary>
public sealed record DecisionExplanation(
    long Version, long Seq, string Action, long StoryId, string Relation, long? NearestArticleId, double Score,
    IReadOnlyList<CandidatePair> Candidates, IReadOnlyList<StoryScore> Stories, IReadOnlyList<long> MergedStories,
    string AlgorithmVersion, JsonElement Settings, DateTimeOffset Decided);

/// <summary>Why an article is where it is: what `newsagg why` prints and /api/articles/{id}/clustering returns.</summary>
public sealed record ClusterExplanation(long ArticleId, long StoryId, string Relation, long? NearestArticleId, double Score, IReadOnlyList<DecisionExplanation> Decisions)
{
    public static async Task<ClusterExplanation?> LoadAsync(ClusterStore store, long articleId, CancellationToken ct = default)
    {
        var member = await store.MemberAsync(articleId, ct);
        if (member is null)
            return null;
        var decisions = (await store.DecisionsAsync(articleId, ct)).Select(d => new DecisionExplanation(
            d.Version, d.Seq, d.Action, d.StoryId, d.Relation, d.NearestArticleId, d.Score,
            Json.Deserialize<List<CandidatePair>>(d.CandidatesJson) ?? [], Json.Deserialize<List<StoryScore>>(d.StoriesJson) ?? [],
            Json.Deserialize<List<long>>(d.MergedJson) ?? [], d.AlgorithmVersion, JsonDocument.Parse(d.SettingsJson).RootElement.Clone(),
            Time.FromMs(d.DecidedMs))).ToList();
        return new ClusterExplanation(articleId, member.StoryId, member.Relation, member.NearestArticleId, member.Score, decisions);
    }
}
