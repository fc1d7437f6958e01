using System.Text;
using System.Xml;

namespace NewsAggregator.Core.Parsing;

/// <summary>Outcome of the hardened pass: either a clean document string or a typed failure.</summary>
internal sealed record CleanXml(string? Xml, string? RootName, string? RootNamespace, ParseFailureKind Failure, string? Error, bool IsWellFormednessError)
{
    public static CleanXml Fail(ParseFailureKind kind, string error, bool wellFormedness = false) =>
        new(null, null, null, kind, error, wellFormedness);
}

/// <summary>
/// The only place that reads untrusted XML. It streams the document once with a locked-down XmlReader and re-writes
/// it without its DOCTYPE, comments and processing instructions, so that FeedReader (which builds an XDocument with
/// default settings and recurses over it) only ever sees a small, flat, entity-free, already-decoded document.
/// </summary>
internal static class SafeXmlReader
{
    /// <summary>Characters a document may hold after entity expansion; the body cap keeps real input far below.</summary>
    private const long MaxCharactersInDocument = 64L * 1024 * 1024;

    public static CleanXml Clean(string text, int maxDepth, long maxCharactersFromEntities, Func<string, string, bool> isFeedRoot)
    {
        var settings = new XmlReaderSettings
        {
            // Parse, not Prohibit: RSS 0.91 feeds carry the Netscape DOCTYPE and small feeds declare entities inline.
            // No resolver: the external subset and external entities are never fetched or read from disk.
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = maxCharactersFromEntities,
            MaxCharactersInDocument = MaxCharactersInDocument,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var output = new StringBuilder(text.Length);
        var writerSettings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = false,
            // The reader already rejected characters that XML forbids.
            CheckCharacters = false,
            ConformanceLevel = ConformanceLevel.Document,
        };

        string? rootName = null;
        string? rootNamespace = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            using var writer = XmlWriter.Create(output, writerSettings);
            var lineInfo = reader as IXmlLineInfo;
            // An iterative copy: one node at a time, depth checked on every start tag, so that no input can make
            // this method (or anything after it) recurse.
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        var depth = reader.Depth + 1;
                        if (depth > maxDepth)
                        {
                            return CleanXml.Fail(ParseFailureKind.TooDeep,
                                $"element <{reader.Name}> is nested {depth} levels deep, more than the limit of {maxDepth}{At(lineInfo)}");
                        }

                        if (rootName is null)
                        {
                            rootName = reader.LocalName;
                            rootNamespace = reader.NamespaceURI;
                            if (!isFeedRoot(rootName, rootNamespace))
                            {
                                return CleanXml.Fail(ParseFailureKind.NotAFeed,
                                    $"the root element is <{reader.Name}>, not <rss>, <rdf:RDF> or <feed>; this is not a feed");
                            }
                        }

                        writer.WriteStartElement(reader.Prefix, reader.LocalName, reader.NamespaceURI);
                        var empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                // Value is the attribute with internal entities expanded.
                                writer.WriteAttributeString(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value);
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }

                        if (empty)
                            writer.WriteEndElement();
                        break;
                    case XmlNodeType.EndElement:
                        writer.WriteFullEndElement();
                        break;
                    case XmlNodeType.Text:
                        writer.WriteString(reader.Value);
                        break;
                    case XmlNodeType.CDATA:
                        writer.WriteCData(reader.Value);
                        break;
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (rootName is not null)
                            writer.WriteWhitespace(reader.Value);
                        break;
                    case XmlNodeType.EntityReference:
                        // Only an entity the reader could not expand reaches here: an external one, which the null
                        // resolver refused to fetch. It is dropped, never resolved.
                        break;
                    default:
                        // DocumentType, XmlDeclaration, comments and processing instructions are not copied.
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            return Classify(ex);
        }
        catch (InvalidOperationException ex)
        {
            // The writer refuses what the reader let through (it should not happen); report, never throw.
            return CleanXml.Fail(ParseFailureKind.MalformedXml, $"XML could not be re-written: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            return CleanXml.Fail(ParseFailureKind.MalformedXml, $"XML could not be re-written: {ex.Message}");
        }

        if (rootName is null)
            return CleanXml.Fail(ParseFailureKind.MalformedXml, "the document has no root element", wellFormedness: true);
        return new CleanXml(output.ToString(), rootName, rootNamespace, ParseFailureKind.None, null, false);
    }

    private static CleanXml Classify(XmlException ex)
    {
        // XmlReader reports its limits only through the message text (no error code); the text names the setting.
        if (ex.Message.Contains("MaxCharactersFromEntities", StringComparison.Ordinal))
            return CleanXml.Fail(ParseFailureKind.EntityExpansion, $"entity expansion exceeds the limit: {ex.Message}");
        if (ex.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
            return CleanXml.Fail(ParseFailureKind.TooLarge, $"document exceeds {MaxCharactersInDocument} characters: {ex.Message}");
        var at = ex.LineNumber > 0 ? $" at line {ex.LineNumber}, position {ex.LinePosition}" : "";
        return CleanXml.Fail(ParseFailureKind.MalformedXml, $"XML is not well-formed{at}: {ex.Message}", wellFormedness: true);
    }

    private static string At(IXmlLineInfo? info) =>
        info is { } i && i.HasLineInfo() ? $" (line {i.LineNumber}, position {i.LinePosition})" : "";
}
