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
    public static IReadOnlyList<bool> StreamingStores(string value) => Choice(value, "--streaming-stores", "on", "off", "on, off or both");

    /// <summary>A <c>--pin</c> value: <c>on</c>, <c>off</c> or <c>both</c>; the pinnings to measure, in report order.</summary>
    /// <exception cref="PogemaInputException">Any other value.</exception>
    public static IReadOnlyList<bool> Pin(string value) => Choice(value, "--pin", "on", "off", "on (each worker thread on its own CPU), off or both");

    /// <summary>A <c>--slices</c> value: one or more slice counts per worker 1..4096, comma-separated, in report order.</summary>
    /// <exception cref="PogemaInputException">A value that is not such a list.</exception>
    public static IReadOnlyList<int> SlicesPerWorker(string value) =>
        IntList(value, "--slices", 1, Vector.SliceClaims.MaxSlicesPerWorker, "1,4");

    /// <summary>A <c>--spin-us</c> value: one or more microsecond counts 0..10000, comma-separated, in report order.</summary>
    /// <exception cref="PogemaInputException">A value that is not such a list.</exception>
    public static IReadOnlyList<int> SpinMicroseconds(string value) => IntList(value, "--spin-us", 0, 10_000, "0,50");

    private static List<int> IntList(string value, string option, int min, int max, string example)
    {
        var result = new List<int>();
        foreach (string part in value.Split(','))
        {
            if (!int.TryParse(part.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number) || number < min || number > max)
            {
                throw new PogemaInputException($"{option} '{value}': allowed one or more whole numbers {min}..{max}, comma-separated (e.g. {example})");
            }

            if (!result.Contains(number))
            {
                result.Add(number);
            }
        }

        return result;
    }

    /// <summary>A two-way option with <c>both</c>: [true] for <paramref name="yes"/>, [false] for <paramref name="no"/>, both in that order.</summary>
    private static bool[] Choice(string value, string option, string yes, string no, string allowed) =>
        value == yes ? [true]
        : value == no ? [false]
        : value == "both" ? [false, true]
        : throw new PogemaInputException($"{option} '{value}': allowed {allowed}");
}
