namespace Pogema.Env;

/// <summary>How simultaneous moves that conflict are resolved (POGEMA's <c>collision_system</c>).</summary>
public enum CollisionSystem
{
    /// <summary><c>priority</c>: agents move one by one in index order; the lower index wins.</summary>
    Priority,

    /// <summary><c>block_both</c>: occupied cells and cells wanted by two agents are blocked for everyone.</summary>
    BlockBoth,

    /// <summary><c>soft</c>: claims resolved together; swaps block both, following and rotations succeed.</summary>
    Soft,
}
