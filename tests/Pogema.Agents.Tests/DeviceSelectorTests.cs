using Pogema.Agents.Runtime;
using Pogema.Env;
using TorchSharp;

namespace Pogema.Agents.Tests;

public sealed class DeviceSelectorTests
{
    [Fact]
    public void CpuLoadsLibtorchAndComputes()
    {
        var device = DeviceSelector.Resolve("cpu");
        using var a = torch.ones(2, 3, device: device);
        Assert.Equal(6f, a.sum().item<float>());
    }

    [Fact]
    public void UnknownNameIsAnInputError()
    {
        var ex = Assert.Throws<PogemaInputException>(() => DeviceSelector.Resolve("tpu"));
        Assert.Contains("tpu", ex.Message);
    }

    [Fact]
    public void CudaWithoutGpuIsAClearError()
    {
        if (torch.cuda.is_available())
        {
            return;
        }

        var ex = Assert.Throws<PogemaInputException>(() => DeviceSelector.Resolve("cuda"));
        Assert.Contains("CUDA is not available", ex.Message);
    }
}
