namespace Pogema.Env.Vector;

/// <summary>Which observation <see cref="VectorEnv"/> writes for every agent.</summary>
public enum ObservationPreset
{
    /// <summary>
    /// POGEMA's <c>default</c> observation, 3 channels of 0/1: obstacles, active agents (itself included), its goal
    /// projected onto the window border when far. Identical to <see cref="PogemaEnv.WriteObservation"/>.
    /// </summary>
    Pogema,

    /// <summary>
    /// SRMT's Follower-style observation, 3 channels: obstacles as -1 with the agent's own shortest path to its goal
    /// as +1 (from its cell until the path leaves the window), active agents (itself included), and the goals of the
    /// other agents (its own goal cell removed).
    /// </summary>
    Follower,
}
