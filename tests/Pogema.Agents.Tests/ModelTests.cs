using Pogema.Agents.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests;

public sealed class ModelTests
{
    private static ActorCritic Build(string core, int historyLength = 8)
    {
        torch.manual_seed(7);
        var options = ModelOptions.Preset("bottleneck");
        options.Core = core;
        options.HistoryLength = historyLength;
        options.Dropout = 0.0;
        return new ActorCritic(options, observationChannels: 3, observationSize: 5);
    }

    [Fact]
    public void CrossAttentionReadsOnlyMemoriesOfTheSameEnvironment()
    {
        using var model = Build("srmt");
        model.eval();
        const int envs = 2, agents = 3;
        var obs = randn(envs * agents, 3, 5, 5);
        using var state = new RecurrentState(randn(envs * agents, 16), randn(envs * agents, 8, 16));
        var (logitsA, valuesA, _) = model.Step(obs, state, agents);

        // Change the memories of environment 1 only.
        var memory = state.Memory.clone();
        memory.narrow(0, agents, agents).add_(randn(agents, 16));
        using var changed = new RecurrentState(memory, state.History);
        var (logitsB, valuesB, _) = model.Step(obs, changed, agents);

        Assert.True(Same(logitsA.narrow(0, 0, agents), logitsB.narrow(0, 0, agents)));
        Assert.True(Same(valuesA.narrow(0, 0, agents), valuesB.narrow(0, 0, agents)));
        Assert.False(logitsA.narrow(0, agents, agents).allclose(logitsB.narrow(0, agents, agents)));

        // And an agent reads its neighbours' memories: changing agent 4's memory moves agent 3's output.
        var memory2 = state.Memory.clone();
        memory2[4].add_(randn(16));
        using var changed2 = new RecurrentState(memory2, state.History);
        var (logitsC, _, _) = model.Step(obs, changed2, agents);
        Assert.False(logitsA[3].allclose(logitsC[3]));
    }

    [Fact]
    public void RmtIgnoresOtherAgentsMemories()
    {
        using var model = Build("rmt");
        model.eval();
        var obs = randn(4, 3, 5, 5);
        using var state = new RecurrentState(randn(4, 16), randn(4, 8, 16));
        var (a, _, _) = model.Step(obs, state, 4);
        var memory = state.Memory.clone();
        memory[1].add_(randn(16));
        using var changed = new RecurrentState(memory, state.History);
        var (b, _, _) = model.Step(obs, changed, 4);
        Assert.True(Same(a[0], b[0]));
        Assert.False(a[1].allclose(b[1]));
    }

    [Fact]
    public void GradientReachesMemoryHeadAndEncoderThroughMemory()
    {
        // Without history tokens, the first observation reaches the second step's output only through memory.
        using var model = Build("srmt", historyLength: 0);
        model.train();
        const int agents = 2;
        var obs1 = randn(agents, 3, 5, 5).requires_grad_(true);
        var obs2 = randn(agents, 3, 5, 5);
        var state0 = model.InitialState(agents, CPU);
        var (_, _, state1) = model.Step(obs1, state0, agents);
        var (logits, values, _) = model.Step(obs2, state1, agents);
        // Only agent 0's outputs: agent 1's first-step observation reaches them through the shared memory.
        (logits[0].sum() + values[0]).backward();

        Assert.NotNull(obs1.grad);
        Assert.True(obs1.grad!.abs().sum().item<float>() > 0f);
        Assert.True(obs1.grad![1].abs().sum().item<float>() > 0f);
        var memoryHead = model.named_parameters().First(p => p.name.Contains("_memoryHead")).parameter;
        Assert.NotNull(memoryHead.grad);
        Assert.True(memoryHead.grad!.abs().sum().item<float>() > 0f);
        var encoderStem = model.named_parameters().First(p => p.name.Contains("_encoder") && p.name.Contains("_stem.weight")).parameter;
        var stemGrad = encoderStem.grad!.abs().sum().item<float>();
        Assert.True(stemGrad > 0f, $"encoder gradient {stemGrad}");
    }

    [Fact]
    public void ConvolutionGradientsAreFiniteAndRepeatable()
    {
        // Guards the oneDNN ISA cap of TorchRuntime: without it this CPU returned NaN input gradients.
        float Run()
        {
            torch.manual_seed(3);
            using var encoder = new ObservationEncoder(3, 5, 8, 1, 16);
            var x = randn(2, 3, 5, 5).requires_grad_(true);
            encoder.forward(x).sum().backward();
            return x.grad!.abs().sum().item<float>();
        }

        var first = Run();
        Assert.True(float.IsFinite(first) && first > 0f);
        Assert.Equal(first, Run());
    }

    [Theory]
    [InlineData("srmt")]
    [InlineData("rmt")]
    [InlineData("attention")]
    [InlineData("gru")]
    [InlineData("empty")]
    public void EveryCoreProducesShapesAndUpdatesHistory(string core)
    {
        using var model = Build(core);
        model.eval();
        var obs = randn(6, 3, 5, 5);
        var state = model.InitialState(6, CPU);
        var (logits, values, next) = model.Step(obs, state, 3);
        Assert.Equal(new long[] { 6, 5 }, logits.shape);
        Assert.Equal(new long[] { 6 }, values.shape);
        Assert.Equal(state.Memory.shape, next.Memory.shape);
        Assert.Equal(state.History.shape, next.History.shape);
        if (model.HistoryLength > 0)
        {
            Assert.False(Same(next.History[0, -1], zeros(16)));
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.equal(b).all().item<bool>();

    [Fact]
    public void LayerInitIsOrthogonal()
    {
        var layer = LayerInit.Linear(8, 8, 2.0, bias: 0.5);
        var w = layer.weight!.detach();
        var product = w.matmul(w.t());
        Assert.True(product.allclose(eye(8) * 4.0, rtol: 1e-4, atol: 1e-4));
        Assert.True(Same(layer.bias!.detach(), full(8, 0.5f)));
    }
}
