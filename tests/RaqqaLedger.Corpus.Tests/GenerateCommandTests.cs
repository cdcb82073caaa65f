using RaqqaLedger.Application.Evaluation;

namespace RaqqaLedger.Corpus.Tests;

/// <summary>generate as a user runs it: what it writes, what it refuses, what it reports.</summary>
public class GenerateCommandTests
{
    [Fact]
    public async Task Generate_WritesNArticlesAndAGoldFileThatNamesThem()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("corpus");

        var result = await CliRunner.RunAsync(temp.Path, "generate", "--articles", "40", "--seed", "3", "--out", output);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error); // no progress lines for a short run
        Assert.StartsWith("wrote 40 articles (", result.Out);
        var files = Directory.GetFiles(Path.Combine(output, "articles")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"{i:D6}.txt"), files);
        var gold = GoldFile.Parse(await File.ReadAllTextAsync(Path.Combine(output, "gold.json")), "gold.json");
        Assert.Equal(files, gold.Articles.Select(a => a.File));
        Assert.All(gold.Articles, a =>
        {
            var text = File.ReadAllText(Path.Combine(output, "articles", a.File));
            Assert.NotEmpty(a.Claims);
            Assert.All(a.Claims, c => Assert.Contains(c.Quote!, text));
        });
    }

    [Fact]
    public async Task Generate_SameArguments_WriteByteIdenticalFolders_AnotherSeedDoesNot()
    {
        using var temp = new TempFolder();
        string[] Run(string name, int seed)
        {
            var folder = temp.Combine(name);
            var result = CliRunner.RunAsync(temp.Path, "generate", "--articles", "60", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder).Result;
            Assert.True(result.ExitCode == 0, result.Error);
            return [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        }

        var a = Run("a", 12);
        var b = Run("b", 12);
        var c = Run("c", 13);

        Assert.Equal(61, a.Length);
        Assert.All(a.Zip(b), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(temp.Path, "a", "gold.json")), File.ReadAllBytes(Path.Combine(temp.Path, "c", "gold.json")));
        Assert.NotEqual(File.ReadAllBytes(a[1]), File.ReadAllBytes(c[1]));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Generate_AnOutFolderThatIsNotEmpty_IsRefusedAndLeftAlone()
    {
        using var temp = new TempFolder();
        var output = temp.Combine("taken");
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "notes.txt"), "mine");

        var result = await CliRunner.RunAsync(temp.Path, "generate", "--articles", "5", "--out", output);

        AssertRefused(result, "not empty");
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(output, "notes.txt")));
    }

    [Fact]
    public async Task Generate_IntoAnEmptyExistingFolder_Works()
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync(temp.Path, "generate", "--articles", "3", "--out", temp.Path);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(3, Directory.GetFiles(temp.Combine("articles")).Length);
    }

    [Theory]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "-4")]
    [InlineData("--articles", "ten")]
    [InlineData("--articles", "20000000")]
    [InlineData("--articles", "5", "--seed", "x")]
    [InlineData("--seed", "5")]
    [InlineData("--articles", "5", "--out")]
    public async Task Generate_BadArguments_AreRefusedInOneLine_AndWriteNothing(params string[] args)
    {
        using var temp = new TempFolder();
        var output = temp.Combine("corpus");
        string[] withOut = args.Contains("--out") ? args : [.. args, "--out", output];

        var result = await CliRunner.RunAsync(temp.Path, ["generate", .. withOut]);

        AssertRefused(result);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Generate_OutIsAFile_IsRefused()
    {
        using var temp = new TempFolder();
        var file = temp.Combine("file.txt");
        await File.WriteAllTextAsync(file, "x");

        AssertRefused(await CliRunner.RunAsync(temp.Path, "generate", "--articles", "5", "--out", file), "is a file");
    }

    [Fact]
    public async Task Generate_ALongRun_PrintsAProgressLineEveryTenth()
    {
        using var temp = new TempFolder();

        var result = await CliRunner.RunAsync(temp.Path, "generate", "--articles", "10000", "--seed", "2", "--out", temp.Combine("big"));

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Equal(10, lines.Length);
        Assert.Equal("generate: 1,000 of 10,000 articles (10%)", lines[0]);
        Assert.Equal("generate: 10,000 of 10,000 articles (100%)", lines[^1]);
    }

    private static void AssertRefused(CliResult result, string expected = "error: ")
    {
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }
}
