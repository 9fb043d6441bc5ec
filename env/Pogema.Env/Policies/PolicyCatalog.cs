namespace Pogema.Env.Policies;

/// <summary>
/// Policies by name: the built-in classical ones (<c>random</c>, <c>astar</c>, <c>pibt</c>) and any the caller
/// resolves itself (a learned checkpoint) through <see cref="IPolicyFactoryResolver"/>.
/// </summary>
public static class PolicyCatalog
{
    /// <summary>The built-in policy names.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = new[] { "random", "astar", "pibt" };

    /// <summary>The factory of a built-in policy, or null when <paramref name="name"/> is not one.</summary>
    public static IPolicyFactory? TryCreateBuiltIn(string name)
    {
        return name switch
        {
            "random" => new PolicyFactory("random", (_, seed) => new RandomPolicy(seed)),
            "astar" => new PolicyFactory("astar", (env, _) => new AStarPolicy(env)),
            "pibt" => new PolicyFactory("pibt", (env, seed) => new PibtPolicy(env, seed)),
            _ => null,
        };
    }

    /// <summary>
    /// Resolves <paramref name="spec"/>: a built-in name first, then each resolver in order (e.g. one that loads a
    /// checkpoint file). <paramref name="source"/> names the option in the error message.
    /// </summary>
    /// <exception cref="PogemaInputException">Nothing resolves the name.</exception>
    public static IPolicyFactory Resolve(string spec, IEnumerable<IPolicyFactoryResolver> resolvers, string source = "--policy")
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        if (TryCreateBuiltIn(spec) is { } builtIn)
        {
            return builtIn;
        }

        foreach (IPolicyFactoryResolver resolver in resolvers)
        {
            if (resolver.TryResolve(spec) is { } factory)
            {
                return factory;
            }
        }

        throw new PogemaInputException(
            $"{source} '{spec}': not a policy; use {string.Join(", ", BuiltInNames)} or the path of a trained checkpoint");
    }
}
