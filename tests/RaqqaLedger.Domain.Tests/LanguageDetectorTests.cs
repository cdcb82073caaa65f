using RaqqaLedger.Domain.Articles;

namespace RaqqaLedger.Domain.Tests;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "Some foreign Islamic State militants have left the city of Raqqa under an evacuation deal, a local official said on Sunday, as the US-backed forces that are besieging it prepared a final assault.")]
    [InlineData("fr", "Des jihadistes étrangers ont quitté Raqqa dans le cadre d'un accord d'évacuation, selon un responsable local, qui a précisé que les combattants syriens sont partis avec leurs familles.")]
    [InlineData("de", "Ausländische Kämpfer der Terrormiliz haben die Stadt Rakka nach Angaben eines örtlichen Vertreters verlassen, die von den USA unterstützten Kräfte bereiten sich auf den letzten Angriff vor.")]
    [InlineData("es", "Combatientes extranjeros del Estado Islámico abandonaron la ciudad de Raqqa en virtud de un acuerdo de evacuación, según un funcionario local, que dijo que los sirios salieron con sus familias.")]
    [InlineData("ar", "غادر مقاتلون أجانب من تنظيم الدولة الإسلامية مدينة الرقة بموجب اتفاق إجلاء، بحسب مسؤول محلي قال إن المقاتلين السوريين خرجوا مع عائلاتهم.")]
    [InlineData("tr", "Yabancı IŞİD militanları bir tahliye anlaşması ile Rakka şehrinden ayrıldı, yerel bir yetkili bu konuda açıklama yaptı ve Suriyeli savaşçıların aileleriyle birlikte çıktığını söyledi ancak sayı belirtilmedi.")]
    [InlineData("ru", "Иностранные боевики ИГ покинули Ракку в рамках соглашения об эвакуации, заявил местный чиновник.")]
    public void AnArticle_IsToldByItsScriptAndItsCommonestWords(string expected, string text) =>
        Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void EnglishCopyQuotingAnotherLanguage_IsStillEnglish()
    {
        const string text = "The French minister said the city was \"une victoire pour la coalition\", but the coalition said it had not been a party to the deal that let the fighters leave the city with their families.";

        Assert.Equal("en", LanguageDetector.Detect(text));
    }

    [Theory]
    [InlineData("Raqqa")]
    [InlineData("275 — 10/15")]
    [InlineData("")]
    public void TooLittleText_IsUndetermined(string text) => Assert.Equal("und", LanguageDetector.Detect(text));
}
