using System.Globalization;
using System.Text.RegularExpressions;
using RaqqaLedger.Domain.Events;

namespace RaqqaLedger.Domain.Articles;

/// <summary>Turns a submission into the event that records it. Pure: same submission, same event.</summary>
public static partial class ArticleIntake
{
    /// <summary>Longer texts are refused: no news article comes near this, and the log keeps every byte.</summary>
    public const int MaxTextLength = 1_000_000;

    /// <exception cref="InvalidArticleException">Empty or oversized text, or an envelope field that makes no sense.</exception>
    public static ArticleIngested Ingest(ArticleSubmission submission, ArticleReadingOptions options)
    {
        var text = submission.Text;
        if (string.IsNullOrWhiteSpace(text) || ArticleText.Normalize(text).Length == 0)
            throw new InvalidArticleException($"{submission.Source}: the article text is empty (or only white space and invisible characters)");
        if (text.Length > MaxTextLength)
            throw new InvalidArticleException($"{submission.Source}: the article text has {text.Length:N0} characters; the limit is {MaxTextLength:N0}");
        if (text.Contains('\0'))
            throw new InvalidArticleException($"{submission.Source}: the article text contains NUL characters; it looks like a binary file");

        var facts = ArticleReader.Read(text, options);
        var envelopeFields = new List<string>();
        var title = facts.Title;
        if (submission.Title is not null)
        {
            title = RequireText(submission.Title, "title", submission.Source);
            envelopeFields.Add("title");
        }
        var published = facts.Published;
        if (submission.PublishedAt is not null)
        {
            var date = ParsePublishedAt(submission.PublishedAt)
                ?? throw new InvalidArticleException($"{submission.Source}: publishedAt '{submission.PublishedAt}' is not a real date as YYYY-MM-DD or an ISO 8601 timestamp");
            published = new PublicationDate(date, DateBasis.Stated, $"publishedAt: {submission.PublishedAt}", "given by the submitter's envelope");
            envelopeFields.Add("publishedAt");
        }
        string? url = null;
        if (submission.Url is not null)
        {
            if (!Uri.TryCreate(submission.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new InvalidArticleException($"{submission.Source}: url '{submission.Url}' is not an absolute http(s) URL");
            url = submission.Url;
            envelopeFields.Add("url");
        }
        string? outlet = null;
        if (submission.Outlet is not null)
        {
            outlet = RequireText(submission.Outlet, "outlet", submission.Source);
            envelopeFields.Add("outlet");
        }

        return new ArticleIngested(ArticleText.IdOf(text), submission.Source, text, title, published,
            facts.Dateline, facts.Agencies, facts.Boilerplate, url, outlet, envelopeFields, facts.Language);
    }

    /// <summary>"YYYY-MM-DD", or an ISO 8601 timestamp whose own calendar date is taken. Null when not a real date.</summary>
    public static DateOnly? ParsePublishedAt(string value)
    {
        if (DateOnlyPattern().IsMatch(value))
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        if (TimestampPattern().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var timestamp))
            return DateOnly.FromDateTime(timestamp.DateTime);
        return null;
    }

    private static string RequireText(string value, string field, string source)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 1000 || trimmed.Any(char.IsControl))
            throw new InvalidArticleException($"{source}: {field} must be 1 to 1000 characters of text on one line");
        return trimmed;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?$")]
    private static partial Regex TimestampPattern();
}
