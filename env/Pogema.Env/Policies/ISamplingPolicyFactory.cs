namespace Pogema.Env.Policies;

/// <summary>
/// A factory of policies that choose from a probability distribution over actions (a learned policy). Its policies
/// take the most likely action (greedy, the default); <see cref="WithSampling"/> gives the same policy drawing each
/// action from the distribution instead. <c>pogema eval --sample</c> uses it.
/// </summary>
public interface ISamplingPolicyFactory : IPolicyFactory
{
    /// <summary>True when the policies draw their actions; false when they take the most likely one.</summary>
    bool Samples { get; }

    /// <summary>
    /// The same policy drawing each action from its distribution, with a generator seeded by the episode seed, so
    /// results are reproducible and the same for any number of evaluation threads. Its <see cref="IPolicyFactory.Name"/>
    /// says it samples.
    /// </summary>
    IPolicyFactory WithSampling();
}
