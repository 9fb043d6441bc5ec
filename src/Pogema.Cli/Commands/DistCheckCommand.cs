using System.CommandLine;
using System.Diagnostics;
using Pogema.Agents.Distributed;
using Pogema.Agents.Runtime;
using TorchSharp;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema dist-check</c> (hidden): checks a multi-GPU setup without training. Every worker all-reduces and
/// broadcasts buffers with known results, trains a small model data-parallel with the replica check on, and rank 0
/// reports NCCL's version and the all-reduce bandwidth. Takes the same --gpus/--nodes/... flags as train.
/// </summary>
public sealed class DistCheckCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var distributed = new DistributedCliOptions();
        var device = new Option<string>("--device")
        {
            Description = "Device of each worker: cuda (several workers need CUDA and NCCL) or cpu",
            DefaultValueFactory = _ => "cuda",
        };
        var megabytes = new Option<int>("--megabytes")
        {
            Description = "Size of the all-reduce buffer timed for bandwidth",
            DefaultValueFactory = _ => 64,
        };

        var command = new Command("dist-check", "Check NCCL and the multi-GPU setup: collectives with known results, replica identity, bandwidth")
        {
            Hidden = true,
        };
        distributed.AddTo(command);
        command.Options.Add(device);
        command.Options.Add(megabytes);
        command.SetAction(parseResult => distributed.RunOrLaunch(
            parseResult,
            settings => Check(settings, DeviceSelector.Resolve(parseResult.GetValue(device)!), parseResult.GetValue(megabytes))));
        return command;
    }

    private static int Check(DistributedSettings settings, torch.Device device, int megabytes)
    {
        var log = settings.IsPrimary ? Console.Out : TextWriter.Null;
        using var backend = DistributedBackend.Connect(settings, device, Console.Error);
        var rank = backend.Rank;
        var world = backend.WorldSize;

        // All-reduce: rank r contributes r + 1 everywhere, so the mean is (world + 1) / 2 exactly.
        using (var buffer = torch.full(1 << 20, rank + 1f, device: device))
        {
            backend.AllReduceMean(buffer);
            Expect(buffer, (world + 1) / 2f, "all-reduce mean", rank);
        }

        // Broadcast from the last rank: everyone ends with its value.
        using (var buffer = torch.full(1 << 20, rank * 10f, device: device))
        {
            backend.Broadcast(buffer, root: world - 1);
            Expect(buffer, (world - 1) * 10f, "broadcast", rank);
        }

        var steps = TrainSmallModel(backend, device);
        log.WriteLine($"collectives correct on {world} worker(s); replicas identical after {steps} optimizer steps");

        var elements = Math.Max(1, megabytes) * (1 << 20) / sizeof(float);
        using (var buffer = torch.ones(elements, device: device))
        {
            backend.AllReduceMean(buffer);
            backend.Barrier();
            const int repeats = 20;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < repeats; i++)
            {
                backend.AllReduceMean(buffer);
            }

            backend.Barrier();
            var seconds = clock.Elapsed.TotalSeconds / repeats;
            var bytes = (double)elements * sizeof(float);

            // NCCL's "bus bandwidth" for all-reduce: what each link carries in a ring, 2 (n - 1) / n of the buffer.
            var busBandwidth = world > 1 ? bytes * 2 * (world - 1) / world / seconds : 0;
            log.WriteLine($"all-reduce of {bytes / (1 << 20):0} MiB: {seconds * 1e3:0.###} ms, bus bandwidth {busBandwidth / 1e9:0.#} GB/s");
        }

        backend.Barrier();
        return 0;
    }

    private static int TrainSmallModel(IGradientAllReduce backend, torch.Device device)
    {
        // Different initial weights and data per rank: the broadcast and the averaged gradients must make them agree.
        torch.manual_seed(1000 + backend.Rank);
        using var model = torch.nn.Sequential(torch.nn.Linear(32, 64), torch.nn.Tanh(), torch.nn.Linear(64, 4)).to(device);
        using var sync = new DataParallelSync(backend, model.parameters(), checkReplicas: true);
        sync.BroadcastParameters();
        using var optimizer = torch.optim.Adam(model.parameters(), lr: 1e-2);
        const int steps = 20;
        for (var step = 0; step < steps; step++)
        {
            using var x = torch.randn(256, 32, device: device);
            using var y = torch.randn(256, 4, device: device);
            optimizer.zero_grad();
            using var loss = torch.nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            sync.AverageGradients();
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0);
            optimizer.step();
            sync.AfterOptimizerStep();
        }

        return steps;
    }

    private static void Expect(torch.Tensor buffer, float expected, string what, int rank)
    {
        using var low = buffer.min();
        using var high = buffer.max();
        var (min, max) = (low.item<float>(), high.item<float>());
        if (min != expected || max != expected)
        {
            throw new InvalidOperationException($"rank {rank}: {what} gave values in [{min}, {max}], expected {expected}");
        }
    }
}
