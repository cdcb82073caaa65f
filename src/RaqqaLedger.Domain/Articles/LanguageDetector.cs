namespace RaqqaLedger.Domain.Articles;

/// <summary>
/// Tells which language an article is written in, well enough to know whether English extraction rules
/// can read it: the script of its letters (Arabic, Cyrillic, Hebrew, Greek, CJK), and for Latin script
/// which language's commonest words it uses most. Gives an ISO 639-1 code ("en", "fr", "ar", …) or "und"
/// when the text is too short or mixed to say. Pure and deterministic.
/// </summary>
public static class LanguageDetector
{
    public const string English = "en";
    public const string Undetermined = "und";

    /// <summary>Fewer distinct function words than this and the text is too short to judge.</summary>
    private const int MinimumEvidence = 6;

    /// <summary>Enough function words to judge by: an article's first few paragraphs decide, the rest are not read.</summary>
    private const int EnoughEvidence = 40;

    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (latin, scripts) = CountScripts(text);
        var total = latin + scripts.Values.Sum();
        if (total == 0)
            return Undetermined;
        // A script other than Latin making up most of the letters decides on its own.
        foreach (var (script, count) in scripts)
        {
            if (count > total / 2)
                return script == "ar" ? ArabicScriptLanguage(text) : script;
        }
        if (latin <= total / 2)
            return Undetermined;

        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        var evidence = 0;
        var lookup = FunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < text.Length && evidence < EnoughEvidence; i++)
        {
            if (!char.IsLetter(text[i]) || (i > 0 && char.IsLetter(text[i - 1])))
                continue;
            var end = i;
            while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
                end++;
            if (!lookup.TryGetValue(text.AsSpan(i, end - i), out var languages))
                continue;
            evidence++;
            foreach (var language in languages)
                scores[language] = scores.GetValueOrDefault(language) + 1;
        }
        if (evidence < MinimumEvidence || scores.Count == 0)
            return Undetermined;
        var best = scores.MaxBy(s => s.Value);
        // English wins ties: quoted foreign phrases in English copy must not unseat it.
        return scores.GetValueOrDefault(English) >= best.Value ? English : best.Key;
    }

    /// <summary>
    /// Arabic script is also Sorani Kurdish's and Persian's; each has letters Arabic lacks. Sorani: ڕ ڵ ێ ۆ ڤ;
    /// Persian (and Sorani): پ چ ژ گ.
    /// </summary>
    private static string ArabicScriptLanguage(string text)
    {
        var kurdish = text.Count(c => c is 'ڕ' or 'ڵ' or 'ێ' or 'ۆ' or 'ڤ');
        var persian = text.Count(c => c is 'پ' or 'چ' or 'ژ' or 'گ');
        var letters = text.Count(char.IsLetter);
        if (kurdish * 100 > letters)
            return "ckb";
        return persian * 100 > letters ? "fa" : "ar";
    }

    private static (int Latin, Dictionary<string, int> Others) CountScripts(string text)
    {
        var latin = 0;
        var others = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
                continue;
            var script = c switch
            {
                <= '\u024F' => null,
                >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => "ar",
                >= '\u0400' and <= '\u04FF' => "ru",
                >= '\u0590' and <= '\u05FF' => "he",
                >= '\u0370' and <= '\u03FF' => "el",
                >= '\u4E00' and <= '\u9FFF' => "zh",
                >= '\u3040' and <= '\u30FF' => "ja",
                >= '\uAC00' and <= '\uD7AF' => "ko",
                _ => "und",
            };
            if (script is null)
                latin++;
            else
                others[script] = others.GetValueOrDefault(script) + 1;
        }
        return (latin, others);
    }

    /// <summary>The commonest short words of each language; a word shared by several counts for each.</summary>
    private static readonly Dictionary<string, string[]> FunctionWords = Build(new Dictionary<string, string>
    {
        ["en"] = "the of and to in is was that for on with as by at from it are were have has had this which said not but an be they their he she who would",
        ["fr"] = "le la les des du de et est une un dans pour que qui sur par au aux pas ont ont été il elle sont selon avec ces cette",
        ["de"] = "der die das und ist nicht ein eine den dem des mit von zu im auf sich für wurde wurden sind nach bei auch aus",
        ["es"] = "el la los las del de y que en es por con para una un se su al fue han según sus como más",
        ["it"] = "il lo gli le del della dei di e che è per con una un sono nel alla al stato secondo anche",
        ["pt"] = "o os as do da dos das de e que em é por com para uma um não foi segundo ao são",
        ["nl"] = "de het een en van in is dat op te zijn met voor niet door werd worden naar bij ook",
        ["tr"] = "ve bir bu da de ile için olarak olan göre gibi daha çok ise ancak ki sonra kadar tarafından söyledi olduğunu yaptı",
        ["id"] = "yang dan di dari ini itu dengan untuk tidak dalam akan pada juga oleh",
    });

    private static Dictionary<string, string[]> Build(Dictionary<string, string> lists)
    {
        var byWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (language, words) in lists)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
            {
                if (!byWord.TryGetValue(word, out var languages))
                    byWord[word] = languages = [];
                languages.Add(language);
            }
        }
        return byWord.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }
}
