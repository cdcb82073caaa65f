namespace RaqqaLedger.Domain.Articles;

/// <summary>
/// An article as a submitter hands it in: raw text, plus what an envelope stated about it. Anything
/// stated here wins over what is derived from the text.
/// </summary>
/// <param name="Source">Where it came from: a file name, or "stdin".</param>
/// <param name="PublishedAt">As the envelope gave it: "YYYY-MM-DD" or an ISO 8601 timestamp.</param>
public sealed record ArticleSubmission(
    string Source,
    string Text,
    string? Title = null,
    string? Url = null,
    string? Outlet = null,
    string? PublishedAt = null);

/// <summary>A submission that cannot become an article; the message says what is wrong in one line.</summary>
public sealed class InvalidArticleException(string message) : Exception(message);
