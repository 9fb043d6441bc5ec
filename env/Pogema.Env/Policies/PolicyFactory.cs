namespace Pogema.Env.Policies;

/// <summary>An <see cref="IPolicyFactory"/> from a name and a creation function.</summary>
public sealed class PolicyFactory : IPolicyFactory
{
    private readonly Func<PogemaEnv, ulong, IPolicy> _create;

    /// <param name="name">The policy's display name.</param>
    /// <param name="create">Makes the policy for an environment just reset with a seed.</param>
    public PolicyFactory(string name, Func<PogemaEnv, ulong, IPolicy> create)
    {
        Name = name;
        _create = create;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public IPolicy Create(PogemaEnv env, ulong seed) => _create(env, seed);
}
