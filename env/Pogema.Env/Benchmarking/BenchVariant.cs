using Pogema.Env.Vector;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// What the vector env computes in a <c>pogema bench</c> run: the observation preset and whether distances to the
/// goals are tracked. Only <see cref="Pogema"/> does the work POGEMA does, so it is the row to compare with POGEMA.
/// </summary>
/// <param name="Name">The name used on the command line and in reports.</param>
/// <param name="Observation">The observation preset.</param>
/// <param name="TrackDistances"><see cref="VectorEnvOptions.TrackDistances"/>.</param>
public sealed record BenchVariant(string Name, ObservationPreset Observation, bool TrackDistances)
{
    /// <summary>POGEMA's observation and nothing else (no distance fields): the same work as POGEMA.</summary>
    public static BenchVariant Pogema { get; } = new("pogema", ObservationPreset.Pogema, false);

    /// <summary>POGEMA's observation plus <c>DistanceToGoal</c>/<c>MadePathProgress</c> (a BFS field per goal), as a shaped reward needs.</summary>
    public static BenchVariant PogemaDistances { get; } = new("pogema+distances", ObservationPreset.Pogema, true);

    /// <summary>SRMT's follower observation with distances and progress, as training with it runs.</summary>
    public static BenchVariant Follower { get; } = new("follower", ObservationPreset.Follower, true);

    /// <summary>Every variant, in report order.</summary>
    public static IReadOnlyList<BenchVariant> All { get; } = [Pogema, PogemaDistances, Follower];

    /// <summary>
    /// The variants named by a <c>--preset</c> value: a variant's name, <c>distances</c> for
    /// <see cref="PogemaDistances"/>, or <c>all</c>.
    /// </summary>
    /// <exception cref="PogemaInputException">The value names no variant.</exception>
    public static IReadOnlyList<BenchVariant> Parse(string value) => value switch
    {
        "all" => All,
        "pogema" => [Pogema],
        "distances" or "pogema+distances" => [PogemaDistances],
        "follower" => [Follower],
        _ => throw new PogemaInputException($"--preset '{value}': allowed pogema, distances (pogema+distances), follower or all"),
    };
}
