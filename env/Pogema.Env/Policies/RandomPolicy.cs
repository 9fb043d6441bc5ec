using Pogema.Env.Random;

namespace Pogema.Env.Policies;

/// <summary>Uniformly random actions 0..4 for every agent, drawn in agent order from <c>default_rng(seed)</c>.</summary>
public sealed class RandomPolicy : IPolicy
{
    private readonly NumpyRandom _random;

    /// <param name="seed">Seed of the generator, the episode's seed when created by the catalog.</param>
    public RandomPolicy(ulong seed)
    {
        _random = NumpyRandom.DefaultRng(seed);
    }

    /// <inheritdoc/>
    public void Act(PogemaEnv env, Span<int> actions)
    {
        for (int i = 0; i < env.NumAgents; i++)
        {
            actions[i] = (int)_random.Integers(PogemaEnv.NumActions);
        }
    }
}
