namespace Pogema.Env;

/// <summary>What happens when an agent reaches its goal (POGEMA's <c>on_target</c>).</summary>
public enum OnTarget
{
    /// <summary><c>finish</c>: the agent is rewarded, terminated and hidden.</summary>
    Finish,

    /// <summary><c>nothing</c>: agents stay; the episode is solved when all stand on their goals at once.</summary>
    Nothing,

    /// <summary><c>restart</c>: lifelong MAPF; the agent gets a new goal at once.</summary>
    Restart,
}
