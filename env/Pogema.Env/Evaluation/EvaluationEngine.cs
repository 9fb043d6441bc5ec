using Pogema.Env.Policies;
using Pogema.Env.Recording;

namespace Pogema.Env.Evaluation;

/// <summary>
/// Runs policies over episodes, in parallel on all cores. Every (policy, episode) pair gets its own environment and
/// its own policy instance created for that episode, so no state is shared between workers and the results are the
/// same for any thread count; they come back in plan order (policy by policy, episodes in the given order).
/// </summary>
public static class EvaluationEngine
{
    /// <summary>Runs every policy on every episode.</summary>
    public static IReadOnlyList<EpisodeResult> Run(
        IReadOnlyList<EvaluationEpisode> episodes,
        IReadOnlyList<IPolicyFactory> policies,
        EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(options);
        int total = episodes.Count * policies.Count;
        var results = new EpisodeResult[total];
        int finished = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) };
        Parallel.For(0, total, parallel, job =>
        {
            int p = job / episodes.Count;
            int e = job % episodes.Count;
            string? recordPath = options.RecordDirectory is { } dir && e < options.RecordLimit
                ? RecordingPath(dir, policies[p].Name, episodes[e])
                : null;
            results[job] = RunEpisode(episodes[e], policies[p], recordPath);
            int done = Interlocked.Increment(ref finished);
            options.Progress?.Invoke(done);
        });
        return results;
    }

    /// <summary>Runs one episode of <paramref name="policy"/>, optionally recording it to <paramref name="recordPath"/>.</summary>
    public static EpisodeResult RunEpisode(EvaluationEpisode episode, IPolicyFactory policy, string? recordPath = null)
    {
        ArgumentNullException.ThrowIfNull(episode);
        ArgumentNullException.ThrowIfNull(policy);
        GridConfig config = episode.ToConfig();
        var env = new PogemaEnv(config, $"map '{episode.MapName}'");
        ulong seed = (ulong)episode.Seed;
        env.Reset(seed);
        IPolicy instance = policy.Create(env, seed);
        var actions = new int[env.NumAgents];
        EpisodeRecorder? recorder = recordPath is null ? null : EpisodeRecorder.Start(recordPath, env, policy.Name, episode.MapName);
        try
        {
            while (!env.EpisodeEnded)
            {
                instance.Act(env, actions);
                ValidateActions(actions, policy.Name);
                env.Step(actions);
                recorder?.Record(actions, env);
            }

            recorder?.Complete(env);
        }
        finally
        {
            recorder?.Dispose();
            (instance as IDisposable)?.Dispose();
        }

        return new EpisodeResult
        {
            Policy = policy.Name,
            Episode = episode,
            Steps = env.StepCount,
            Metrics = env.Metrics!.Value,
        };
    }

    /// <summary>The recording file of an episode: <c>DIR/POLICY/MAP-aAGENTS-sSEED.pogrec</c>.</summary>
    public static string RecordingPath(string directory, string policy, EvaluationEpisode episode)
    {
        string safePolicy = string.Concat(policy.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(directory, safePolicy, $"{episode.MapName}-a{episode.NumAgents}-s{episode.Seed}{RecordingFormat.Extension}");
    }

    private static void ValidateActions(ReadOnlySpan<int> actions, string policy)
    {
        foreach (int a in actions)
        {
            if ((uint)a >= PogemaEnv.NumActions)
            {
                throw new InvalidOperationException($"policy '{policy}' produced action {a}; actions are 0..4");
            }
        }
    }
}
