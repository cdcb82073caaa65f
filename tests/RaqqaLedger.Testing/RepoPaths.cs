namespace RaqqaLedger.Testing;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries holding RaqqaLedger.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RaqqaLedger.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("RaqqaLedger.sln not found above " + AppContext.BaseDirectory);
    }
}
