using System.Reflection;
using Pogema.Env.Policies;

namespace Pogema.Cli.Output;

/// <summary>
/// Finds every <see cref="IPolicyFactoryResolver"/> in the program's assemblies (e.g. the checkpoint loader of
/// Pogema.Agents), so a learned policy plugs into <c>pogema eval</c> without editing the command.
/// </summary>
internal static class PolicyResolvers
{
    public static IReadOnlyList<IPolicyFactoryResolver> Discover()
    {
        var assemblies = new List<Assembly> { typeof(Program).Assembly };
        foreach (AssemblyName name in typeof(Program).Assembly.GetReferencedAssemblies())
        {
            if (name.Name is { } n && n.StartsWith("Pogema.", StringComparison.Ordinal))
            {
                try
                {
                    assemblies.Add(Assembly.Load(name));
                }
                catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    // An assembly that cannot load offers no resolver.
                }
            }
        }

        var resolvers = new List<IPolicyFactoryResolver>();
        foreach (Assembly assembly in assemblies.Distinct())
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types;
            }

            foreach (Type? type in types.OrderBy(t => t?.FullName, StringComparer.Ordinal))
            {
                if (type is { IsAbstract: false, IsInterface: false, IsPublic: true } && typeof(IPolicyFactoryResolver).IsAssignableFrom(type)
                    && type.GetConstructor(Type.EmptyTypes) is not null)
                {
                    resolvers.Add((IPolicyFactoryResolver)Activator.CreateInstance(type)!);
                }
            }
        }

        return resolvers;
    }
}
