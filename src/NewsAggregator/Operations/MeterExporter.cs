using System.Diagnostics.Metrics;
using NewsAggregator.Core.Telemetry;

namespace NewsAggregator.Operations;

/// <summary>
/// Listens to this host's "NewsAggregator" meter and keeps running totals for /metrics: counters as sums per tag
/// set, histograms as cumulative buckets (the boundaries each instrument advises). Our own listener rather than a
/// package: prometheus-net's meter adapter (8.2) exports .NET counters as Prometheus gauges under the meter's name
/// ("newsaggregator_newsagg_polls") and allocates per measurement, and OpenTelemetry's Prometheus exporter is still
/// a prerelease (1.x-beta) that brings the whole SDK for one endpoint. The text format is small and stable.
/// Recording costs a lookup among a handful of series and an interlocked add (a short lock for a histogram).
/// </summary>
public sealed class MeterExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Family> _families = [];

    /// <param name="meters">Only meters this factory made are exported: each host in a process keeps its own figures.</param>
    public MeterExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter.Scope, meters) || instrument.Meter.Name != NewsAggregatorMetrics.MeterName)
                return;
            Family? family = instrument switch
            {
                Counter<long> => new CounterFamily(instrument),
                Histogram<double> histogram => new HistogramFamily(instrument, histogram.Advice?.HistogramBucketBoundaries),
                _ => null,
            };
            if (family is null)
                return;
            lock (_families)
                _families.Add(family);
            listener.EnableMeasurementEvents(instrument, family);
        };
        _listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((CounterFamily)state!).Add(value, tags));
        _listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((HistogramFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Every family seen so far, in the order the instruments were created.</summary>
    public void Write(PrometheusText text)
    {
        Family[] families;
        lock (_families)
            families = [.. _families];
        foreach (var family in families)
            family.Write(text);
    }

    public void Dispose() => _listener.Dispose();

    private abstract class Family(Instrument instrument)
    {
        private readonly Lock _adding = new();
        private Series[] _series = [];

        protected Instrument Instrument { get; } = instrument;

        public abstract void Write(PrometheusText text);

        protected Series[] AllSeries => Volatile.Read(ref _series);

        /// <summary>The series of these tags; created once, then found without allocating.</summary>
        protected Series Find(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var series in Volatile.Read(ref _series))
            {
                if (series.Matches(tags))
                    return series;
            }
            lock (_adding)
            {
                foreach (var series in _series)
                {
                    if (series.Matches(tags))
                        return series;
                }
                var added = NewSeries(tags);
                Volatile.Write(ref _series, [.. _series, added]);
                return added;
            }
        }

        protected abstract Series NewSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags);

        protected static KeyValuePair<string, string>[] Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = new KeyValuePair<string, string>[tags.Length];
            for (var i = 0; i < tags.Length; i++)
                labels[i] = new(PrometheusText.MetricName(tags[i].Key, null, counter: false), Convert.ToString(tags[i].Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
            Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return labels;
        }
    }

    private abstract class Series(KeyValuePair<string, object?>[] tags, KeyValuePair<string, string>[] labels)
    {
        public KeyValuePair<string, string>[] Labels { get; } = labels;

        public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> other)
        {
            if (other.Length != tags.Length)
                return false;
            foreach (var tag in other)
            {
                var found = false;
                foreach (var mine in tags)
                {
                    if (mine.Key == tag.Key && Equals(mine.Value, tag.Value))
                    {
                        found = true;
                        break;
                    }
                }
                if (!found)
                    return false;
            }
            return true;
        }
    }

    private sealed class CounterFamily : Family
    {
        public CounterFamily(Instrument instrument)
            : base(instrument)
        {
        }

        public void Add(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => ((CounterSeries)Find(tags)).Add(value);

        public override void Write(PrometheusText text)
        {
            var name = PrometheusText.MetricName(Instrument.Name, Instrument.Unit, counter: true);
            text.Family(name, "counter", Instrument.Description ?? "");
            foreach (var series in AllSeries)
                text.Sample(name, series.Labels, ((CounterSeries)series).Value);
        }

        protected override Series NewSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new CounterSeries(tags.ToArray(), Labels(tags));
    }

    private sealed class CounterSeries(KeyValuePair<string, object?>[] tags, KeyValuePair<string, string>[] labels) : Series(tags, labels)
    {
        private long _value;

        public long Value => Interlocked.Read(ref _value);

        public void Add(long value) => Interlocked.Add(ref _value, value);
    }

    private sealed class HistogramFamily : Family
    {
        // OpenTelemetry's default boundaries, for an instrument that advises none.
        private static readonly double[] DefaultBounds = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

        private readonly double[] _bounds;

        public HistogramFamily(Instrument instrument, IReadOnlyList<double>? bounds)
            : base(instrument)
        {
            _bounds = bounds is { Count: > 0 } ? [.. bounds] : DefaultBounds;
            // Ours are recorded without tags: shown empty (count 0) before the first measurement rather than absent.
            Find([]);
        }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) => ((HistogramSeries)Find(tags)).Record(value);

        public override void Write(PrometheusText text)
        {
            var name = PrometheusText.MetricName(Instrument.Name, Instrument.Unit, counter: false);
            text.Family(name, "histogram", Instrument.Description ?? "");
            foreach (var series in AllSeries.Cast<HistogramSeries>())
            {
                var (buckets, count, sum) = series.Snapshot();
                var labels = new KeyValuePair<string, string>[series.Labels.Length + 1];
                series.Labels.CopyTo(labels, 0);
                long cumulative = 0;
                for (var i = 0; i <= _bounds.Length; i++)
                {
                    cumulative += buckets[i];
                    labels[^1] = new("le", PrometheusText.Number(i < _bounds.Length ? _bounds[i] : double.PositiveInfinity));
                    text.Sample(name + "_bucket", labels, cumulative);
                }
                text.Sample(name + "_sum", series.Labels, sum);
                text.Sample(name + "_count", series.Labels, count);
            }
        }

        protected override Series NewSeries(ReadOnlySpan<KeyValuePair<string, object?>> tags) => new HistogramSeries(tags.ToArray(), Labels(tags), _bounds);
    }

    private sealed class HistogramSeries(KeyValuePair<string, object?>[] tags, KeyValuePair<string, string>[] labels, double[] bounds) : Series(tags, labels)
    {
        // One slot per boundary (value <= bound, Prometheus' "le") plus one for everything above the last.
        private readonly long[] _buckets = new long[bounds.Length + 1];
        private long _count;
        private double _sum;

        public void Record(double value)
        {
            var bucket = Array.BinarySearch(bounds, value);
            if (bucket < 0)
                bucket = ~bucket;
            lock (_buckets)
            {
                _buckets[bucket]++;
                _count++;
                _sum += value;
            }
        }

        public (long[] Buckets, long Count, double Sum) Snapshot()
        {
            lock (_buckets)
                return ([.. _buckets], _count, _sum);
        }
    }
}
