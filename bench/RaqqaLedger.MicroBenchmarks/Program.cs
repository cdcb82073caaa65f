using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Results land in artifacts/benchmarkdotnet under the current folder (ignored by git), not in
// BenchmarkDotNet.Artifacts. Without a --job of its own a run uses the short job: a few minutes for all.
var config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine("artifacts", "benchmarkdotnet"));
if (!args.Any(a => a is "--job" or "-j"))
    config = config.AddJob(Job.ShortRun);
BenchmarkSwitcher.FromAssembly(typeof(RaqqaLedger.MicroBenchmarks.Seeds).Assembly).Run(args, config);
