using Pogema.Agents.Distributed;
using TorchSharp;

namespace Pogema.Agents.Tests.Distributed;

public sealed class TensorMemoryTests
{
    [Fact]
    public unsafe void TheDataPointerAddressesTheTensorsOwnElementsIncludingItsOffset()
    {
        using var tensor = torch.arange(10, dtype: torch.ScalarType.Float32);
        using var tail = tensor.narrow(0, 4, 6);
        var basePointer = (float*)TensorMemory.DataPointer(tensor);
        var tailPointer = (float*)TensorMemory.DataPointer(tail);
        Assert.Equal(4, tailPointer - basePointer);
        Assert.Equal(4f, tailPointer[0]);

        // Writing through the span changes the tensor: no copy in between.
        TensorMemory.CpuFloats(tail)[1] = 42f;
        Assert.Equal(42f, tensor[5].item<float>());
    }
}
