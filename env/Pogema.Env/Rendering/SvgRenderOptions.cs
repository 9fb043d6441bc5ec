namespace Pogema.Env.Rendering;

/// <summary>What <see cref="SvgAnimationRenderer"/> draws.</summary>
public sealed class SvgRenderOptions
{
    /// <summary>Draw grid lines between cells.</summary>
    public bool ShowGrid { get; init; } = true;

    /// <summary>
    /// Follow this agent: it is drawn in the ego colour with its field of view, other agents and obstacles it has
    /// not seen are shaded, and only its target is shown. Null for the global view.
    /// </summary>
    public int? EgocentricAgent { get; init; }

    /// <summary>Draw one still frame (0 = after reset, t = after step t) instead of the animation.</summary>
    public int? StaticFrame { get; init; }

    /// <summary>Seconds per environment step in the animation.</summary>
    public double SecondsPerStep { get; init; } = 0.25;
}
