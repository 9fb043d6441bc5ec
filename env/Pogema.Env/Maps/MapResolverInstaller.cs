using System.Runtime.CompilerServices;

namespace Pogema.Env.Maps;

/// <summary>
/// Connects <see cref="GridConfig.MapResolver"/> to <see cref="MapRegistry.Default"/> when the library loads, so a
/// config's <c>map_name</c> works from every entry point (command line, tests, embedding code) without wiring.
/// A resolver set before by the host is kept.
/// </summary>
internal static class MapResolverInstaller
{
#pragma warning disable CA2255 // A library initializer is the point here: map_name must resolve without set-up calls.
    [ModuleInitializer]
    internal static void Install()
#pragma warning restore CA2255
    {
        // A lambda, not a method group: the registry (and POGEMA_MAPS files) load on the first map_name, not here.
        GridConfig.MapResolver ??= static name => MapRegistry.Default.TryResolve(name);
    }
}
