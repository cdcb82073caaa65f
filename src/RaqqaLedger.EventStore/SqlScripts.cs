using System.Data.Common;

namespace RaqqaLedger.EventStore;

/// <summary>The numbered schema scripts embedded in this assembly, in order, and the runner that applies them.</summary>
internal static class SqlScripts
{
    /// <summary>
    /// Applies, inside the caller's transaction, each script of <paramref name="engine"/> not yet recorded
    /// in schema_migrations (which <paramref name="createMigrationsTable"/> creates if missing).
    /// </summary>
    public static async Task MigrateAsync(DbConnection connection, DbTransaction tx, string engine, string createMigrationsTable, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, tx, createMigrationsTable, cancellationToken);
        var applied = new HashSet<long>();
        await using (var cmd = Command(connection, tx, "SELECT version FROM schema_migrations"))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                applied.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var (version, name, sql) in For(engine).Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteAsync(connection, tx, sql, cancellationToken);
            await using var record = Command(connection, tx, "INSERT INTO schema_migrations (version, name) VALUES (@version, @name)");
            AddParameter(record, "@version", version);
            AddParameter(record, "@name", name);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var cmd = Command(connection, tx, sql);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        cmd.Parameters.Add(parameter);
    }

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
