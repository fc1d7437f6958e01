using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsAggregator.Core.Parsing;

/// <summary>
/// The one repair we allow on a document that is not well-formed: the mistakes publishers make most often and that
/// have exactly one sensible reading. HTML named entities (&amp;nbsp; &amp;eacute;) become numeric character
/// references, an ampersand that starts no reference becomes &amp;amp;, and characters XML forbids (control
/// characters pasted from word processors) are dropped, and a final end tag missing its '&gt;' is closed. Anything
/// else stays an error.
/// </summary>
internal static partial class EntityRepair
{
    /// <summary>Longest entity name we look for; the longest HTML 4 name has 8 characters.</summary>
    private const int MaxNameLength = 32;

    public static string Repair(string xml)
    {
        var declared = DeclaredEntities(xml);
        var output = new StringBuilder(xml.Length + 64);
        var i = 0;
        while (i < xml.Length)
        {
            var c = xml[i];
            if (c == '&')
            {
                i = RepairReference(xml, i, declared, output);
                continue;
            }

            if (IsForbiddenInXml(xml, i, out var width))
            {
                i += width;
                continue;
            }

            output.Append(c);
            i++;
        }

        CloseFinalEndTag(output);
        return output.ToString();
    }

    /// <summary>
    /// A document that ends in "&lt;/rss" lacks one character with one possible reading; a document cut anywhere
    /// else stays an error, because a truncated feed has lost items.
    /// </summary>
    private static void CloseFinalEndTag(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1]))
            end--;
        var start = end;
        while (start > 0 && (char.IsAsciiLetterOrDigit(output[start - 1]) || output[start - 1] is ':' or '_' or '-' or '.'))
            start--;
        if (start < end && start >= 2 && output[start - 1] == '/' && output[start - 2] == '<')
        {
            output.Length = end;
            output.Append('>');
        }
    }

    /// <summary>Copies the reference at xml[start] (an '&amp;') in repaired form; returns the index after it.</summary>
    private static int RepairReference(string xml, int start, HashSet<string> declared, StringBuilder output)
    {
        var end = start + 1;
        if (end < xml.Length && xml[end] == '#')
        {
            end++;
            var hex = end < xml.Length && xml[end] is 'x' or 'X';
            if (hex)
                end++;
            var digitsStart = end;
            while (end < xml.Length && end - digitsStart < 10 && (hex ? char.IsAsciiHexDigit(xml[end]) : char.IsAsciiDigit(xml[end])))
                end++;
            if (end > digitsStart && end < xml.Length && xml[end] == ';')
            {
                // A numeric reference; copied with 'X' lowered (SGML allows &#X41;, XML does not). An invalid code
                // point stays an error.
                output.Append(hex ? "&#x" : "&#").Append(xml, digitsStart, end - digitsStart).Append(';');
                return end + 1;
            }

            output.Append("&amp;");
            return start + 1;
        }

        while (end < xml.Length && end - start <= MaxNameLength && (char.IsAsciiLetterOrDigit(xml[end]) || xml[end] is '_' or '-' or '.' or ':'))
            end++;
        var name = xml.Substring(start + 1, end - start - 1);
        if (name.Length == 0 || end >= xml.Length || xml[end] != ';' || !char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            output.Append("&amp;");
            return start + 1;
        }

        if (name is "amp" or "lt" or "gt" or "quot" or "apos" || declared.Contains(name))
        {
            output.Append(xml, start, end - start + 1);
            return end + 1;
        }

        var decoded = WebUtility.HtmlDecode("&" + name + ";");
        if (decoded.Length > 0 && decoded[0] != '&')
        {
            for (var k = 0; k < decoded.Length; k += char.IsSurrogatePair(decoded, k) ? 2 : 1)
                output.Append("&#").Append(char.ConvertToUtf32(decoded, k).ToString(CultureInfo.InvariantCulture)).Append(';');
            return end + 1;
        }

        // An unknown name (&doesnotexist;) is text that happens to contain an ampersand.
        output.Append("&amp;");
        return start + 1;
    }

    private static bool IsForbiddenInXml(string xml, int i, out int width)
    {
        var c = xml[i];
        width = 1;
        if (char.IsHighSurrogate(c) && i + 1 < xml.Length && char.IsLowSurrogate(xml[i + 1]))
        {
            width = 2;
            return false;
        }

        return c switch
        {
            '\t' or '\n' or '\r' => false,
            < ' ' => true,
            '\uFFFE' or '\uFFFF' => true,
            _ => char.IsSurrogate(c),
        };
    }

    private static HashSet<string> DeclaredEntities(string xml)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var doctype = xml.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        if (doctype < 0)
            return names;
        foreach (Match match in EntityDeclaration().Matches(xml, doctype))
            names.Add(match.Groups[1].Value);
        return names;
    }

    [GeneratedRegex(@"<!ENTITY\s+([A-Za-z_][\w.\-:]*)\s", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EntityDeclaration();
}
