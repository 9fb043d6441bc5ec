using System.Runtime.CompilerServices;
using Pogema.Agents.Runtime;

// Tests seed torch's global generator, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Pogema.Agents.Tests;

internal static class TestAssemblyInit
{
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Init()
    {
        TorchRuntime.Initialize();
    }
}
