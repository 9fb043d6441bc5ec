using Pogema.Agents.Environments;

namespace Pogema.Agents.Inference;

/// <summary>Mean metrics of evaluation episodes.</summary>
public readonly record struct EvaluationSummary(int Episodes, double Csr, double Isr, double SumOfCosts, double Makespan, double Throughput);

/// <summary>Runs a trained policy on a vectorized environment until it has finished as many episodes as it has environments.</summary>
public static class PolicyEvaluation
{
    /// <summary>
    /// Resets <paramref name="env"/>, acts greedily (or sampling) and averages the first episode of every environment
    /// (later episodes of fast environments are ignored, so quick successes do not crowd out slow failures).
    /// <paramref name="maxSteps"/> guards against an environment that never finishes.
    /// </summary>
    public static EvaluationSummary Run(TrainedPolicy policy, IVectorEnv env, int maxSteps, bool greedy = true, long seed = 0)
    {
        using var session = policy.NewSession(env.NumEnvs, env.AgentsPerEnv, greedy, seed);
        var actions = new int[env.NumAgents];
        var finished = new List<EpisodeSummary>();
        var drained = new List<EpisodeSummary>();
        var done = new bool[env.NumEnvs];
        env.Reset();
        var needed = env.NumEnvs;
        for (var step = 0; step < maxSteps && finished.Count < needed; step++)
        {
            session.Act(env.Observations, env.EpisodeStarted, actions);
            env.Step(actions);
            drained.Clear();
            env.DrainEpisodes(drained);

            // Episodes are drained environment by environment; an environment whose episode ended this step shows
            // EpisodeStarted on its agents (automatic reset), which pairs each drained episode with its environment.
            var k = 0;
            for (var e = 0; e < env.NumEnvs && k < drained.Count; e++)
            {
                if (!env.EpisodeStarted[e * env.AgentsPerEnv])
                {
                    continue;
                }

                if (!done[e])
                {
                    done[e] = true;
                    finished.Add(drained[k]);
                }

                k++;
            }
        }

        var n = Math.Min(needed, finished.Count);
        if (n == 0)
        {
            return new EvaluationSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double csr = 0, isr = 0, soc = 0, makespan = 0, throughput = 0;
        for (var i = 0; i < n; i++)
        {
            var e = finished[i];
            csr += e.CooperativeSuccess;
            isr += e.IndividualSuccess;
            soc += e.SumOfCosts;
            makespan += e.Makespan;
            throughput += e.Throughput;
        }

        return new EvaluationSummary(n, csr / n, isr / n, soc / n, makespan / n, throughput / n);
    }
}
