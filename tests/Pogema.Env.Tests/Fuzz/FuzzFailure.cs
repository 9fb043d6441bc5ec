namespace Pogema.Env.Tests.Fuzz;

/// <summary>An input that broke the input contract: the kind, its index in the run, what went wrong and the input.</summary>
internal sealed class FuzzFailure(string kind, int index, string problem, string input)
    : Exception($"{kind} input #{index} (seed {FuzzRun.Seed}): {problem}\n--- input ---\n{input}");
