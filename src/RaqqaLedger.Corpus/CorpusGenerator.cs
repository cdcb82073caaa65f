using System.Globalization;
using System.Text;
using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Corpus;

/// <summary>
/// Generates a corpus of articles in the seeds' style with the claims planted in them: real sentence
/// shapes, the speakers and aliases the rules know, hedged numbers, negations, distractor numbers,
/// dates across 14 October – 14 November 2017 in the forms pages print them, and syndicated copies.
/// Pure and deterministic: article i depends only on the seed and i (so a smaller corpus is a prefix
/// of a larger one), drawn from SplitMix64 streams, never from <see cref="Random"/>.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>Share of articles that reprint an earlier article's body under other furniture.</summary>
    public const double CopyShare = 0.15;

    /// <summary>How far back a copy's source may be, so a copy follows its story closely as wire copy does.</summary>
    private const int CopyWindow = 400;

    /// <summary>Articles in corpus order, generated one at a time as the sequence is read.</summary>
    public static IEnumerable<GeneratedArticle> Generate(int articles, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articles);
        return Articles(new Corpus(seed, FileNameWidth(articles)), articles);
    }

    private static IEnumerable<GeneratedArticle> Articles(Corpus corpus, int articles)
    {
        for (var i = 0; i < articles; i++)
            yield return corpus.Article(i);
    }

    /// <summary>Zero-padded to six digits (more past a million), so names sort in corpus order.</summary>
    public static int FileNameWidth(int articles) => Math.Max(6, (Math.Max(articles, 1) - 1).ToString(CultureInfo.InvariantCulture).Length);

    private sealed class Corpus(int seed, int width)
    {
        private readonly ulong key = SplitMix64.Mix((ulong)(uint)seed ^ 0x5241515141_4C4544UL);

        private const ulong CopyStream = 1, ContentStream = 2, CopyContentStream = 3;

        private SplitMix64 Stream(int index, ulong purpose) => new(SplitMix64.Mix(key ^ SplitMix64.Mix(((ulong)(uint)index << 4) | purpose)));

        private string FileName(int index) => index.ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + ".txt";

        public GeneratedArticle Article(int index)
        {
            if (!IsCopy(index, out var source))
                return Original(index).ToArticle(FileName(index));
            while (IsCopy(source, out var earlier))
                source = earlier; // a copy of a copy reprints the first article's body
            return Copy(index, Original(source));
        }

        private bool IsCopy(int index, out int source)
        {
            source = -1;
            if (index == 0)
                return false;
            var random = Stream(index, CopyStream);
            if (!random.Chance(CopyShare))
                return false;
            source = index - 1 - random.Below(Math.Min(index, CopyWindow));
            return true;
        }

        private Original Original(int index)
        {
            var random = Stream(index, ContentStream);
            var plan = new DatePlan(ArticleDates.PickForm(random), ArticleDates.Pick(random));
            var composer = new ArticleComposer(random, plan.Published);

            var headlineIndex = random.Below(Prose.Headlines.Length);
            var (headline, headlineClaim) = ArticleComposer.RenderHeadline(Prose.Headlines[headlineIndex], random);
            var header = new List<string>();
            if (random.Chance(0.1))
                header.Add(random.Pick(Prose.TopFurniture));
            header.Add(headline);
            if (random.Chance(0.08))
                header.Add(headline); // scraped pages print the headline twice; the reader marks the repeat
            ArticleDates.HeaderLines(plan, random, header);
            if (plan.Form is not (DateForm.Stamp or DateForm.PublishedUpdated) && random.Chance(0.2))
                header.Add($"By {random.Pick(Prose.Authors)}");
            if (random.Chance(0.15))
                header.Add(random.Pick(["2 min read", "3 min read", "4 min read"]));

            var body = new List<string>();
            var datePrefix = plan.Form is DateForm.Lede or DateForm.DatelineLede ? ArticleDates.LedePrefix(plan.Date, random) : null;
            body.Add(composer.Lede(ArticleDates.Dateline(plan, random), datePrefix));
            if (random.Chance(0.15))
                body.Add(composer.Caption());
            var claimUnits = random.Between(5, 8);
            var distractors = random.Between(4, 8);
            while (claimUnits + distractors > 0)
            {
                if (random.Below(claimUnits + distractors) < claimUnits)
                {
                    body.Add(composer.ClaimParagraph());
                    claimUnits--;
                }
                else
                {
                    body.Add(random.Chance(0.5) ? composer.Distractor() : composer.Distractor() + " " + composer.Distractor());
                    distractors--;
                }
            }

            var footer = new List<string>();
            if (random.Chance(0.5))
                footer.Add(random.Pick(Prose.BottomFurniture).Render(random, (name, into) => into.Append(random.Pick(Prose.Authors))));
            var separator = random.Chance(0.85) ? "\n\n" : "\n";
            return new Original(index, plan, headlineIndex, header, body, footer, separator, headlineClaim, [.. composer.Claims]);
        }

        /// <summary>
        /// The same body under another headline and furniture, with a credit line, and dated the same
        /// day or later (or, when the body carries its own date, sometimes not dated again at all).
        /// </summary>
        private GeneratedArticle Copy(int index, Original source)
        {
            var random = Stream(index, CopyContentStream);
            var headlineIndex = (source.HeadlineIndex + 1 + random.Below(Prose.Headlines.Length - 1)) % Prose.Headlines.Length;
            var (headline, headlineClaim) = ArticleComposer.RenderHeadline(Prose.Headlines[headlineIndex], random);

            var redate = source.Plan.Form switch
            {
                DateForm.None => random.Chance(0.5),
                _ when source.Plan.InBody => random.Chance(0.5),
                _ => true,
            };
            DateOnly? published;
            DateBasis basis;
            var header = new List<string> { headline };
            if (redate)
            {
                var date = source.Plan.Form == DateForm.None ? ArticleDates.Pick(random) : ArticleDates.Later(source.Plan.Date, random);
                var form = random.Pick([DateForm.DateLine, DateForm.DateLine, DateForm.Stamp, DateForm.PublishedUpdated]);
                ArticleDates.HeaderLines(new DatePlan(form, date), random, header);
                (published, basis) = (date, DateBasis.Stated);
            }
            else
            {
                (published, basis) = (source.Plan.Published, source.Plan.Basis);
            }

            // The permalink (page furniture to the reader) also keeps two copies of one story from being the same text.
            var footer = new List<string>
            {
                random.Pick(Prose.CopyCredits),
                string.Create(CultureInfo.InvariantCulture, $"https://www.{random.Pick(Prose.Outlets)}/news/middle-east/raqqa-{index}"),
            };
            var text = Assemble(header, source.Body, footer, source.Separator);
            return new GeneratedArticle(index, FileName(index), text, published, basis, FileName(source.Index), Merge(headlineClaim, source.BodyClaims));
        }
    }

    internal static string Assemble(List<string> header, List<string> body, List<string> footer, string separator)
    {
        var text = new StringBuilder(4096);
        foreach (var line in header.Concat(body).Concat(footer))
        {
            if (text.Length > 0)
                text.Append(separator);
            text.Append(line);
        }
        return text.Append('\n').ToString();
    }

    /// <summary>The headline's claim and the body's, each (topic, value, speaker) once: the extractor reports a repeat once too.</summary>
    private static List<PlantedClaim> Merge(PlantedClaim? headline, List<PlantedClaim> body)
    {
        if (headline is null)
            return body;
        var claims = new List<PlantedClaim>(body.Count + 1) { headline };
        claims.AddRange(body.Where(c => !(c.Topic == headline.Topic && c.Value == headline.Value && c.Speaker == headline.Speaker)));
        return claims;
    }

    private sealed record Original(int Index, DatePlan Plan, int HeadlineIndex, List<string> Header, List<string> Body, List<string> Footer,
        string Separator, PlantedClaim? HeadlineClaim, List<PlantedClaim> BodyClaims)
    {
        public GeneratedArticle ToArticle(string fileName) =>
            new(Index, fileName, Assemble(Header, Body, Footer, Separator), Plan.Published, Plan.Basis, null, Merge(HeadlineClaim, BodyClaims));
    }
}
