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

    /// <summary>
    /// A <c>--streaming-stores</c> value: <c>on</c>, <c>off</c> or <c>both</c>; the values of
    /// <see cref="Vector.VectorEnvOptions.StreamingObservationStores"/> to measure, in report order.
    /// </summary>
    /// <exception cref="PogemaInputException">Any other value.</exception>
    public static IReadOnlyList<bool> StreamingStores(string value) => value switch
    {
        "on" => [true],
        "off" => [false],
        "both" => [false, true],
        _ => throw new PogemaInputException($"--streaming-stores '{value}': allowed on, off or both"),
    };
}
