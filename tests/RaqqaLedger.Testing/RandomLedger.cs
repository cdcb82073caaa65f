using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.Testing;

/// <summary>
/// Random but reproducible event sequences of the kinds the ledger holds: articles (some undated,
/// some syndicated copies of earlier ones), rule sets with varying status rules, and claims extracted,
/// revised, retracted and extracted again.
/// </summary>
public sealed class RandomLedger(int seed)
{
    private static readonly string[] BaseTexts = [.. Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order().Select(File.ReadAllText)];
    private static readonly ClaimValue[] Values =
    [
        ClaimValue.Exact(275), ClaimValue.Approx(275), ClaimValue.AtLeast(250), ClaimValue.AtMost(500), ClaimValue.Between(300, 400),
        ClaimValue.Exact(100), ClaimValue.Yes(true), ClaimValue.Yes(false), ClaimValue.Of("local_officials"), ClaimValue.Of("us_coalition"),
    ];
    private static readonly string?[] Speakers = [null, "Omar Alloush", "Mostafa Bali", "SDF", "US-led coalition"];
    private static readonly string[] Topics = ["fighters.departed.count", "foreign_fighters.departed", "deal.brokered_by"];

    private readonly Random random = new(seed);
    private readonly List<string> articles = [];
    private readonly List<string> texts = [];
    private readonly Dictionary<string, (string Article, string Topic, ClaimFacts Facts)> live = new(StringComparer.Ordinal);
    private readonly List<(string Id, string Article, string Topic)> retracted = [];
    private int ruleSetVersion, claimCounter;

    /// <summary>The next few appends, each one atomic, as the ledger's own operations make them.</summary>
    public List<StreamAppend> NextChunk()
    {
        var chunk = new List<StreamAppend>();
        for (var i = random.Next(1, 6); i > 0; i--)
            chunk.Add(NextAppend());
        return chunk;
    }

    private StreamAppend NextAppend()
    {
        if (ruleSetVersion == 0 || random.Next(12) == 0)
            return Append("rulesets", RuleSet());
        if (articles.Count == 0 || random.Next(4) == 0)
            return Article();
        var article = articles[random.Next(articles.Count)];
        var events = new List<object>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var mine = live.Where(c => c.Value.Article == article).Select(c => c.Key).ToList();
            var roll = random.Next(10);
            if (roll < 2 && mine.Count > 0)
            {
                var id = mine[random.Next(mine.Count)];
                var (_, topic, facts) = live[id];
                var after = Facts();
                events.Add(new ClaimRevised(id, article, topic, facts, after, ["value"], ruleSetVersion));
                live[id] = (article, topic, after);
            }
            else if (roll < 4 && mine.Count > 0)
            {
                var id = mine[random.Next(mine.Count)];
                var (_, topic, facts) = live[id];
                events.Add(new ClaimRetracted(id, article, topic, "rule removed", facts, ruleSetVersion));
                live.Remove(id);
                retracted.Add((id, article, topic));
            }
            else if (roll < 5 && retracted.FirstOrDefault(r => r.Article == article) is { Id: not null } back)
            {
                // A later rule set finds the same claim again: same id, a new version after the tombstone.
                retracted.Remove(back);
                events.Add(Extracted(back.Id, article, back.Topic));
            }
            else
                events.Add(Extracted($"claim-{++claimCounter:D4}", article, Topics[random.Next(Topics.Length)]));
        }
        return Append(ArticleClaims.StreamOf(article), [.. events]);
    }

    private ClaimExtracted Extracted(string id, string article, string topic)
    {
        var f = Facts();
        live[id] = (article, topic, f);
        return new ClaimExtracted(id, article, topic, f.Value, f.Speaker, f.SpeakerAsWritten, f.Quote, f.Span, f.EventDate, f.RuleId, ruleSetVersion);
    }

    private ClaimFacts Facts()
    {
        var speaker = Speakers[random.Next(Speakers.Length)];
        var day = random.Next(3) == 0 ? (DateOnly?)null : new DateOnly(2017, 10, 14).AddDays(random.Next(5));
        return new ClaimFacts(Values[random.Next(Values.Length)], speaker, speaker?.Split(' ')[^1], $"quote {random.Next(1000)}, with a comma and “quotes”",
            new TextSpan(random.Next(2000), random.Next(1, 300)), day is null ? null : new EventDate(day, day, "on Saturday"), $"rule.{random.Next(5)}");
    }

    private StreamAppend Article()
    {
        // A third of the articles are copies of an earlier one under another headline: syndication.
        var text = texts.Count > 0 && random.Next(3) == 0
            ? $"Reprinted {random.Next(1000)}\n\n{texts[random.Next(texts.Count)]}"
            : $"{BaseTexts[random.Next(BaseTexts.Length)]}\n\nUpdate {random.Next(100000)}.";
        var id = ArticleText.IdOf(text);
        if (articles.Contains(id))
            text += " More.";
        id = ArticleText.IdOf(text);
        articles.Add(id);
        texts.Add(text);
        var published = random.Next(4) == 0
            ? PublicationDate.Unknown("no date in the text")
            : new PublicationDate(new DateOnly(2017, 10, 14).AddDays(random.Next(32)), random.Next(2) == 0 ? DateBasis.Stated : DateBasis.Inferred, "evidence", null);
        var outlet = random.Next(2) == 0 ? "Outlet" : null;
        // A third are stored as the first version of the event, as a log written before languages were would hold them.
        return random.Next(3) == 0
            ? Append($"article-{id}", new ArticleIngestedV1(id, $"{articles.Count:D3}.txt", text, $"Title {articles.Count}", published, null, [], [], null, outlet, []))
            : Append($"article-{id}", new ArticleIngested(id, $"{articles.Count:D3}.txt", text, $"Title {articles.Count}", published, null, [], [], null, outlet, [], "en"));
    }

    /// <summary>A rule set publication alone, with this status rule: a commit that touches no claim.</summary>
    public StreamAppend RuleSetWith(StatusRule status) => Append("rulesets", RuleSet(status));

    private object RuleSet(StatusRule? status = null)
    {
        ruleSetVersion++;
        status ??= new StatusRule(random.Next(2, 4), random.Next(0, 25));
        var content = $"version: {ruleSetVersion}\nname: random\nstatus:\n  confirmed_min_sources: {status.ConfirmedMinSources}\n  numbers_agree_within_percent: {status.NumbersAgreeWithinPercent}\ntopics: []\n";
        // Half as the first version, which carries its status rule in its content only, as a log written before the second would.
        var first = new RuleSetPublishedV1(ruleSetVersion, "random", $"sha-{ruleSetVersion}", content, "random.yaml");
        return random.Next(2) == 0 ? first : first.WithStatus(status);
    }

    private static StreamAppend Append(string stream, params object[] events) =>
        new(stream, ExpectedVersion.Any, [.. events.Select(e => new NewEvent(Guid.NewGuid(), EventJson.TypeNameOf(e.GetType()), EventJson.Serialize(e),
            EventJson.SerializeMetadata(new EventMetadata("test", null, "test"))))]);
}
