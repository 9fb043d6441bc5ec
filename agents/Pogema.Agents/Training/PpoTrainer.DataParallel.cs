using Pogema.Agents.Distributed;

namespace Pogema.Agents.Training;

/// <summary>
/// The data-parallel side of <see cref="PpoTrainer"/>: with several workers (one per GPU), gradients are averaged
/// after each backward pass, and the statistics that steer the next update (approx_kl for the adaptive learning rate)
/// or that are reported (losses, episode outcomes, agent-steps) are combined over all workers. With one worker
/// every hook is a no-op.
/// </summary>
public sealed partial class PpoTrainer
{
    private const int CombinedEpisodeFields = 6;

    private DataParallelSync? _parallel;

    /// <summary>Workers training this model together (1 without data parallelism).</summary>
    public int WorldSize => _parallel?.AllReduce.WorldSize ?? 1;

    /// <summary>
    /// Trains data-parallel through <paramref name="parallel"/> from now on, after overwriting this replica's
    /// parameters with rank 0's. Call on every worker before the first update (and after loading a checkpoint).
    /// </summary>
    public void UseDataParallel(DataParallelSync parallel)
    {
        _parallel = parallel ?? throw new ArgumentNullException(nameof(parallel));
        parallel.BroadcastParameters();
    }

    private void AverageGradientsAcrossWorkers() => _parallel?.AverageGradients();

    private void AfterOptimizerStepAcrossWorkers() => _parallel?.AfterOptimizerStep();

    /// <summary>One minibatch's approx_kl averaged over workers, so every worker adapts its learning rate alike.</summary>
    private double MinibatchKlAcrossWorkers(double approxKl)
    {
        if (_parallel is null || !_parallel.IsDistributed)
        {
            return approxKl;
        }

        return _parallel.AverageScalar(approxKl);
    }

    /// <summary>
    /// Replaces this worker's losses and episode statistics with those of all workers: losses are averaged (every
    /// worker then adapts its learning rate to the same approx_kl), episode counts summed and episode means weighted
    /// by each worker's episode count.
    /// </summary>
    private void CombineAcrossWorkers(double[] learnStats, ref double returnSum, ref int agentEpisodes, ref (int Count, double Csr, double Isr, double Throughput) summary)
    {
        if (_parallel is null || !_parallel.IsDistributed)
        {
            return;
        }

        var values = new double[learnStats.Length + CombinedEpisodeFields];
        learnStats.CopyTo(values, 0);
        var e = learnStats.Length;
        var count = summary.Count;
        values[e] = count;
        values[e + 1] = count > 0 ? summary.Csr * count : 0;
        values[e + 2] = count > 0 ? summary.Isr * count : 0;
        values[e + 3] = count > 0 ? summary.Throughput * count : 0;
        values[e + 4] = returnSum;
        values[e + 5] = agentEpisodes;
        _parallel.AverageScalars(values);

        Array.Copy(values, learnStats, learnStats.Length);

        // The means of sums times the world size are the sums; ratios of sums need no scaling.
        var world = WorldSize;
        var episodes = values[e];
        summary = episodes > 0
            ? ((int)Math.Round(episodes * world), values[e + 1] / episodes, values[e + 2] / episodes, values[e + 3] / episodes)
            : (0, double.NaN, double.NaN, double.NaN);
        returnSum = values[e + 4] * world;
        agentEpisodes = (int)Math.Round(values[e + 5] * world);
    }
}
