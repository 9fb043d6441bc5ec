namespace Pogema.Env;

/// <summary>The observation format (POGEMA's <c>observation_type</c>).</summary>
public enum ObservationType
{
    /// <summary><c>default</c>: 3 channels (obstacles, agents, goal) of (2r+1) x (2r+1) per agent.</summary>
    Default,

    /// <summary><c>POMAPF</c>: obstacle and agent windows plus position and goal relative to the start.</summary>
    POMAPF,

    /// <summary><c>MAPF</c>: POMAPF plus the whole padded obstacle grid and absolute padded positions.</summary>
    MAPF,
}
