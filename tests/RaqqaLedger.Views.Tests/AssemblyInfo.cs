using RaqqaLedger.Testing;

[assembly: AssemblyFixture(typeof(PostgresCluster))]
