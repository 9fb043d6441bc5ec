namespace Pogema.Env;

/// <summary>How the starts and goals of a task are chosen on every reset.</summary>
internal enum PlacementKind
{
    /// <summary>Explicit <c>agents_xy</c>/<c>targets_xy</c> or map letters.</summary>
    Explicit,

    /// <summary>Shuffled start and goal pools.</summary>
    Pools,

    /// <summary>Random pairs in one connected component.</summary>
    Random,
}
