using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Domain.Claims;

namespace RaqqaLedger.Corpus;

/// <summary>A claim the generator wrote into an article: what a correct extractor reports for it.</summary>
/// <param name="Speaker">Canonical speaker as the rules name them; null is the outlet's own voice.</param>
/// <param name="Quote">The sentence that carries the claim, exactly as it stands in the text.</param>
public sealed record PlantedClaim(string Topic, ClaimValue Value, string? Speaker, string Quote);

/// <summary>One generated article.</summary>
/// <param name="Index">0-based position in the corpus; files are written in this order.</param>
/// <param name="FileName">"000042.txt": a plain file name, sorting in corpus order.</param>
/// <param name="Published">The publication date the text gives, as the article reader derives it; null when it gives none.</param>
/// <param name="DateBasis">How the reader knows it: stated, inferred, or unknown.</param>
/// <param name="SyndicatedFrom">For a syndicated copy, the file name of the earlier article whose body it reprints.</param>
public sealed record GeneratedArticle(
    int Index,
    string FileName,
    string Text,
    DateOnly? Published,
    DateBasis DateBasis,
    string? SyndicatedFrom,
    IReadOnlyList<PlantedClaim> Claims);
