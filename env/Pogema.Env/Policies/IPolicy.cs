namespace Pogema.Env.Policies;

/// <summary>
/// Chooses the actions of every agent of one environment for one episode. A policy is created for each episode by
/// its <see cref="IPolicyFactory"/> right after the environment's reset, is called once per step, and is used by
/// one thread only. Policies that hold unmanaged resources may implement <see cref="IDisposable"/>; the evaluation
/// engine disposes them when the episode ends.
/// </summary>
public interface IPolicy
{
    /// <summary>
    /// Writes one action per agent (0 wait, 1 up, 2 down, 3 left, 4 right) into <paramref name="actions"/> for the
    /// current state of <paramref name="env"/> (positions, targets, active flags, or its observations through
    /// <see cref="PogemaEnv.WriteObservations(Span{float})"/>). Actions of inactive agents are ignored.
    /// </summary>
    void Act(PogemaEnv env, Span<int> actions);
}
