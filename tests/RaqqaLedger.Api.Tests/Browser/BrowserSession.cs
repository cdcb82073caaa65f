using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using RaqqaLedger.Testing;

namespace RaqqaLedger.Api.Tests.Browser;

/// <summary>
/// The real API in a child process and a headless Chromium driven by chromedriver, both started once
/// for a test class. Selenium gets explicit paths to both binaries, so Selenium Manager never tries to
/// download anything.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private ApiProcess? api;
    private ChromeDriverService? service;
    private ChromeDriver? driver;
    private string? profile;

    public ApiProcess Api => api ?? throw new InvalidOperationException("the session is not started");

    public ChromeDriver Driver => driver ?? throw new InvalidOperationException("the session is not started");

    /// <summary>Where screenshots are kept: artifacts/browser/ at the repository root.</summary>
    public static string ArtifactsDirectory => Path.Combine(RepoPaths.Root, "artifacts", "browser");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var browser = Chromium.EnsureAsync(Log, cancellationToken);
        var starting = ApiProcess.StartAsync(cancellationToken);
        try
        {
            var (chromium, chromedriver) = await browser;
            api = await starting;
            Log($"API at {api.BaseAddress}; browser {chromium}, driver {chromedriver}");

            service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
            service.HideCommandPromptWindow = true;
            service.SuppressInitialDiagnosticInformation = true;
            profile = Path.Combine(Path.GetTempPath(), "raqqa-browser-profile-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(profile);
            var options = new ChromeOptions { BinaryLocation = chromium };
            options.AddArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--lang=en-US", "--window-size=1400,1000", $"--user-data-dir={profile}");
            options.SetLoggingPreference(LogType.Browser, LogLevel.All);
            driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        }
        catch
        {
            // Whatever started must stop even though the test fails here.
            if (api is null)
            {
                try
                {
                    api = await starting;
                }
                catch (InvalidOperationException)
                {
                    // the API failed too; the first failure is the one reported
                }
                catch (OperationCanceledException)
                {
                }
            }
            await DisposeAsync();
            throw;
        }
    }

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        // The whole page, not just the first screenful: make the window as tall as the document.
        var height = Number("return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)");
        Driver.Manage().Window.Size = new System.Drawing.Size(1400, Math.Clamp(height, 600, 8000));
        Driver.GetScreenshot().SaveAsFile(path);
        Log($"screenshot: {path}");
        return path;
    }

    private int Number(string script) => Convert.ToInt32(Driver.ExecuteScript(script), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One element only, at the size it is drawn: a close look at a chart or the details panel.</summary>
    public string Screenshot(string name, IWebElement element)
    {
        Directory.CreateDirectory(ArtifactsDirectory);
        var path = Path.Combine(ArtifactsDirectory, name + ".png");
        ((ITakesScreenshot)element).GetScreenshot().SaveAsFile(path);
        Log($"screenshot: {path}");
        return path;
    }

    public static void Log(string message)
    {
        TestContext.Current.SendDiagnosticMessage(message);
        TestContext.Current.TestOutputHelper?.WriteLine(message);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            driver?.Quit();
        }
        catch (WebDriverException)
        {
            // the browser is already gone
        }
        driver?.Dispose();
        service?.Dispose();
        if (api is not null)
            await api.DisposeAsync();
        if (profile is not null)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        driver = null;
        service = null;
        api = null;
        profile = null;
    }
}
