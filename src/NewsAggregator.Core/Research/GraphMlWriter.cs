using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsAggregator.Core.Research;

/// <summary>
/// The provenance graph as one GraphML document (Gephi, yEd, NetworkX, igraph): nodes are articles and outlets,
/// edges are provenance edges (derived article → source article, or → source outlet when the source is not
/// ingested) and each article's "published-by" edge to its outlet. Every data attribute is declared by a
/// &lt;key&gt; with its type. Nodes come before the edges that use them: outlets first, then the articles of the
/// range, then the source articles outside the range that some edge points to, then the provenance edges. Rows are
/// streamed from the database; nothing but the XML writer's buffer is held.
/// </summary>
public static class GraphMlWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public const string PublishedBy = "published-by";

    public sealed record Counts(long Nodes, long Edges);

    private sealed record Key(string Id, string For, string Name, string Type);

    private static readonly Key[] Keys =
    [
        new("n_type", "node", "type", "string"),
        new("n_label", "node", "label", "string"),
        new("n_url", "node", "url", "string"),
        new("n_outlet", "node", "outlet_id", "string"),
        new("n_published", "node", "published", "string"),
        new("n_first_seen", "node", "first_seen", "string"),
        new("n_story", "node", "story_id", "long"),
        new("n_relation", "node", "relation", "string"),
        new("n_original", "node", "original_outlet_id", "string"),
        new("n_in_range", "node", "in_range", "boolean"),
        new("n_kind", "node", "outlet_kind", "string"),
        new("n_country", "node", "country", "string"),
        new("n_external", "node", "external", "boolean"),
        new("e_kind", "edge", "kind", "string"),
        new("e_confidence", "edge", "confidence", "double"),
        new("e_chosen", "edge", "chosen", "boolean"),
        new("e_gap", "edge", "gap_seconds", "double"),
        new("e_evidence", "edge", "evidence", "string"),
        new("e_algorithm", "edge", "algorithm_version", "string"),
    ];

    public static string ArticleNode(long id) => string.Create(CultureInfo.InvariantCulture, $"a{id}");

    public static string OutletNode(string id) => "o:" + id;

    public static async Task<Counts> WriteAsync(ResearchStore store, ExportRange range, Stream output, CancellationToken ct = default)
    {
        long nodes = 0, edges = 0;
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("graphml", Namespace);
            xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
            xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            foreach (var key in Keys)
            {
                xml.WriteStartElement("key", Namespace);
                xml.WriteAttributeString("id", key.Id);
                xml.WriteAttributeString("for", key.For);
                xml.WriteAttributeString("attr.name", key.Name);
                xml.WriteAttributeString("attr.type", key.Type);
                xml.WriteEndElement();
            }
            xml.WriteStartElement("graph", Namespace);
            xml.WriteAttributeString("id", "provenance");
            xml.WriteAttributeString("edgedefault", "directed");

            await foreach (var o in store.GraphOutletsAsync(ct))
            {
                xml.WriteStartElement("node", Namespace);
                xml.WriteAttributeString("id", Clean(OutletNode(o.Id)));
                Data(xml, "n_type", "outlet");
                Data(xml, "n_label", o.Name ?? o.Id);
                Data(xml, "n_outlet", o.Id);
                Data(xml, "n_kind", o.Kind);
                Data(xml, "n_country", o.Country);
                Data(xml, "n_external", o.External);
                xml.WriteEndElement();
                nodes++;
            }

            // Each article's published-by edge follows its node: both its ends are written by then.
            foreach (var articles in new[] { store.ArticlesAsync(range, ct), store.SourcesOutsideAsync(range, ct) })
            {
                await foreach (var a in articles)
                {
                    xml.WriteStartElement("node", Namespace);
                    xml.WriteAttributeString("id", ArticleNode(a.Id));
                    Data(xml, "n_type", "article");
                    Data(xml, "n_label", a.Title);
                    Data(xml, "n_url", a.CanonicalUrl);
                    Data(xml, "n_outlet", a.OutletId);
                    Data(xml, "n_published", TableWriter.Iso(Storage.Time.FromMs(a.PublishedMs)));
                    Data(xml, "n_first_seen", TableWriter.Iso(Storage.Time.FromMs(a.FirstSeenMs)));
                    Data(xml, "n_story", a.StoryId);
                    Data(xml, "n_relation", a.Relation);
                    Data(xml, "n_original", a.OriginalOutletId);
                    Data(xml, "n_in_range", a.InRange);
                    xml.WriteEndElement();
                    nodes++;

                    xml.WriteStartElement("edge", Namespace);
                    xml.WriteAttributeString("id", string.Create(CultureInfo.InvariantCulture, $"p{a.Id}"));
                    xml.WriteAttributeString("source", ArticleNode(a.Id));
                    xml.WriteAttributeString("target", Clean(OutletNode(a.OutletId)));
                    Data(xml, "e_kind", PublishedBy);
                    xml.WriteEndElement();
                    edges++;
                }
            }

            await foreach (var e in store.EdgesAsync(range, ct))
            {
                xml.WriteStartElement("edge", Namespace);
                xml.WriteAttributeString("id", string.Create(CultureInfo.InvariantCulture, $"e{e.Id}"));
                xml.WriteAttributeString("source", ArticleNode(e.ArticleId));
                // An edge to an article that is not stored (deleted, or a dangling id) still says which outlet it came from.
                xml.WriteAttributeString("target", e.SourceArticleFound is { } source ? ArticleNode(source) : Clean(OutletNode(e.SourceOutletId)));
                Data(xml, "e_kind", e.Kind);
                Data(xml, "e_confidence", e.Confidence);
                Data(xml, "e_chosen", e.Chosen);
                Data(xml, "e_gap", e.GapSeconds);
                Data(xml, "e_evidence", e.EvidenceJson);
                Data(xml, "e_algorithm", e.AlgorithmVersion);
                xml.WriteEndElement();
                edges++;
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        await output.FlushAsync(ct);
        return new Counts(nodes, edges);
    }

    /// <summary>A missing value is left out, as GraphML means it (the key's default, or none).</summary>
    private static void Data(XmlWriter xml, string key, object? value)
    {
        if (value is null)
            return;
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(Clean(TableWriter.Text(value)));
        xml.WriteEndElement();
    }

    /// <summary>Feed text may hold control characters XML 1.0 cannot carry at all, escaped or not: they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length && firstBad < 0; i++)
        {
            if (!IsXmlCharAt(text, i, out var width))
                firstBad = i;
            else
                i += width - 1;
        }
        if (firstBad < 0)
            return text;
        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (IsXmlCharAt(text, i, out var width))
            {
                clean.Append(text, i, width);
                i += width - 1;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }
        return clean.ToString();
    }

    private static bool IsXmlCharAt(string text, int i, out int width)
    {
        width = 1;
        if (XmlConvert.IsXmlChar(text[i]))
            return true;
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
        {
            width = 2;
            return true;
        }
        return false;
    }
}
