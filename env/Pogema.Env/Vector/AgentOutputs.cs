namespace Pogema.Env.Vector;

/// <summary>
/// Per-agent results (rewards and flags): one per slice of environments, written there while the slice is stepped
/// and copied once at its end into the vector env's own, which holds every agent's. A slice of a few small
/// environments owns only a cache line or two of each shared flag array, the lines its neighbours write too; writing
/// them once per step instead of once per environment keeps those lines from bouncing between cores.
/// </summary>
internal sealed class AgentOutputs
{
    public AgentOutputs(int firstAgent, int agents)
    {
        FirstAgent = firstAgent;
        Rewards = new float[agents];
        Terminated = new bool[agents];
        Truncated = new bool[agents];
        Active = new bool[agents];
        EpisodeStarted = new bool[agents];
        DistanceToGoal = new int[agents];
        MadePathProgress = new bool[agents];
        DistanceToGoal.AsSpan().Fill(DistanceField.Unreachable);
    }

    /// <summary>Index in the vector env of this worker's first agent.</summary>
    public int FirstAgent { get; }

    public float[] Rewards { get; }

    public bool[] Terminated { get; }

    public bool[] Truncated { get; }

    public bool[] Active { get; }

    public bool[] EpisodeStarted { get; }

    public int[] DistanceToGoal { get; }

    public bool[] MadePathProgress { get; }

    /// <summary>Copies every result into <paramref name="all"/> (every agent's) at this slice's agents.</summary>
    public void CopyTo(AgentOutputs all)
    {
        int first = FirstAgent;
        Rewards.CopyTo(all.Rewards.AsSpan(first));
        Terminated.CopyTo(all.Terminated.AsSpan(first));
        Truncated.CopyTo(all.Truncated.AsSpan(first));
        Active.CopyTo(all.Active.AsSpan(first));
        EpisodeStarted.CopyTo(all.EpisodeStarted.AsSpan(first));
        DistanceToGoal.CopyTo(all.DistanceToGoal.AsSpan(first));
        MadePathProgress.CopyTo(all.MadePathProgress.AsSpan(first));
    }
}
