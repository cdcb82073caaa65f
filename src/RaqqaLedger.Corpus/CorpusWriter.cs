using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>What a written corpus holds.</summary>
public sealed record CorpusSummary(int Articles, int Copies, int Undated, int Claims);

/// <summary>
/// Writes a generated corpus: <c>DIR/articles/NNNNNN.txt</c> (UTF-8, no byte-order mark) and
/// <c>DIR/gold.json</c> in the gold file's shape, both streamed article by article, so memory stays
/// flat however many articles are written.
/// </summary>
public static class CorpusWriter
{
    public const string ArticlesFolder = "articles", GoldFileName = "gold.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Readable quotes and dashes in the gold file; it is data for tools, never embedded in HTML.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Topic, string Description)[] Topics =
    [
        ("fighters.departed.count", "number of IS fighters who left Raqqa under the deal (with or without families)"),
        ("fighters.surrendered.count", "number of IS fighters who surrendered (or were to surrender) to the SDF"),
        ("fighters.remaining.count", "number of IS fighters still inside Raqqa"),
        ("foreign_fighters.departed", "whether foreign (non-Syrian) IS fighters actually left Raqqa"),
        ("deal.allows_foreign_fighters", "whether the terms of the evacuation deal let foreign IS fighters leave"),
        ("deal.brokered_by", "who brokered the evacuation deal: \"local_officials\" or \"us_coalition\""),
        ("hostages.count", "number of hostages held by IS inside Raqqa"),
        ("civilians.used_as_shields", "whether IS fighters took or held civilians as human shields"),
        ("civilians.trapped.count", "number of civilians trapped in Raqqa"),
        ("civilians.evacuated.count", "number of civilians who left Raqqa under the evacuation agreement"),
        ("civilians.displaced.count", "number of people who fled Raqqa over the whole campaign"),
        ("civilians.killed.count", "number of civilians killed in Raqqa since the battle began"),
        ("city.sdf_control.percent", "share of Raqqa held by the SDF, in percent"),
        ("mayadeen.captured", "whether Syrian government forces captured Mayadeen"),
    ];

    /// <summary>Generates <paramref name="articles"/> articles from <paramref name="seed"/> and writes them into <paramref name="directory"/>.</summary>
    /// <param name="progress">Called with the number of articles written so far, after each one.</param>
    public static CorpusSummary Write(string directory, int articles, int seed, Action<int>? progress = null) =>
        Write(directory, CorpusGenerator.Generate(articles, seed), articles, seed, progress);

    public static CorpusSummary Write(string directory, IEnumerable<GeneratedArticle> corpus, int articles, int seed, Action<int>? progress = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, ArticlesFolder)).FullName;
        using var gold = new FileStream(Path.Combine(directory, GoldFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, JsonOptions);

        WriteHeader(gold, articles, seed, json, buffer);
        int written = 0, copies = 0, undated = 0, claims = 0;
        foreach (var article in corpus)
        {
            File.WriteAllBytes(Path.Combine(folder, article.FileName), Utf8.GetBytes(article.Text));
            WriteArticle(gold, article, first: written == 0, json, buffer);
            written++;
            copies += article.SyndicatedFrom is null ? 0 : 1;
            undated += article.Published is null ? 1 : 0;
            claims += article.Claims.Count;
            progress?.Invoke(written);
        }
        Raw(gold, written == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return new CorpusSummary(written, copies, undated, claims);
    }

    private static void WriteHeader(Stream gold, int articles, int seed, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        Raw(gold, "{\n  \"about\": ");
        Value(gold, json, buffer, w => w.WriteStringValue(
            "Claims planted by the corpus generator (raqqa-ledger generate): invented articles in the style of the seeds, written from " +
            "sentence shapes, speakers, aliases and number forms the bundled rules define, so this gold file says what correct extraction is. " +
            "Conventions are those of the seed gold file: one entry per (topic, value, speaker) an article reports; 'quote' is the exact " +
            "sentence that carries the claim; 'speaker' is the canonical name, null for the outlet's own voice. 'published' is the date the " +
            "article reader should derive (null: none printed), 'dateBasis' how (stated, inferred, unknown); 'syndicatedFrom' names the " +
            "earlier article whose body a syndicated copy reprints."));
        Raw(gold, ",\n  \"generator\": ");
        Value(gold, json, buffer, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("articles", articles);
            w.WriteNumber("seed", seed);
            w.WriteEndObject();
        });
        Raw(gold, ",\n  \"topics\": {");
        for (var i = 0; i < Topics.Length; i++)
        {
            Raw(gold, i == 0 ? "\n    " : ",\n    ");
            Value(gold, json, buffer, w => w.WriteStringValue(Topics[i].Topic));
            Raw(gold, ": ");
            Value(gold, json, buffer, w => w.WriteStringValue(Topics[i].Description));
        }
        Raw(gold, "\n  },\n  \"speakers\": {");
        for (var i = 0; i < Voices.GoldSpeakers.Length; i++)
        {
            var (canonical, aliases) = Voices.GoldSpeakers[i];
            Raw(gold, i == 0 ? "\n    " : ",\n    ");
            Value(gold, json, buffer, w => w.WriteStringValue(canonical));
            Raw(gold, ": ");
            Value(gold, json, buffer, w =>
            {
                w.WriteStartArray();
                foreach (var alias in aliases)
                    w.WriteStringValue(alias);
                w.WriteEndArray();
            });
        }
        Raw(gold, "\n  },\n  \"articles\": [");
    }

    /// <summary>One article: its fields on one line, then one line per claim, as in the seed gold file.</summary>
    private static void WriteArticle(Stream gold, GeneratedArticle article, bool first, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
    {
        Raw(gold, first ? "\n    {" : ",\n    {");
        Value(gold, json, buffer, w => w.WriteStringValue("file"));
        Raw(gold, ": ");
        Value(gold, json, buffer, w => w.WriteStringValue(article.FileName));
        Raw(gold, ", \"published\": ");
        Raw(gold, article.Published is { } date ? $"\"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"" : "null");
        Raw(gold, $", \"dateBasis\": \"{article.DateBasis.ToString().ToLowerInvariant()}\"");
        if (article.SyndicatedFrom is { } source)
        {
            Raw(gold, ", \"syndicatedFrom\": ");
            Value(gold, json, buffer, w => w.WriteStringValue(source));
        }
        Raw(gold, ", \"claims\": [");
        for (var i = 0; i < article.Claims.Count; i++)
        {
            var claim = article.Claims[i];
            Raw(gold, i == 0 ? "\n      " : ",\n      ");
            Value(gold, json, buffer, w =>
            {
                w.WriteStartObject();
                w.WriteString("topic", claim.Topic);
                w.WritePropertyName("value");
                JsonSerializer.Serialize(w, claim.Value);
                if (claim.Speaker is null)
                    w.WriteNull("speaker");
                else
                    w.WriteString("speaker", claim.Speaker);
                w.WriteString("quote", claim.Quote);
                w.WriteEndObject();
            });
        }
        Raw(gold, article.Claims.Count == 0 ? "]}" : "\n    ]}");
    }

    /// <summary>One JSON value, written by <paramref name="write"/> through a reused writer and buffer.</summary>
    private static void Value(Stream gold, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Action<Utf8JsonWriter> write)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        write(json);
        json.Flush();
        gold.Write(buffer.WrittenSpan);
    }

    private static void Raw(Stream gold, string text) => gold.Write(Utf8.GetBytes(text));
}
