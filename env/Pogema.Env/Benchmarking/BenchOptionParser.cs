namespace Pogema.Env.Benchmarking;

/// <summary>Parses the <c>pogema bench</c> option values that pick which runs are measured.</summary>
public static class BenchOptionParser
{
    /// <summary>A <c>--scaling</c> value: <c>fixed</c>, <c>per-thread</c> or <c>both</c>.</summary>
    /// <exception cref="PogemaInputException">Any other value.</exception>
    public static BenchScaling Scaling(string value) => value switch
    {
        "fixed" => BenchScaling.Fixed,
        "per-thread" => BenchScaling.PerThread,
        "both" => BenchScaling.Both,
        _ => throw new PogemaInputException($"--scaling '{value}': allowed fixed (same envs on all threads), per-thread (threads x the envs) or both"),
    };
}
