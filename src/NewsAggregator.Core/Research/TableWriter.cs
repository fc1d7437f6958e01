using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsAggregator.Core.Research;

/// <summary>
/// Writes rows of one table as CSV (RFC 4180: a header row, CRLF between records, a field quoted when it holds a
/// comma, a quote or a line break, quotes doubled) or as JSON Lines (one object per line, keys = the CSV header).
/// Rows are encoded into a buffer that goes to the stream asynchronously every 64 KiB, so the same code serves a file
/// and an HTTP response (which refuses synchronous writes) with one row in memory at a time.
/// Values: string, long, double, bool, DateTimeOffset (ISO 8601 UTC with milliseconds), <see cref="RawJson"/>, null.
/// </summary>
public sealed class TableWriter : IDisposable
{
    private const int FlushBytes = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    private readonly Stream _output;
    private readonly ExportFormat _format;
    private readonly IReadOnlyList<string> _columns;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushBytes + 4096);
    private readonly Utf8JsonWriter? _json;

    public TableWriter(Stream output, ExportFormat format, IReadOnlyList<string> columns)
    {
        if (format is not (ExportFormat.Csv or ExportFormat.Jsonl))
            throw new ArgumentOutOfRangeException(nameof(format), format, "a table is written as csv or jsonl");
        _output = output;
        _format = format;
        _columns = columns;
        if (format == ExportFormat.Jsonl)
        {
            // Not HTML: titles keep their accents and quotes readable instead of \u escapes.
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
        else
        {
            AppendCsv(columns.Cast<object?>().ToArray());
        }
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "jsonl";

    /// <summary>Data rows written so far (the CSV header is not one).</summary>
    public long Rows { get; private set; }

    public ValueTask WriteRowAsync(object?[] values, CancellationToken ct = default)
    {
        if (values.Length != _columns.Count)
            throw new ArgumentException($"{values.Length} values for {_columns.Count} columns", nameof(values));
        if (_json is not null)
            AppendJson(values);
        else
            AppendCsv(values);
        Rows++;
        return _buffer.WrittenCount >= FlushBytes ? FlushAsync(ct) : ValueTask.CompletedTask;
    }

    public void Dispose() => _json?.Dispose();

    /// <summary>Writes what is buffered and flushes the stream. Call once after the last row.</summary>
    public async ValueTask FlushAsync(CancellationToken ct = default)
    {
        if (_buffer.WrittenCount > 0)
        {
            await _output.WriteAsync(_buffer.WrittenMemory, ct);
            _buffer.ResetWrittenCount();
        }
        await _output.FlushAsync(ct);
    }

    private void AppendCsv(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (i > 0)
                _buffer.Write(","u8);
            var text = Text(values[i]);
            if (text.AsSpan().ContainsAny(NeedsQuotes))
            {
                _buffer.Write("\""u8);
                Utf8.GetBytes(text.Replace("\"", "\"\"", StringComparison.Ordinal).AsSpan(), _buffer);
                _buffer.Write("\""u8);
            }
            else
            {
                Utf8.GetBytes(text.AsSpan(), _buffer);
            }
        }
        _buffer.Write("\r\n"u8);
    }

    private void AppendJson(object?[] values)
    {
        var json = _json!;
        json.WriteStartObject();
        for (var i = 0; i < values.Length; i++)
        {
            json.WritePropertyName(_columns[i]);
            switch (values[i])
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string s:
                    json.WriteStringValue(s);
                    break;
                case long l:
                    json.WriteNumberValue(l);
                    break;
                case double d when double.IsFinite(d):
                    json.WriteNumberValue(d);
                    break;
                case bool b:
                    json.WriteBooleanValue(b);
                    break;
                case RawJson raw:
                    WriteRaw(json, raw.Text);
                    break;
                case var other:
                    json.WriteStringValue(Text(other));
                    break;
            }
        }
        json.WriteEndObject();
        json.Flush();
        // One object per line: the writer would refuse a second root value without a reset.
        json.Reset();
        _buffer.Write("\n"u8);
    }

    /// <summary>Stored JSON goes in as JSON; text that does not parse (it should not happen) goes in as a string rather than breaking the line.</summary>
    private static void WriteRaw(Utf8JsonWriter json, string text)
    {
        try
        {
            json.WriteRawValue(text);
        }
        catch (JsonException)
        {
            json.WriteStringValue(text);
        }
    }

    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateTimeOffset t => Iso(t),
        RawJson raw => raw.Text,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
