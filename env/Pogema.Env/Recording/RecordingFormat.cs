namespace Pogema.Env.Recording;

/// <summary>
/// Constants of the episode recording file format.
/// </summary>
/// <remarks>
/// A recording is one episode in one file: a sequence of MessagePack values written one after another,
/// <list type="number">
/// <item>the magic array <c>["pogema-recording", version]</c>;</item>
/// <item>the header map (config, map rows, policy, seed, starts and targets after reset);</item>
/// <item>one array per step, <c>[1, actions, positions, targets, rewards, active, terminated, truncated]</c>;</item>
/// <item>the footer array <c>[2, step_count, metrics map or nil]</c>;</item>
/// <item>a CRC-32 (uint32) of every byte before it, so a flipped bit anywhere is detected.</item>
/// </list>
/// Positions and targets are unpadded <c>row, col</c> pairs, flattened per agent.
/// </remarks>
public static class RecordingFormat
{
    /// <summary>The string that opens every recording.</summary>
    public const string Magic = "pogema-recording";

    /// <summary>The version this build writes and the newest it reads.</summary>
    public const int Version = 1;

    /// <summary>The file extension used by <c>--record</c>.</summary>
    public const string Extension = ".pogrec";

    internal const int StepKind = 1;
    internal const int FooterKind = 2;
}
