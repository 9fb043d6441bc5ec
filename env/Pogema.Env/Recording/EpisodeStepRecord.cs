namespace Pogema.Env.Recording;

/// <summary>One recorded step: the actions chosen and the state after the environment applied them.</summary>
public sealed class EpisodeStepRecord
{
    /// <summary>Action per agent, 0..4.</summary>
    public required int[] Actions { get; init; }

    /// <summary>Positions after the step, unpadded <c>row, col</c> per agent; a hidden agent keeps its last cell.</summary>
    public required int[] Positions { get; init; }

    /// <summary>Targets after the step (lifelong goals already replaced), <c>row, col</c> per agent.</summary>
    public required int[] Targets { get; init; }

    /// <summary>Reward per agent.</summary>
    public required float[] Rewards { get; init; }

    /// <summary>Whether each agent is still on the grid.</summary>
    public required bool[] Active { get; init; }

    /// <summary>Terminated flag per agent.</summary>
    public required bool[] Terminated { get; init; }

    /// <summary>Truncated flag per agent.</summary>
    public required bool[] Truncated { get; init; }
}
