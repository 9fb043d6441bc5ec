namespace Pogema.Env.Policies;

/// <summary>
/// Makes policies for episodes. This is how <c>pogema eval</c> and <see cref="Evaluation.EvaluationEngine"/> accept a
/// policy: built-in ones come from <see cref="PolicyCatalog"/>, learned ones (a checkpoint) from a factory that
/// loads the model once and hands each episode a light per-episode policy. Factories are called from several
/// threads at once and must be thread-safe.
/// </summary>
public interface IPolicyFactory
{
    /// <summary>The name shown in tables, files and recordings (e.g. <c>astar</c>).</summary>
    string Name { get; }

    /// <summary>
    /// A fresh policy for one episode of <paramref name="env"/>, which has just been reset with
    /// <paramref name="seed"/>; the seed lets a stochastic policy be reproducible per episode.
    /// </summary>
    IPolicy Create(PogemaEnv env, ulong seed);
}
