using Pogema.Agents.Distributed;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pogema.Agents.Tests.Distributed;

/// <summary>
/// The data-parallel arithmetic: workers that each back-propagate a mean loss over their share of a batch and
/// average gradients take exactly the step one worker takes on the whole batch.
/// </summary>
public sealed class DataParallelSyncTests
{
    private const int BatchSize = 12;

    // The global generator is shared by the worker threads; models are built one at a time.
    private static readonly Lock s_initLock = new();

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void WorkersOnShardsMatchOneWorkerOnTheWholeBatch(int worldSize)
    {
        var (inputs, targets) = Batch();
        var reference = TrainSingle(inputs, targets, steps: 3);

        var replicas = InProcessAllReduceTests.RunWorkers(worldSize, worker =>
        {
            // Every worker starts from different random weights; the broadcast must make them rank 0's.
            using var model = Model(seed: 100 + worker.Rank);
            using var sync = new DataParallelSync(worker, model.parameters(), checkReplicas: true);
            sync.BroadcastParameters();
            using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
            var shard = BatchSize / worker.WorldSize;
            using var x = inputs.narrow(0, worker.Rank * shard, shard);
            using var y = targets.narrow(0, worker.Rank * shard, shard);
            for (var step = 0; step < 3; step++)
            {
                optimizer.zero_grad();
                using var loss = nn.functional.mse_loss(model.call(x), y);
                loss.backward();
                sync.AverageGradients();
                optimizer.step();
                sync.AfterOptimizerStep();
            }

            Assert.Equal(3, sync.StepsChecked);
            var difference = sync.ReplicaDifference();
            return (Parameters: Flatten(model), Difference: difference);
        });

        foreach (var replica in replicas)
        {
            Assert.Equal(0.0, replica.Difference);
            Assert.Equal(reference.Length, replica.Parameters.Length);
            for (var i = 0; i < reference.Length; i++)
            {
                Assert.True(Math.Abs(reference[i] - replica.Parameters[i]) < 1e-5, $"parameter {i}: {reference[i]} vs {replica.Parameters[i]}");
            }
        }

        // Bit-identical replicas, not merely close ones.
        Assert.Equal(replicas[0].Parameters, replicas[1].Parameters);
    }

    [Fact]
    public void ReplicaDifferenceSeesADivergedReplica()
    {
        var differences = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            using var model = Model(seed: 7);
            using var sync = new DataParallelSync(worker, model.parameters());
            if (worker.Rank == 1)
            {
                using var _ = no_grad();
                model.parameters().First().add_(0.25f);
            }

            return sync.ReplicaDifference();
        });

        Assert.Equal(0.25, differences[0], 5);
        Assert.Equal(differences[0], differences[1]);
    }

    [Fact]
    public void TheReplicaCheckStopsEveryWorkerAtTheFirstDifference()
    {
        var errors = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            using var model = Model(seed: 9);
            using var sync = new DataParallelSync(worker, model.parameters(), checkReplicas: true);
            sync.AfterOptimizerStep();
            if (worker.Rank == 1)
            {
                using var _ = no_grad();
                model.parameters().Last().sub_(1e-6f);
            }

            return Record.Exception(sync.AfterOptimizerStep);
        });

        foreach (var error in errors)
        {
            var mismatch = Assert.IsType<ReplicaMismatchException>(error);
            Assert.StartsWith("replicas differ after optimizer step 2", mismatch.Message);
            Assert.Contains("identical after 1 step(s)", mismatch.Message);
        }
    }

    [Fact]
    public void ScalarsThatSteerTheUpdateAreAveraged()
    {
        var results = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            using var model = Model(seed: 2);
            using var sync = new DataParallelSync(worker, model.parameters());
            Span<double> values = [worker.Rank == 0 ? 0.01 : 0.03, worker.Rank];
            sync.AverageScalars(values);
            return (values[0], values[1], sync.AverageScalar(worker.Rank * 4.0));
        });

        foreach (var (kl, rank, single) in results)
        {
            Assert.Equal(0.02, kl, 6);
            Assert.Equal(0.5, rank);
            Assert.Equal(2.0, single);
        }
    }

    [Fact]
    public void ASingleWorkerLeavesGradientsAlone()
    {
        using var model = Model(seed: 3);
        using var sync = new DataParallelSync(new LocalAllReduce(), model.parameters());
        var (inputs, targets) = Batch();
        using var loss = nn.functional.mse_loss(model.call(inputs), targets);
        loss.backward();
        var before = model.parameters().Select(p => p.grad!.data<float>().ToArray()).ToArray();
        sync.AverageGradients();
        var after = model.parameters().Select(p => p.grad!.data<float>().ToArray()).ToArray();
        Assert.False(sync.IsDistributed);
        Assert.Equal(before, after);
    }

    [Fact]
    public void AParameterWithoutGradientGetsTheAverage()
    {
        var grads = InProcessAllReduceTests.RunWorkers(2, worker =>
        {
            using var model = Model(seed: 5);
            using var sync = new DataParallelSync(worker, model.parameters());
            if (worker.Rank == 0)
            {
                var (inputs, targets) = Batch();
                using var loss = nn.functional.mse_loss(model.call(inputs), targets);
                loss.backward();
            }

            sync.AverageGradients();
            return model.parameters().Select(p => p.grad!.data<float>().ToArray()).SelectMany(g => g).ToArray();
        });

        Assert.Equal(grads[0], grads[1]);
        Assert.Contains(grads[0], g => g != 0f);
    }

    private static float[] TrainSingle(Tensor inputs, Tensor targets, int steps)
    {
        using var model = Model(seed: 100);
        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        for (var step = 0; step < steps; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(model.call(inputs), targets);
            loss.backward();
            optimizer.step();
        }

        return Flatten(model);
    }

    private static Sequential Model(int seed)
    {
        lock (s_initLock)
        {
            manual_seed(seed);
            return nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 2));
        }
    }

    private static (Tensor Inputs, Tensor Targets) Batch()
    {
        var generator = new Generator(42);
        var inputs = randn([BatchSize, 4], generator: generator);
        var targets = randn([BatchSize, 2], generator: generator);
        return (inputs, targets);
    }

    private static float[] Flatten(nn.Module model)
    {
        using var flat = nn.utils.parameters_to_vector(model.parameters());
        return flat.data<float>().ToArray();
    }
}
