namespace Pogema.Env.Benchmarking;

/// <summary>A configuration, preset and vector env setup of <c>pogema bench</c> on one thread and on all cores.</summary>
/// <param name="OneThread">The single-thread run (of the same store mode).</param>
/// <param name="SameEnvs">The all-core run on the same environments (strong scaling), or null when not measured.</param>
/// <param name="SameWorkPerThread">The all-core run on threads x the environments (weak scaling), or null when not measured.</param>
/// <param name="IndependentCopies">Threads independent copies of the single-thread run (the machine's ceiling), or null when not measured.</param>
public sealed record BenchSummaryLine(BenchRow OneThread, BenchRow? SameEnvs, BenchRow? SameWorkPerThread, BenchRow? IndependentCopies);
