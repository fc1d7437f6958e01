using System.Globalization;
using System.Text;

namespace NewsAggregator.Operations;

/// <summary>
/// Writes the Prometheus text exposition format (version 0.0.4): per family a <c># HELP</c> and a <c># TYPE</c>
/// line, then one <c>name{label="value"} number</c> line per series.
/// </summary>
public sealed class PrometheusText(StringBuilder output)
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public void Family(string name, string type, string help)
    {
        output.Append("# HELP ").Append(name).Append(' ');
        // HELP text escapes only backslash and newline.
        foreach (var c in help)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '\n' => output.Append(@"\n"),
                _ => output.Append(c),
            };
        }
        output.Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public void Sample(string name, double value) => Sample(name, [], value);

    public void Sample(string name, ReadOnlySpan<KeyValuePair<string, string>> labels, double value)
    {
        output.Append(name);
        if (labels.Length > 0)
        {
            output.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                    output.Append(',');
                output.Append(labels[i].Key).Append("=\"");
                AppendLabelValue(labels[i].Value);
                output.Append('"');
            }
            output.Append('}');
        }
        output.Append(' ').Append(Number(value)).Append('\n');
    }

    public static string Number(double value) =>
        double.IsPositiveInfinity(value) ? "+Inf"
        : double.IsNegativeInfinity(value) ? "-Inf"
        : double.IsNaN(value) ? "NaN"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>newsagg.fetch.duration with unit "s" → newsagg_fetch_duration_seconds; counters end in _total.</summary>
    public static string MetricName(string instrumentName, string? unit, bool counter)
    {
        var name = new StringBuilder(instrumentName.Length + 16);
        foreach (var c in instrumentName)
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || c == ':' ? c : '_');
        var suffix = unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => "",
        };
        if (suffix.Length > 0 && !name.ToString().EndsWith(suffix, StringComparison.Ordinal))
            name.Append(suffix);
        if (counter)
            name.Append("_total");
        return name.ToString();
    }

    private void AppendLabelValue(string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => output.Append(@"\\"),
                '"' => output.Append("\\\""),
                '\n' => output.Append(@"\n"),
                _ => output.Append(c),
            };
        }
    }
}
