using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using RaqqaLedger.Domain.Events;
using RaqqaLedger.MicroBenchmarks;
using RaqqaLedger.Projections;
using RaqqaLedger.Projections.Views;
using RaqqaLedger.EventStore;

namespace RaqqaLedger.MicroBenchmarks.Tests;

/// <summary>
/// Each benchmark method run once, untimed, and its result checked, so a benchmark that measures
/// the wrong thing (or nothing) fails here rather than printing a fast number.
/// </summary>
public class MicroBenchmarkTests
{
    [Fact]
    public void EveryBenchmarkClass_HasOneBaselinePerCategory_AndEveryMethodRunsOnce()
    {
        var classes = typeof(Seeds).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)).ToList();
        Assert.Equal(6, classes.Count);
        foreach (var type in classes)
        {
            var benchmarks = type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToList();
            var byCategory = benchmarks.GroupBy(m => string.Join(',', m.GetCustomAttribute<BenchmarkCategoryAttribute>()?.Categories ?? []));
            Assert.All(byCategory, g => Assert.Single(g, m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline));
            Assert.Contains(type.GetCustomAttributes(), a => a is MemoryDiagnoserAttribute);

            var instance = Activator.CreateInstance(type)!;
            foreach (var parameter in type.GetProperties().Where(p => p.GetCustomAttribute<ParamsAttribute>() is not null))
                parameter.SetValue(instance, parameter.GetCustomAttribute<ParamsAttribute>()!.Values[0]);
            foreach (var setup in type.GetMethods().Where(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null))
                setup.Invoke(instance, null);
            foreach (var benchmark in benchmarks)
                Assert.NotNull(benchmark.Invoke(instance, null));
        }
    }

    [Fact]
    public void ChainHash_IsTheHashTheLogStores_AndTheBaselineHashesThePayloadAlone()
    {
        var bench = new HashChainBenchmarks();
        bench.Setup();

        var chain = bench.ChainHash();
        Assert.Equal(HashChain.Compute(bench.Previous, bench.Event), chain);
        Assert.Equal(HashChain.HashSize, chain.Length);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(bench.Event.Data)), bench.Sha256OfPayload());
        Assert.NotEqual(chain, bench.Sha256OfPayload());
        Assert.InRange(bench.PayloadBytes, 200, 2_000);
    }

    [Fact]
    public void PayloadCheck_PassesTheClaimEvent_InBothForms()
    {
        var bench = new PayloadCheckBenchmarks();
        bench.Setup();

        Assert.True(bench.WriterCheck());
        Assert.True(bench.JsonDocumentParse());
        Assert.StartsWith("{", bench.Data, StringComparison.Ordinal);
        Assert.Contains("\"correlationId\"", bench.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void Extraction_FindsClaimsOfTheArticleItRead()
    {
        var bench = new ExtractionBenchmarks();
        bench.Setup();

        var article = bench.ReadArticle();
        var claims = bench.ExtractClaims();
        Assert.NotEmpty(claims);
        Assert.All(claims, c => Assert.Equal(article.ArticleId, c.ArticleId));
    }

    [Fact]
    public void MinHashSignature_IsFull_AndTheBaselineHashesEveryWord()
    {
        var bench = new SyndicationBenchmarks();
        bench.Setup();

        var signature = bench.MinHashSignature();
        Assert.Equal(Syndication.SignatureSize, signature.Length);
        Assert.DoesNotContain(ulong.MaxValue, signature);
        Assert.Equal(1.0, Syndication.Similarity(signature, bench.MinHashSignature()));
        var words = bench.HashWords();
        Assert.True(words.Count > 200, $"{words.Count} words");
        Assert.True(words.Distinct().Count() > words.Count / 4, "word hashes should mostly differ");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(100_000)]
    public void TopicStatus_OverAgreeingClaims_IsConfirmed_AndThePlainPassSeesEveryClaim(int claims)
    {
        var bench = new TopicStatusBenchmarks { Claims = claims };
        bench.Setup();

        Assert.Equal(claims, bench.List.Count);
        Assert.Equal(claims, bench.PlainPass());
        Assert.False(bench.Conflicting());
        Assert.Equal(ClaimStatus.Confirmed, bench.Of());
    }

    [Fact]
    public void EventJson_AndDefaults_EachRoundTripTheClaim_InTheirOwnShape()
    {
        var bench = new EventJsonBenchmarks();
        bench.Setup();

        Assert.Equal(bench.LedgerJson, bench.SerializeEventJson());
        Assert.Equal(bench.DefaultJson, bench.SerializeDefaults());
        Assert.NotEqual(bench.LedgerJson, bench.DefaultJson);
        Assert.Equal(bench.Claim, bench.DeserializeEventJson());
        Assert.Equal(bench.Claim, bench.DeserializeDefaults());
        Assert.Equal(bench.Claim, EventJson.Deserialize(EventJson.TypeNameOf<ClaimExtracted>(), bench.LedgerJson));
    }
}
