using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsAggregator.Tests.Operations;

/// <summary>
/// A strict reader of the Prometheus text format (0.0.4) as a scraper applies it: every sample line is
/// <c>name{label="value",...} number</c>, every family has its HELP and TYPE before its samples, histogram buckets
/// are cumulative and end in +Inf equal to _count. Anything else fails the test with the line.
/// </summary>
internal sealed partial class PrometheusScrape
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private PrometheusScrape(Dictionary<string, string> types, List<Sample> samples)
    {
        Types = types;
        Samples = samples;
    }

    /// <summary>Family name → counter, gauge, histogram, ...</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public static PrometheusScrape Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var lines = text.Split('\n');
        Assert.True(text.EndsWith('\n'), "the exposition must end with a newline");
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1}: \"{line}\"";
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line["# HELP ".Length..].Split(' ', 2)[0];
                Assert.True(MetricName().IsMatch(name), where);
                Assert.True(helps.Add(name), $"HELP repeated, {where}");
                continue;
            }
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.True(parts.Length == 4, where);
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram", "summary", "untyped" });
                Assert.True(helps.Contains(parts[2]), $"TYPE before HELP, {where}");
                Assert.True(types.TryAdd(parts[2], parts[3]), $"TYPE repeated, {where}");
                continue;
            }
            Assert.False(line.StartsWith('#'), $"unknown comment, {where}");
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample, {where}");
            var sampleName = match.Groups["name"].Value;
            var family = FamilyOf(sampleName, types);
            Assert.True(family is not null, $"sample of a family without HELP and TYPE, {where}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Capture capture in match.Groups["label"].Captures)
            {
                var pair = LabelPair().Match(capture.Value);
                Assert.True(labels.TryAdd(pair.Groups[1].Value, Unescape(pair.Groups[2].Value)), $"label repeated, {where}");
            }
            samples.Add(new Sample(sampleName, labels, ParseNumber(match.Groups["value"].Value, where)));
        }
        var scrape = new PrometheusScrape(types, samples);
        scrape.CheckHistograms();
        return scrape;
    }

    public IEnumerable<Sample> Of(string name) => Samples.Where(s => s.Name == name);

    /// <summary>The one sample of a family without labels (counters and gauges without tags).</summary>
    public double Value(string name) => Assert.Single(Of(name), s => s.Labels.Count == 0).Value;

    public double Sum(string name) => Of(name).Sum(s => s.Value);

    private void CheckHistograms()
    {
        foreach (var (family, _) in Types.Where(t => t.Value == "histogram"))
        {
            var buckets = Of(family + "_bucket").ToList();
            Assert.NotEmpty(buckets);
            var previous = -1.0;
            foreach (var bucket in buckets)
            {
                Assert.True(bucket.Value >= previous, $"{family} buckets must be cumulative");
                previous = bucket.Value;
            }
            Assert.Equal("+Inf", buckets[^1].Labels["le"]);
            Assert.Equal(buckets[^1].Value, Value(family + "_count"));
            Assert.Single(Of(family + "_sum"));
        }
    }

    private static string? FamilyOf(string sample, Dictionary<string, string> types)
    {
        if (types.ContainsKey(sample))
            return sample;
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && types.TryGetValue(sample[..^suffix.Length], out var type) && type is "histogram" or "summary")
                return sample[..^suffix.Length];
        }
        return null;
    }

    private static double ParseNumber(string value, string where) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new Xunit.Sdk.XunitException($"bad number, {where}"),
    };

    private static string Unescape(string value) => value.Replace(@"\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace(@"\\", @"\", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<label>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")(,(?<label>[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"))*\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""^([a-zA-Z_][a-zA-Z0-9_]*)="(.*)"$""")]
    private static partial Regex LabelPair();
}
