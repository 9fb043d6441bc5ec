namespace Pogema.Env.Benchmarking;

/// <summary>A configuration, preset and store mode of <c>pogema bench</c> on one thread and on all cores.</summary>
/// <param name="OneThread">The single-thread run.</param>
/// <param name="SameEnvs">The all-core run on the same environments (strong scaling), or null when not measured.</param>
/// <param name="SameWorkPerThread">The all-core run on threads x the environments (weak scaling), or null when not measured.</param>
public sealed record BenchSummaryLine(BenchRow OneThread, BenchRow? SameEnvs, BenchRow? SameWorkPerThread);
