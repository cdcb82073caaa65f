using System.Globalization;
using RaqqaLedger.Domain.Articles;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Domain.Tests.Articles;

public class ArticleReaderTests
{
    private const string Lede =
        "Islamic State fighters left the Syrian city of Raqqa under a deal brokered by local officials, a spokesman said.";

    private static ArticleFacts Read(string text) => ArticleReader.Read(text, ArticleReadingOptions.Default);

    private static ArticleFacts ReadSeed(string number)
    {
        string file = Directory.GetFiles(RepoPaths.Seeds, number + "_*.txt").Single();
        return Read(File.ReadAllText(file));
    }

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (int Line, string Reason)[] Marks(ArticleFacts facts) =>
        facts.Boilerplate.Select(b => (b.Line, b.Reason)).ToArray();

    // ------------------------------------------------------------ seeds

    [Fact]
    public void Read_Seed000_FindsHeadlineStatedDateAgenciesAndRepeatedHeadline()
    {
        ArticleFacts facts = ReadSeed("000");

        Assert.Equal("IS foreign militants leave Syria's Raqqa under evacuation deal", facts.Title);
        Assert.Equal(new PublicationDate(Day("2017-10-15"), DateBasis.Stated, "15 October, 2017", null), facts.Published);
        Assert.Null(facts.Dateline);
        Assert.Equal([new AgencyCredit("AFP", "AFP"), new AgencyCredit("AP", "AP")], facts.Agencies);
        Assert.Equal([(3, "repeated"), (5, "read-time")], Marks(facts));
        Assert.Equal("2 min read", facts.Boilerplate[1].Text);
    }

    [Fact]
    public void Read_Seed001_FindsLateRepublicationDateAndAgencyFullName()
    {
        ArticleFacts facts = ReadSeed("001");

        Assert.Equal("ISIS fighters get safe passage from Raqqa under US-brokered deal", facts.Title);
        Assert.Equal(new PublicationDate(Day("2017-11-14"), DateBasis.Stated, "14 November 2017", null), facts.Published);
        Assert.Null(facts.Dateline);
        Assert.Equal([new AgencyCredit("AFP", "Agence France-Presse")], facts.Agencies);
        Assert.Equal([(29, "site-chrome")], Marks(facts));
        Assert.Equal("search domain-b", facts.Boilerplate[0].Text);
    }

    [Fact]
    public void Read_Seed002_TakesFirstDateLineNotCaptionAndMarksPageFurniture()
    {
        ArticleFacts facts = ReadSeed("002");

        Assert.Equal("The Islamic State withdraws from Raqqa after 3 years", facts.Title);
        Assert.Equal(new PublicationDate(Day("2017-10-15"), DateBasis.Stated, "Sun, 15 Oct 2017 - 02:27 GMT", null), facts.Published);
        Assert.Equal(new Dateline("CAIRO", "CAIRO \u2013"), facts.Dateline);
        Assert.Equal([new AgencyCredit("Reuters", "Reuters")], facts.Agencies);
        Assert.Equal([5, 9, 11, 15, 33, 43, 45, 47, 49], facts.Boilerplate.Select(b => b.Line));
        Assert.Equal(
            ["byline", "byline", "repeated", "repeated", "fragment", "comments", "comments", "comments", "social"],
            facts.Boilerplate.Select(b => b.Reason));
    }

    [Fact]
    public void Read_Seed003_HasNoHeadlineNoDateAndMarksLinkOutAndPhotoCredit()
    {
        ArticleFacts facts = ReadSeed("003");

        Assert.Null(facts.Title);
        Assert.Equal(PublicationDate.Unknown("no date found in the header or dateline"), facts.Published);
        Assert.Null(facts.Dateline);
        Assert.Empty(facts.Agencies);
        Assert.Equal([(11, "link-out"), (12, "photo-credit")], Marks(facts));
    }

    [Fact]
    public void Read_Seed004_InfersYearFromWeekdayInDatelineLede()
    {
        ArticleFacts facts = ReadSeed("004");

        Assert.Equal("'Final phase' of battle for Raqa as ISIS fighters leave", facts.Title);
        Assert.Equal(DateBasis.Inferred, facts.Published.Basis);
        Assert.Equal(Day("2017-10-15"), facts.Published.Date);
        Assert.Equal("Sunday, October 15", facts.Published.Evidence);
        Assert.Equal(
            "no year printed; 15 October fell on a Sunday in 2017, the year nearest the reference year 2017",
            facts.Published.Reason);
        Assert.Equal(new Dateline("AIN ISSA, Syria", "AIN ISSA , Syria \u2013"), facts.Dateline);
        Assert.Equal([new AgencyCredit("AFP", "AFP")], facts.Agencies);
        Assert.Empty(facts.Boilerplate);
    }

    [Fact]
    public void Read_EverySeed_MatchesTheGoldPublicationDates()
    {
        var expected = new Dictionary<string, DateOnly?>
        {
            ["000"] = Day("2017-10-15"),
            ["001"] = Day("2017-11-14"),
            ["002"] = Day("2017-10-15"),
            ["003"] = null,
            ["004"] = Day("2017-10-15"),
        };

        foreach ((string seed, DateOnly? date) in expected)
        {
            Assert.Equal(date, ReadSeed(seed).Published.Date);
        }
    }

    // ------------------------------------------------------------ page layouts of other outlets

    public static TheoryData<string, string?, string?, string?, string[]> OutletPages => new()
    {
        {
            "World News\nOctober 15, 2017 / 4:26 AM / 2 years ago\nIslamic State fighters leave Raqqa under deal: SDF spokesman\n" +
            "Tom Perry, Ellen Francis\n4 Min Read\nBEIRUT (Reuters) - A group of Islamic State fighters evacuated the Syrian city of Raqqa overnight, " +
            "a militia spokesman said on Sunday.\nReporting by Tom Perry and Ellen Francis; Editing by Alison Williams\n" +
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Islamic State fighters leave Raqqa under deal: SDF spokesman", "2017-10-15", "BEIRUT", ["Reuters"]
        },
        {
            "Syria's Raqqa: Deal reached to evacuate ISIL fighters\nLocal officials say ISIL fighters and their families will be allowed to leave the city.\n" +
            "14 Oct 2017\nRaqqa is the ISIL's self-declared capital [Reuters]\n" +
            "A deal has been reached to evacuate ISIL fighters from Raqqa, local officials said on Saturday.\nSOURCE: Al Jazeera and news agencies",
            "Syria's Raqqa: Deal reached to evacuate ISIL fighters", "2017-10-14", null, ["Reuters"]
        },
        {
            "Syrian Kurdish-led forces: IS fighters leave Raqqa\nBy SARAH EL DEEB\nOctober 15, 2017\n" +
            "BEIRUT (AP) \u2014 Islamic State fighters left Raqqa under a deal brokered by tribal elders, the SDF said Sunday.",
            "Syrian Kurdish-led forces: IS fighters leave Raqqa", "2017-10-15", "BEIRUT", ["AP"]
        },
        {
            "IS militants quit Raqqa\nSource: Xinhua| 2017-10-15 22:27:31|Editor: Mu Xuequan\n" +
            "DAMASCUS, Oct. 15 (Xinhua) -- Islamic State militants left the Syrian city of Raqqa under a deal with US-backed forces.",
            "IS militants quit Raqqa", "2017-10-15", "DAMASCUS", ["Xinhua"]
        },
        {
            "IS militants quit Raqqa\nUpdated 16 October 2017\nAFP\nOctober 15, 2017 22:27\n" +
            "RAQQA: Islamic State militants left the Syrian city of Raqqa under a deal with US-backed forces, officials said on Sunday.",
            "IS militants quit Raqqa", "2017-10-15", "RAQQA", ["AFP"]
        },
        {
            "Kurdish forces say IS fighters left Raqqa\n" +
            "ERBIL, Kurdistan Region (Kurdistan24) \u2013 Islamic State militants left the Syrian city of Raqqa under a deal, officials said.",
            "Kurdish forces say IS fighters left Raqqa", null, "ERBIL, Kurdistan Region", []
        },
        {
            "AMMAN/BEIRUT (Reuters) - Islamic State militants left the Syrian city of Raqqa under a deal with US-backed forces, officials said.",
            null, null, "AMMAN/BEIRUT", ["Reuters"]
        },
    };

    [Theory]
    [MemberData(nameof(OutletPages))]
    public void Read_OtherOutletLayouts_FindTitleDateDatelineAndAgencies(
        string text, string? title, string? date, string? place, string[] agencies)
    {
        ArticleFacts facts = Read(text);

        Assert.Equal(title, facts.Title);
        Assert.Equal(date is null ? null : Day(date), facts.Published.Date);
        Assert.Equal(place, facts.Dateline?.Place);
        Assert.Equal(agencies, facts.Agencies.Select(a => a.Agency));
    }

    // ------------------------------------------------------------ title

    [Theory]
    [InlineData("IS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("Skip to content\nMiddle East\nIS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("15 October 2017\nIS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("Sunday, October 15\nIS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("By Jane Doe\nIS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("\n\n   \nIS fighters leave Raqqa under deal\n\n" + Lede, "IS fighters leave Raqqa under deal")]
    [InlineData("\uFEFFIS fighters leave Raqqa: what we know\r\n\r\n" + Lede + "\r\n", "IS fighters leave Raqqa: what we know")]
    [InlineData("What next for Raqqa after the deal?\n" + Lede, "What next for Raqqa after the deal?")]
    [InlineData("U.S. says IS fighters are leaving Raqqa\n" + Lede, "U.S. says IS fighters are leaving Raqqa")]
    [InlineData("Raqqa deal lets fighters go.\n" + Lede, "Raqqa deal lets fighters go.")]
    [InlineData("IS FIGHTERS LEAVE RAQQA - REPORT\n\n" + Lede, "IS FIGHTERS LEAVE RAQQA - REPORT")]
    public void Read_HeadlineFirst_IsTheTitle(string text, string expected)
    {
        Assert.Equal(expected, Read(text).Title);
    }

    [Theory]
    [InlineData(Lede + "\nMore text follows.")]
    [InlineData("\"They took civilians as human shields and left,\" he added.\nMore text follows.")]
    [InlineData("So far. Over 3000 civilians have fled.\nMore text follows.")]
    [InlineData("BEIRUT (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said on Sunday.\nMore.")]
    [InlineData("a\n" + Lede)]
    [InlineData("")]
    [InlineData("  \n\n ")]
    public void Read_ParagraphOrNothingFirst_HasNoTitle(string text)
    {
        Assert.Null(Read(text).Title);
    }

    [Fact]
    public void Read_OverlongFirstLine_IsNotATitle()
    {
        string longLine = string.Join(' ', Enumerable.Repeat("Raqqa", 45));

        Assert.Null(Read(longLine + "\n\n" + Lede).Title);
    }

    // ------------------------------------------------------------ dateline

    [Theory]
    [InlineData("CAIRO \u2013 15 October 2017: A group of Islamic State fighters evacuated Raqqa overnight.", "CAIRO", "CAIRO \u2013")]
    [InlineData("AIN ISSA , Syria \u2013 US-backed forces announced the final phase of the battle for Raqa.", "AIN ISSA, Syria", "AIN ISSA , Syria \u2013")]
    [InlineData("BEIRUT (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.", "BEIRUT", "BEIRUT (Reuters) -")]
    [InlineData("BEIRUT, Oct 15 (Reuters) - Islamic State fighters left Raqqa under a deal, a spokesman said.", "BEIRUT", "BEIRUT, Oct 15 (Reuters) -")]
    [InlineData("Beirut (AFP) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.", "Beirut", "Beirut (AFP) -")]
    [InlineData("Ain Issa (Syria) (AFP) - Islamic State fighters left Raqqa under a deal, a spokesman said.", "Ain Issa (Syria)", "Ain Issa (Syria) (AFP) -")]
    [InlineData("DAMASCUS, Syria, Oct. 15 (Xinhua) -- Islamic State fighters left Raqqa under a deal, officials said.", "DAMASCUS, Syria", "DAMASCUS, Syria, Oct. 15 (Xinhua) --")]
    [InlineData("DEIR EZ-ZOR, Syria \u2014 Government forces captured the town of Mayadeen, a monitor said.", "DEIR EZ-ZOR, Syria", "DEIR EZ-ZOR, Syria \u2014")]
    [InlineData("WASHINGTON, D.C. \u2014 The Pentagon said IS fighters had left Raqqa under a local deal.", "WASHINGTON, D.C.", "WASHINGTON, D.C. \u2014")]
    [InlineData("BEIRUT: Islamic State fighters left Raqqa under a deal, a militia spokesman said on Sunday.", "BEIRUT", "BEIRUT:")]
    public void Read_OpeningPlaceLine_IsTheDateline(string lede, string place, string text)
    {
        Dateline? dateline = Read("IS fighters leave Raqqa\n\n" + lede).Dateline;

        Assert.Equal(new Dateline(place, text), dateline);
    }

    [Fact]
    public void Read_DatelineAfterCaptionsAndStandfirst_IsStillFound()
    {
        const string text =
            "IS fighters leave Raqqa\n\n" +
            "An armoured vehicle of the Syrian Democratic Forces is seen along a road at the frontline in Raqqa.\n\n" +
            "BEIRUT (Reuters) - Islamic State fighters left Raqqa under a deal, a militia spokesman said.";

        Assert.Equal("BEIRUT", Read(text).Dateline?.Place);
    }

    [Theory]
    [InlineData("BREAKING: Islamic State fighters left Raqqa under a deal, a militia spokesman said on Sunday.")]
    [InlineData("SDF \u2013 the US-backed alliance of Kurdish and Arab fighters \u2013 said on Sunday that fighters left.")]
    [InlineData("The US-led coalition - which backs the SDF - said foreign fighters were excluded from the deal.")]
    [InlineData("Meanwhile, Turkey \u2013 which opposes the Kurdish YPG \u2013 said it was watching the deal closely.")]
    [InlineData("BY \u2014 Government forces captured the town of Mayadeen from Islamic State, a monitor said.")]
    [InlineData("RAQQA \u2013 report")]
    [InlineData(Lede)]
    public void Read_OrdinaryOpening_HasNoDateline(string lede)
    {
        Assert.Null(Read("IS fighters leave Raqqa\n\n" + lede).Dateline);
    }

    [Fact]
    public void Read_HeadlineShapedLikeDateline_IsTheTitleNotTheDateline()
    {
        ArticleFacts facts = Read("RAQQA - IS fighters leave the city under a deal\n\n" + Lede);

        Assert.Equal("RAQQA - IS fighters leave the city under a deal", facts.Title);
        Assert.Null(facts.Dateline);
    }

    [Fact]
    public void Read_PlaceLineDeepInTheBody_IsNotADateline()
    {
        string text = "IS fighters leave Raqqa\n\n" + Lede + "\n\n" +
            "The coalition said it could not confirm how many fighters had left the city or where they had gone.\n\n" +
            "Raqqa was once the de facto Syrian capital of the group's self-styled caliphate in Syria and Iraq.\n\n" +
            "BEIRUT (Reuters) - A later paragraph quoting another report about the deal and its terms.";

        Assert.Null(Read(text).Dateline);
    }

    // ------------------------------------------------------------ agencies

    [Theory]
    [InlineData("Omar Alloush told Agence France-Presse a deal had been reached.", "AFP", "Agence France-Presse")]
    [InlineData("An official told Agence France Presse that fighters had left.", "AFP", "Agence France Presse")]
    [InlineData("The SDF has been battling since June to capture Raqqa [AFP]", "AFP", "AFP")]
    [InlineData("BEIRUT (AP) \u2014 Fighters left the city.", "AP", "AP")]
    [InlineData("the Associated Press reported on Sunday.", "AP", "Associated Press")]
    [InlineData("a spokesman told Reuters on Sunday.", "Reuters", "Reuters")]
    [InlineData("the official news agency said, according to dpa.", "DPA", "dpa")]
    [InlineData("Deutsche Presse-Agentur reported the convoy.", "DPA", "Deutsche Presse-Agentur")]
    [InlineData("DAMASCUS, Oct. 15 (Xinhua) -- Fighters left.", "Xinhua", "Xinhua")]
    [InlineData("the commander told Anadolu Agency.", "Anadolu", "Anadolu Agency")]
    [InlineData("WASHINGTON, Oct. 15 (UPI) -- Fighters left.", "UPI", "UPI")]
    [InlineData("United Press International reported the deal.", "UPI", "United Press International")]
    [InlineData("according to EFE.", "EFE", "EFE")]
    [InlineData("the Italian agency ANSA reported.", "ANSA", "ANSA")]
    [InlineData("Kyodo News reported from Tokyo.", "Kyodo", "Kyodo News")]
    [InlineData("Russian officials told TASS.", "TASS", "TASS")]
    [InlineData("an official told PTI.", "PTI", "PTI")]
    [InlineData("Press Trust of India reported.", "PTI", "Press Trust of India")]
    [InlineData("the minister told ANI.", "ANI", "ANI")]
    [InlineData("according to Bloomberg News.", "Bloomberg", "Bloomberg News")]
    public void Read_CreditedAgency_IsNamedCanonicallyWithItsMention(string sentence, string agency, string mention)
    {
        Assert.Equal([new AgencyCredit(agency, mention)], Read("IS fighters leave Raqqa\n\n" + sentence).Agencies);
    }

    [Fact]
    public void Read_SeveralAgencies_AreListedOnceInOrderOfFirstMention()
    {
        const string text =
            "Fighters leave Raqqa\n\nBEIRUT (Reuters) - Fighters left, a spokesman told AFP, " +
            "citing Xinhua. Reuters and AFP could not confirm it; Agence France-Presse later did.";

        Assert.Equal(
            ["Reuters", "AFP", "Xinhua"],
            Read(text).Agencies.Select(a => a.Agency));
    }

    [Theory]
    [InlineData("The map shows the front line; ap and Ap are not the agency.")]
    [InlineData("A CAPTION ABOUT THE MAP OF RAQQA")]
    [InlineData("Former New York mayor Michael Bloomberg said nothing about Raqqa.")]
    [InlineData("The report was shared by agencies in Syria and Deutsche Welle.")]
    [InlineData("A rapid advance left the AFPS unit (not an agency) behind.")]
    public void Read_NoWireCredit_HasNoAgencies(string sentence)
    {
        Assert.Empty(Read("Fighters leave Raqqa\n\n" + sentence).Agencies);
    }

    // ------------------------------------------------------------ boilerplate

    [Theory]
    [InlineData("2 min read", "read-time")]
    [InlineData("5-minute read", "read-time")]
    [InlineData("Reading time: 4 minutes", "read-time")]
    [InlineData("Comments", "comments")]
    [InlineData("3 Comments", "comments")]
    [InlineData("Comments (12)", "comments")]
    [InlineData("Leave a Comment", "comments")]
    [InlineData("Leave a Reply", "comments")]
    [InlineData("Comments are closed.", "comments")]
    [InlineData("Be Social", "social")]
    [InlineData("Share", "social")]
    [InlineData("Share this article", "social")]
    [InlineData("Share on Facebook", "social")]
    [InlineData("Follow us on Twitter", "social")]
    [InlineData("Facebook Twitter WhatsApp Email", "social")]
    [InlineData("-", "byline")]
    [InlineData("\u2014", "byline")]
    [InlineData("(Reporting by Tom Perry in Beirut; Editing by Alison Williams)", "byline")]
    [InlineData("SOURCE: Al Jazeera and news agencies", "byline")]
    [InlineData("Our Standards: The Thomson Reuters Trust Principles.", "site-chrome")]
    [InlineData("Image copyright AFP", "photo-credit")]
    [InlineData("search domain-b", "site-chrome")]
    [InlineData("Advertisement", "site-chrome")]
    [InlineData("Skip to content", "site-chrome")]
    [InlineData("Related Articles", "site-chrome")]
    [InlineData("Tags: Syria, Raqqa, ISIS", "site-chrome")]
    [InlineData("Copyright 2017 The Associated Press. All rights reserved.", "site-chrome")]
    [InlineData("To read the entire article Deutsche Welle click here:", "link-out")]
    [InlineData("Read more: IS loses Mayadeen", "link-out")]
    [InlineData("Read the full story on BBC", "link-out")]
    [InlineData("This article was originally published by DW.", "link-out")]
    [InlineData("Photo courtesy Wikipedia", "photo-credit")]
    [InlineData("Photo: AFP", "photo-credit")]
    [InlineData("REUTERS/Erik De Castro", "photo-credit")]
    [InlineData("Delil Souleiman/AFP/Getty Images", "photo-credit")]
    [InlineData("a", "fragment")]
    [InlineData("IS", "fragment")]
    public void Read_FurnitureLine_IsMarkedWithItsReason(string line, string reason)
    {
        ArticleFacts facts = Read("IS fighters leave Raqqa\n\n" + Lede + "\n\n" + line + "\n\n" + Lede.Replace("Raqqa", "Raqa", StringComparison.Ordinal));

        Assert.Equal([new BoilerplateLine(5, line, reason)], facts.Boilerplate);
    }

    [Theory]
    [InlineData("Fight or surrender")]
    [InlineData("String of losses for IS")]
    [InlineData("\"This is a local solution,\" he said.")]
    [InlineData("The comments by the coalition spokesman drew criticism from rights groups.")]
    [InlineData("Share of the city held by the SDF rose to 90 percent.")]
    [InlineData("Photographs showed a convoy of buses leaving the city.")]
    [InlineData("Pictures show the damage in Raqqa.")]
    [InlineData("Search operations continued in the old city on Monday.")]
    [InlineData("Home to 300,000 people before the war, Raqqa is now in ruins.")]
    [InlineData("Close to 8,000 civilians remain.")]
    [InlineData("Civilians and Civil Defence members work at a site hit by what activists said were airstrikes \u2013 Reuters")]
    [InlineData("15 October, 2017")]
    public void Read_ArticleLine_IsNotMarked(string line)
    {
        Assert.Empty(Read("IS fighters leave Raqqa\n\n" + Lede + "\n\n" + line).Boilerplate);
    }

    [Fact]
    public void Read_LaterExactRepeat_IsMarkedRepeatedButTheFirstIsKept()
    {
        const string caption = "An armoured vehicle is seen along a road at the frontline in Raqqa.";
        ArticleFacts facts = Read($"IS fighters leave Raqqa\n{caption}\n{Lede}\n{caption}\nIS fighters leave Raqqa");

        Assert.Equal([(4, "repeated"), (5, "repeated")], Marks(facts));
        Assert.Equal("IS fighters leave Raqqa", facts.Title);
    }

    [Fact]
    public void Read_RepeatDifferingOnlyInSpacing_IsMarkedRepeated()
    {
        ArticleFacts facts = Read("IS fighters leave Raqqa\n" + Lede + "\nIS  fighters leave\u00A0Raqqa  ");

        Assert.Equal([(3, "repeated")], Marks(facts));
    }

    [Fact]
    public void Read_LoneCountBesideCommentsWidget_IsMarkedAsComments()
    {
        ArticleFacts facts = Read("IS fighters leave Raqqa\n\n" + Lede + "\n\nComments\n\n12\n\nLeave a Comment");

        Assert.Equal([(5, "comments"), (7, "comments"), (9, "comments")], Marks(facts));
    }

    [Fact]
    public void Read_ByLabelAboveAuthor_IsKeptButStrayByIsMarked()
    {
        ArticleFacts facts = Read("IS fighters leave Raqqa\n\nBY\nJane Doe\n\n" + Lede + "\n\nBY");

        Assert.Equal([(8, "byline")], Marks(facts));
    }

    [Fact]
    public void Read_LineNumbers_CountEveryRawLineWithCarriageReturnsTrimmed()
    {
        ArticleFacts facts = Read("IS fighters leave Raqqa\r\n\r\n2 min read\r\n\r\n" + Lede + "\r\n");

        Assert.Equal([new BoilerplateLine(3, "2 min read", "read-time")], facts.Boilerplate);
    }

    // ------------------------------------------------------------ contract and robustness

    [Fact]
    public void Read_SameTextTwice_GivesTheSameFacts()
    {
        string text = File.ReadAllText(Directory.GetFiles(RepoPaths.Seeds, "002_*.txt").Single());

        ArticleFacts first = Read(text);
        ArticleFacts second = Read(text);

        Assert.Equal(first.Title, second.Title);
        Assert.Equal(first.Published, second.Published);
        Assert.Equal(first.Dateline, second.Dateline);
        Assert.Equal(first.Agencies, second.Agencies);
        Assert.Equal(first.Boilerplate, second.Boilerplate);
    }

    [Fact]
    public void Read_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ArticleReader.Read(null!, ArticleReadingOptions.Default));
        Assert.Throws<ArgumentNullException>(() => ArticleReader.Read("text", null!));
    }

    [Fact]
    public void Read_EmptyText_GivesEmptyFacts()
    {
        ArticleFacts facts = Read("");

        Assert.Null(facts.Title);
        Assert.Equal(DateBasis.Unknown, facts.Published.Basis);
        Assert.Null(facts.Dateline);
        Assert.Empty(facts.Agencies);
        Assert.Empty(facts.Boilerplate);
    }

    // Catastrophic backtracking would hang here; the timeout turns that into a failure.
    [Fact(Timeout = 60_000)]
    public async Task Read_PathologicalLines_Finish()
    {
        // Long runs that could make a careless pattern backtrack: capitals, digits, dashes, dates.
        string[] lines =
        [
            new string('A', 200_000),
            string.Join(' ', Enumerable.Repeat("RAQQA", 40_000)) + " x",
            string.Concat(Enumerable.Repeat("15 October ", 20_000)),
            new string('1', 100_000) + "/" + new string('2', 100_000),
            string.Concat(Enumerable.Repeat("- ", 100_000)),
            string.Concat(Enumerable.Repeat("Sunday, ", 20_000)),
        ];

        await Task.Run(() =>
        {
            foreach (string line in lines)
            {
                Assert.NotNull(Read(line + "\n" + line + "\n" + Lede));
            }
        }, TestContext.Current.CancellationToken);
    }
}
