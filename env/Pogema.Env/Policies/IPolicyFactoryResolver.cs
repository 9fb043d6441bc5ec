namespace Pogema.Env.Policies;

/// <summary>
/// Turns a policy specification that is not a built-in name (typically a checkpoint path) into a factory.
/// <c>pogema eval</c> finds every public non-abstract implementation with a parameterless constructor in the
/// program's assemblies (e.g. Pogema.Agents), so a learned policy plugs in without touching the command.
/// </summary>
public interface IPolicyFactoryResolver
{
    /// <summary>The factory for <paramref name="spec"/>, or null when this resolver does not handle it.</summary>
    /// <exception cref="PogemaInputException">It is this resolver's kind of spec but invalid (e.g. a corrupt checkpoint).</exception>
    IPolicyFactory? TryResolve(string spec);
}
