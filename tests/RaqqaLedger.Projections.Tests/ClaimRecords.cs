using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;
using RaqqaLedger.Projections.Views;

namespace RaqqaLedger.Projections.Tests;

/// <summary>Builds <see cref="ClaimRecord"/> values for the view tests.</summary>
internal static class ClaimRecords
{
    public static readonly DateTimeOffset RecordedAt = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A day of October 2017.</summary>
    public static DateOnly Oct(int day) => new(2017, 10, day);

    /// <param name="article">The article's log position; its id is "a{article}" and, unless given, so is its cluster.</param>
    public static ClaimRecord Claim(
        string topic,
        ClaimValue value,
        DateOnly? published,
        string? speaker = null,
        long article = 1,
        int spanStart = 0,
        string? cluster = null,
        ClaimChange change = ClaimChange.Extracted,
        string? id = null)
    {
        var articleId = $"a{article}";
        var facts = new ClaimFacts(value, speaker, speaker, $"quote at {spanStart}", new TextSpan(spanStart, 10), null, $"{topic}.rule");
        var version = new ClaimVersion(
            id ?? $"{articleId}:{topic}:{spanStart}:{change}",
            articleId,
            topic,
            change,
            facts,
            change == ClaimChange.Revised ? ClaimValue.Yes(false) : null,
            1,
            article + 1000,
            RecordedAt);
        return new ClaimRecord(
            version,
            null,
            published,
            published is null ? DateBasis.Unknown : DateBasis.Stated,
            article,
            $"{articleId}.txt",
            null,
            cluster ?? articleId);
    }
}
