using System.Globalization;
using System.Text.Json;
using NewsAggregator.Core.Clustering;
using NewsAggregator.Core.Storage;

namespace NewsAggregator.Core.Editorial;

/// <summary>The figures behind one member's place in its story, read from its stored decision.</summary>
public sealed record GroupingFacts(
    long ArticleId, string Action, string Relation, long? NearestArticleId, double StoryScore,
    double? Resemblance, double? SharedSentences, double? TextScore,
    double JoinThreshold, double DuplicateResemblance, double RewriteSharedSentences, string AlgorithmVersion)
{
    /// <summary>The facts of a stored decision; thresholds from the settings it was taken with.</summary>
    public static GroupingFacts From(MemberDecision d)
    {
        var candidates = Json.Deserialize<List<CandidatePair>>(d.CandidatesJson) ?? [];
        var nearest = candidates.FirstOrDefault(c => c.ArticleId == d.NearestArticleId);
        using var settings = JsonDocument.Parse(d.SettingsJson);
        double Setting(string name, double fallback) =>
            settings.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) ? x : fallback;
        return new GroupingFacts(d.ArticleId, d.Action, d.Relation, d.NearestArticleId, d.Score,
            nearest?.Scores.Resemblance, nearest?.Scores.SharedSentences, nearest?.Scores.Text,
            Setting("JoinThreshold", double.NaN), Setting("DuplicateResemblance", double.NaN), Setting("RewriteSharedSentences", double.NaN),
            d.AlgorithmVersion);
    }
}

/// <summary>
/// Why a member is in its story, in plain words a newcomer reads without documentation ("joined as a copy: its
/// text repeats 83% of Reuters' article …"), with the thresholds that decided it.
/// </summary>
public static class GroupingReason
{
    /// <param name="facts">The member's decision, or null when none is stored (articles clustered before decisions were kept).</param>
    /// <param name="relation">The member's relation now (original, duplicate, rewrite, related).</param>
    /// <param name="nearest">How to name the nearest article ("Reuters' “Quake hits …”"), or null when there is none.</param>
    public static string Describe(GroupingFacts? facts, string relation, string? nearest)
    {
        var to = nearest ?? "an earlier member";
        if (relation == "original" || facts is null || facts.Action == "new-story")
        {
            return facts is null || facts.Action != "new-story"
                ? "The first report of this story."
                : $"Started this story: no earlier story scored the join threshold {F(facts.JoinThreshold)} against it.";
        }
        var why = relation switch
        {
            "duplicate" => facts.Resemblance is { } r
                ? $"Joined as a copy: its text repeats {Pct(r)} of {to} (a copy from {Pct(facts.DuplicateResemblance)} shared wording)."
                : $"Joined as a copy of {to}.",
            "rewrite" => facts.SharedSentences is { } s && s >= facts.RewriteSharedSentences
                ? $"Joined as a rewrite: it reuses {Pct(s)} of the long sentences of {to} (a rewrite from {Pct(facts.RewriteSharedSentences)})."
                : $"Joined as a rewrite of {to}: it credits that outlet.",
            _ => facts.TextScore is { } t
                ? $"Joined as an independent report: its title and lead match {to} at {Pct(t)}, with no passage reused."
                : $"Joined as an independent report about the same event as {to}.",
        };
        var score = string.Create(CultureInfo.InvariantCulture, $" The story scored {F(facts.StoryScore)} against it; the join threshold is {F(facts.JoinThreshold)}.");
        var merged = facts.Action == "joined-and-merged" ? " It also bridged other stories, which were merged into this one." : "";
        var updated = facts.Action == "updated" ? " (A later version; it stayed in its story.)" : "";
        return why + score + merged + updated;
    }

    public static string Pct(double share) => double.IsNaN(share) ? "?" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(share * 100):0}%");

    private static string F(double value) => double.IsNaN(value) ? "?" : value.ToString("0.00", CultureInfo.InvariantCulture);
}
