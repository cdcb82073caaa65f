namespace RaqqaLedger.Storage;

/// <summary>The numbered schema scripts embedded in this assembly, in order.</summary>
internal static class SqlScripts
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> For(string engine)
    {
        var assembly = typeof(SqlScripts).Assembly;
        var prefix = $"{assembly.GetName().Name}.Sql.{engine}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (Version: int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture), Name: name, Sql: reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }
}
