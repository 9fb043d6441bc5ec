namespace Pogema.Agents.Configuration;

/// <summary>How a training run is driven: length, seed, device, outputs.</summary>
public sealed class RunOptions
{
    /// <summary>Run name; outputs go to runs/&lt;name&gt;/.</summary>
    public string Name { get; set; } = "bottleneck-srmt";

    /// <summary>Folder that holds the run folders.</summary>
    public string RunsDir { get; set; } = "runs";

    /// <summary>Master seed of the network initialization, action sampling, minibatch order and environments.</summary>
    public long Seed { get; set; }

    /// <summary>auto (CUDA when available), cpu, cuda or cuda:N.</summary>
    public string Device { get; set; } = "auto";

    /// <summary>Training budget in agent-steps.</summary>
    public long TotalSteps { get; set; } = 20_000_000;

    /// <summary>Training reward variant: sparse, dense, moving-negative, directional, directional-negative.</summary>
    public string Reward { get; set; } = "sparse";

    /// <summary>Write a checkpoint every this many updates (also on Ctrl+C and at the end).</summary>
    public int CheckpointEvery { get; set; } = 20;

    /// <summary>Redraw the learning-curve plot every this many updates.</summary>
    public int PlotEvery { get; set; } = 5;

    /// <summary>
    /// Matrix-multiply and convolution precision on CUDA: <c>tf32</c> (TensorFloat-32 tensor cores, fp32 storage and
    /// accumulation, 10-bit mantissa products; about 3x fp32 on the H200 for the lifelong model) or <c>fp32</c>.
    /// Ignored on the CPU.
    /// </summary>
    public string Precision { get; set; } = "tf32";

    /// <summary>Intra-op CPU threads of libtorch (0: libtorch's default).</summary>
    public int TorchThreads { get; set; }

    /// <summary>Size of the lifelong evaluation printed at the end: the first N maze maps, one episode each (the Bottleneck one is always the SRMT test maps, L = 3..30, seeds 0..9).</summary>
    public int EvalSeeds { get; set; } = 10;
}
