namespace Pogema.Env.Benchmarking;

/// <summary>A configuration and preset of <c>pogema bench</c> on one thread and on all cores.</summary>
/// <param name="OneThread">The single-thread run.</param>
/// <param name="AllCores">The all-core run, or null when only one thread was measured.</param>
public sealed record BenchSummaryLine(BenchRow OneThread, BenchRow? AllCores);
