using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsAggregator.Core.Evaluation.Synthetic;

/// <summary>
/// A deterministic synthetic syndication corpus in the eval line format (../shared/eval/README.md): stories of wire
/// and newsroom reports with verbatim copies, light edits, credited rewrites, independent reports and updates, each
/// labelled with its story, source, relation and original outlet. It serves scale, clustering and provenance tests.
/// </summary>
/// <remarks>
/// Generation runs in three steps. The plan (sizes, relations, outlets, times, file order) is built first and is
/// small. Stories are then written in blocks of consecutive stories on the thread pool, a few blocks ahead of the
/// reader; every story draws from its own generator (seed, story index), so the output does not depend on threads.
/// The reader walks the file order and keeps a block until its last article is out; since a story's articles lie
/// within about two days of its root, only the blocks of that window are in memory.
/// </remarks>
public static class SyntheticCorpus
{
    private const int BlockStories = 512;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Only what JSON requires is escaped: accented names stay readable UTF-8, quotes become \".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id"), OutletName = JsonEncodedText.Encode("outlet"),
        UrlName = JsonEncodedText.Encode("url"), TitleName = JsonEncodedText.Encode("title"), BodyName = JsonEncodedText.Encode("body"),
        PublishedName = JsonEncodedText.Encode("published"), StoryName = JsonEncodedText.Encode("story"),
        DerivedFromName = JsonEncodedText.Encode("derived_from"), OriginalOutletName = JsonEncodedText.Encode("original_outlet"),
        RelationName = JsonEncodedText.Encode("relation");

    /// <summary>The corpus in file order (by published time, ties by id), streamed.</summary>
    public static IEnumerable<EvalArticle> Generate(SyntheticOptions options)
    {
        foreach (var article in GenerateDetailed(options))
            yield return article.Article;
    }

    /// <summary>The corpus in file order with how each article was made.</summary>
    public static IEnumerable<SyntheticArticle> GenerateDetailed(SyntheticOptions options)
    {
        options.Validate();
        var plan = SyntheticPlan.Build(options);
        var pipeline = new Pipeline(plan, options.Seed, serialize: false, CancellationToken.None);
        for (var position = 0; position < plan.Articles; position++)
        {
            var (block, index) = pipeline.Locate(position, out var task);
            var built = task.GetAwaiter().GetResult();
            var article = built.Articles![index];
            pipeline.Release(block, built);
            yield return article;
        }
    }

    /// <summary>Writes the corpus as JSON Lines (UTF-8, "\n" after every line) to the stream, which is left open.</summary>
    public static async Task<SyntheticSummary> WriteAsync(SyntheticOptions options, Stream stream, CancellationToken ct = default)
    {
        options.Validate();
        var plan = SyntheticPlan.Build(options);
        var pipeline = new Pipeline(plan, options.Seed, serialize: true, ct);
        var buffer = new byte[1 << 20];
        var filled = 0;
        long bytes = 0;
        for (var position = 0; position < plan.Articles; position++)
        {
            var (block, index) = pipeline.Locate(position, out var task);
            var built = await task;
            var line = built.Line(index);
            if (filled + line.Length > buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, filled), ct);
                bytes += filled;
                filled = 0;
                if (line.Length > buffer.Length)
                    buffer = new byte[line.Length];
            }
            line.Span.CopyTo(buffer.AsSpan(filled));
            filled += line.Length;
            pipeline.Release(block, built);
        }
        await stream.WriteAsync(buffer.AsMemory(0, filled), ct);
        await stream.FlushAsync(ct);
        return new SyntheticSummary(plan.Articles, plan.Stories, bytes + filled);
    }

    private static void WriteLine(Utf8JsonWriter json, EvalArticle article)
    {
        json.WriteStartObject();
        json.WriteString(IdName, article.Id);
        json.WriteString(OutletName, article.Outlet);
        json.WriteString(UrlName, article.Url);
        json.WriteString(TitleName, article.Title);
        json.WriteString(BodyName, article.Body);
        Span<byte> published = stackalloc byte[20];
        FormatUtc(article.Published, published);
        json.WriteString(PublishedName, published);
        json.WriteString(StoryName, article.Story);
        if (article.DerivedFrom is null)
            json.WriteNull(DerivedFromName);
        else
            json.WriteString(DerivedFromName, article.DerivedFrom);
        json.WriteString(OriginalOutletName, article.OriginalOutlet);
        if (article.Relation is not null)
            json.WriteString(RelationName, article.Relation);
        json.WriteEndObject();
    }

    /// <summary>"2026-01-02T07:05:09Z" without a culture or a format string parse per line.</summary>
    private static void FormatUtc(DateTimeOffset time, Span<byte> target)
    {
        var t = time.UtcDateTime;
        Digits(target[..4], t.Year);
        target[4] = (byte)'-';
        Digits(target.Slice(5, 2), t.Month);
        target[7] = (byte)'-';
        Digits(target.Slice(8, 2), t.Day);
        target[10] = (byte)'T';
        Digits(target.Slice(11, 2), t.Hour);
        target[13] = (byte)':';
        Digits(target.Slice(14, 2), t.Minute);
        target[16] = (byte)':';
        Digits(target.Slice(17, 2), t.Second);
        target[19] = (byte)'Z';
    }

    private static void Digits(Span<byte> target, int value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Consecutive stories written together; their articles by flat index, as objects or as JSON lines.</summary>
    private sealed class Block
    {
        public SyntheticArticle[]? Articles { get; init; }
        public ReadOnlyMemory<byte> Json { get; init; }
        public int[]? Offsets { get; init; }

        /// <summary>Articles not yet handed out; only the reader thread touches it.</summary>
        public int Remaining { get; set; }

        public ReadOnlyMemory<byte> Line(int index) => Json.Slice(Offsets![index], Offsets[index + 1] - Offsets[index]);
    }

    /// <summary>Schedules blocks a little ahead of the reader and forgets each once it has been read out.</summary>
    private sealed class Pipeline
    {
        private readonly SyntheticPlan _plan;
        private readonly long _seed;
        private readonly bool _serialize;
        private readonly CancellationToken _ct;
        private readonly Task<Block>?[] _blocks;
        private readonly int _lookahead = Math.Max(2, Environment.ProcessorCount * 2);
        private int _scheduled;

        public Pipeline(SyntheticPlan plan, long seed, bool serialize, CancellationToken ct)
        {
            _plan = plan;
            _seed = seed;
            _serialize = serialize;
            _ct = ct;
            _blocks = new Task<Block>?[(plan.Stories + BlockStories - 1) / BlockStories];
        }

        /// <summary>The block holding the article at this file position, and the article's index in it.</summary>
        public (int Block, int Index) Locate(int position, out Task<Block> task)
        {
            var flat = _plan.Order[position];
            var block = _plan.StoryOf(flat) / BlockStories;
            while (_scheduled < _blocks.Length && _scheduled <= block + _lookahead)
            {
                var b = _scheduled++;
                _blocks[b] = Task.Run(() => Build(b), _ct);
            }
            task = _blocks[block] ?? throw new InvalidOperationException($"block {block} was released before its last article");
            return (block, flat - _plan.StoryStart[block * BlockStories]);
        }

        public void Release(int block, Block built)
        {
            if (--built.Remaining == 0)
                _blocks[block] = null;
        }

        private Block Build(int b)
        {
            var firstStory = b * BlockStories;
            var endStory = Math.Min(_plan.Stories, firstStory + BlockStories);
            var firstFlat = _plan.StoryStart[firstStory];
            var count = _plan.StoryStart[endStory] - firstFlat;
            var writer = new SyntheticStoryWriter(_plan, _seed);
            var articles = _serialize ? null : new SyntheticArticle[count];
            var offsets = _serialize ? new int[count + 1] : null;
            var output = _serialize ? new ArrayBufferWriter<byte>(count * 1800) : null;
            using var json = _serialize ? new Utf8JsonWriter(output!, JsonOptions) : null;
            var index = 0;
            for (var s = firstStory; s < endStory; s++)
            {
                _ct.ThrowIfCancellationRequested();
                foreach (var article in writer.Write(s))
                {
                    if (articles is not null)
                    {
                        articles[index] = article;
                    }
                    else
                    {
                        offsets![index] = output!.WrittenCount;
                        WriteLine(json!, article.Article);
                        json!.Flush();
                        output.Write("\n"u8);
                        json.Reset();
                    }
                    index++;
                }
            }
            if (offsets is not null)
                offsets[count] = output!.WrittenCount;
            return new Block
            {
                Articles = articles,
                Json = output?.WrittenMemory ?? ReadOnlyMemory<byte>.Empty,
                Offsets = offsets,
                Remaining = count,
            };
        }
    }
}
