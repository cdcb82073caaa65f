using System.Diagnostics;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace RaqqaLedger.Api.Tests.Browser;

/// <summary>
/// The web page in a real headless Chromium against the real API over HTTP: the as-of date re-queries
/// the API and the charts show what had been published by then; a point opens its report.
/// Screenshots of each state are kept under artifacts/browser/.
/// </summary>
public sealed class TimelinePageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const string Disputed = "foreign_fighters.departed";

    private IWebDriver Driver => session.Driver;

    [Fact]
    public async Task Page_AsOfThe14th_NoDatedPoints_UndatedListed_AsOfThe15th_DisputedTopic_ClickAPoint_ShowsItsReport()
    {
        var clock = Stopwatch.StartNew();
        var cancellationToken = TestContext.Current.CancellationToken;
        using var http = new HttpClient { BaseAddress = session.Api.BaseAddress };
        var topics = (await GetJsonAsync(http, "/timeline", cancellationToken)).EnumerateArray().Select(t => t.GetProperty("topic").GetString()!).ToList();
        var board14 = await GetJsonAsync(http, "/claims?asOf=2017-10-14", cancellationToken);
        var board15 = await GetJsonAsync(http, "/claims?asOf=2017-10-15", cancellationToken);
        try
        {
            Driver.Navigate().GoToUrl(new Uri(session.Api.BaseAddress, "/"));
            WaitForRender("now");
            Assert.Equal(topics, Sections().Select(s => s.GetDomAttribute("data-topic")));
            Assert.NotEmpty(Points());
            session.Screenshot("1-timeline-now");

            // 14 October: nothing is published yet; seed 003's undated claims are listed apart, never on a day.
            SetAsOf("2017-10-14");
            Assert.Empty(Points());
            Assert.Equal(topics, Sections().Select(s => s.GetDomAttribute("data-topic")));
            Assert.All(Sections(), s => Assert.Equal("0", s.GetDomAttribute("data-points")));
            Assert.Equal("none", Section(Disputed).GetDomAttribute("data-status"));
            var undated = Driver.FindElements(By.CssSelector("#undated li.undated-claim"));
            Assert.NotEmpty(undated);
            Assert.All(undated, li => Assert.StartsWith("003_", li.GetDomAttribute("data-source"), StringComparison.Ordinal));
            Assert.Equal(
                board14.GetProperty("undated").EnumerateArray().Select(c => c.GetProperty("claimId").GetString()).Order(StringComparer.Ordinal),
                undated.Select(li => li.GetDomAttribute("data-claim-id")).Order(StringComparer.Ordinal));
            Assert.Contains("14 October 2017", Driver.FindElement(By.Id("status")).Text, StringComparison.Ordinal);
            session.Screenshot("2-timeline-2017-10-14");

            // 15 October: the day's reports are on the chart, exactly the board's dated claims, each topic with the board's status.
            SetAsOf("2017-10-15");
            var points = Points();
            Assert.Contains(points, p => p.GetDomAttribute("data-published") == "2017-10-15");
            Assert.All(points, p => Assert.True(string.CompareOrdinal(p.GetDomAttribute("data-published"), "2017-10-15") <= 0, p.GetDomAttribute("data-published")));
            var boardTopics = board15.GetProperty("topics").EnumerateArray().ToList();
            Assert.Equal(
                boardTopics.SelectMany(t => t.GetProperty("claims").EnumerateArray()).Select(c => c.GetProperty("claimId").GetString()).Order(StringComparer.Ordinal),
                points.Select(p => p.GetDomAttribute("data-claim-id")).Order(StringComparer.Ordinal));
            foreach (var topic in boardTopics)
                Assert.Equal(topic.GetProperty("status").GetString(), Section(topic.GetProperty("topic").GetString()!).GetDomAttribute("data-status"));

            // foreign_fighters.departed is disputed: Omar Alloush said yes, Mostafa Bali no, and Bali's point is ringed red.
            var section = Section(Disputed);
            Assert.Equal("disputed", section.GetDomAttribute("data-status"));
            Assert.Equal("disputed", section.FindElement(By.CssSelector("h3 .badge")).Text);
            var alloush = section.FindElements(By.CssSelector("circle.point[data-speaker='Omar Alloush']"));
            var bali = section.FindElements(By.CssSelector("circle.point[data-speaker='Mostafa Bali']"));
            Assert.NotEmpty(alloush);
            Assert.Single(bali);
            Assert.Equal("true", alloush[0].GetDomAttribute("data-value"));
            Assert.Equal("false", bali[0].GetDomAttribute("data-value"));
            Assert.Contains("contradiction", bali[0].GetDomAttribute("data-shifts"), StringComparison.Ordinal);
            Assert.Contains("disputed", bali[0].GetDomAttribute("class"), StringComparison.Ordinal);
            Assert.NotEmpty(section.FindElements(By.CssSelector("circle.dispute-ring")));
            session.Screenshot("3-timeline-2017-10-15");

            // Clicking Bali's point shows his report: quote, speaker, article, publication day.
            var baliId = bali[0].GetDomAttribute("data-claim-id")!;
            var baliClaim = boardTopics.SelectMany(t => t.GetProperty("claims").EnumerateArray()).Single(c => c.GetProperty("claimId").GetString() == baliId);
            bali[0].Click();
            WaitForDetails(baliId);
            Assert.Equal(baliClaim.GetProperty("quote").GetString(), Driver.FindElement(By.Id("detail-quote")).Text);
            Assert.Contains("Mostafa Bali", Driver.FindElement(By.Id("detail-speaker")).Text, StringComparison.Ordinal);
            Assert.Equal("no", Driver.FindElement(By.Id("detail-value")).Text);
            Assert.Equal(baliClaim.GetProperty("source").GetString(), Driver.FindElement(By.Id("detail-source")).Text);
            Assert.Equal(baliClaim.GetProperty("articleId").GetString(), Driver.FindElement(By.Id("detail-article")).Text);
            Assert.StartsWith("15 October 2017", Driver.FindElement(By.Id("detail-published")).Text, StringComparison.Ordinal);
            Assert.Contains("selected", bali[0].GetDomAttribute("class"), StringComparison.Ordinal);
            session.Screenshot("4-timeline-2017-10-15-details");
            session.Screenshot("5-foreign-fighters-departed-2017-10-15", section);
            session.Screenshot("6-details-2017-10-15", Driver.FindElement(By.Id("details")));

            // An undated report opens the same way and says its date is unknown.
            var first = Driver.FindElement(By.CssSelector("#undated li.undated-claim button"));
            var firstId = first.GetDomAttribute("data-claim-id")!;
            first.Click();
            WaitForDetails(firstId);
            Assert.Equal("unknown", Driver.FindElement(By.Id("detail-published")).Text);
            Assert.NotEmpty(Driver.FindElement(By.Id("detail-quote")).Text);

            AssertNoConsoleErrors();
        }
        catch
        {
            try
            {
                session.Screenshot("failure");
            }
            catch (WebDriverException)
            {
                // no picture of a browser that is gone; the failure itself is what matters
            }
            throw;
        }
        BrowserSession.Log($"browser test body took {clock.Elapsed.TotalSeconds:F1} s");
    }

    private IReadOnlyCollection<IWebElement> Points() => Driver.FindElements(By.CssSelector("#topics circle.point"));

    private IReadOnlyCollection<IWebElement> Sections() => Driver.FindElements(By.CssSelector("#topics section.topic"));

    private IWebElement Section(string topic) => Driver.FindElement(By.CssSelector($"#topics section.topic[data-topic='{topic}']"));

    /// <summary>Sets the date as a user's pick does (a value and a change event): the page re-queries the API.</summary>
    private void SetAsOf(string day)
    {
        ((IJavaScriptExecutor)Driver).ExecuteScript(
            "const input = document.getElementById('as-of'); input.value = arguments[0]; input.dispatchEvent(new Event('change', { bubbles: true }));", day);
        WaitForRender(day);
        Assert.Equal(day, Driver.FindElement(By.Id("as-of")).GetDomProperty("value"));
    }

    /// <summary>Until the page has drawn what the API answered for this date (body data-loaded-as-of); an error on the page fails at once.</summary>
    private void WaitForRender(string asOf)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(30));
        wait.Until(d =>
        {
            var body = d.FindElement(By.TagName("body"));
            if (body.GetDomAttribute("data-state") == "error")
                throw new InvalidOperationException($"the page shows an error: {d.FindElement(By.Id("status")).Text}");
            return body.GetDomAttribute("data-loaded-as-of") == asOf;
        });
    }

    private void WaitForDetails(string claimId) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElement(By.Id("details")).GetDomAttribute("data-claim-id") == claimId);

    private void AssertNoConsoleErrors()
    {
        var errors = Driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Severe).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, "errors in the browser console:\n" + string.Join('\n', errors));
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
