[assembly: AssemblyFixture(typeof(RaqqaLedger.Testing.PostgresCluster))]
