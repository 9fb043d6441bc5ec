namespace Pogema.Env.Vector;

/// <summary>
/// The per-agent results of one worker's environments (rewards and flags), written there while the worker steps and
/// copied into the vector env's shared arrays once at the end. A worker of a few small environments owns only a
/// cache line or two of each shared flag array, the lines its neighbours write too; writing them once per step
/// instead of once per environment keeps those lines from bouncing between cores.
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

    /// <summary>Copies every result into the shared arrays at this worker's agents.</summary>
    public void CopyTo(VectorEnv env)
    {
        int first = FirstAgent;
        Rewards.CopyTo(env.Rewards.AsSpan(first));
        Terminated.CopyTo(env.Terminated.AsSpan(first));
        Truncated.CopyTo(env.Truncated.AsSpan(first));
        Active.CopyTo(env.Active.AsSpan(first));
        EpisodeStarted.CopyTo(env.EpisodeStarted.AsSpan(first));
        DistanceToGoal.CopyTo(env.DistanceToGoal.AsSpan(first));
        MadePathProgress.CopyTo(env.MadePathProgress.AsSpan(first));
    }
}
