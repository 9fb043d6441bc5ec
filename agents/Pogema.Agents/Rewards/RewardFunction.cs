using Pogema.Env;

namespace Pogema.Agents.Rewards;

/// <summary>
/// Turns the environment's reward (1 on reaching a goal) into the training reward. Every variant keeps the goal
/// reward; they differ in what an agent gets on the other steps. Chosen by <see cref="Name"/>.
/// </summary>
public abstract class RewardFunction
{
    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static readonly string[] Names = { "sparse", "dense", "moving-negative", "directional", "directional-negative" };

    /// <summary>POGEMA's wait action.</summary>
    protected const int WaitAction = 0;

    /// <summary>The name used in configs.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Whether <see cref="Compute"/> reads the path-progress flags; only then does the environment need to track
    /// distances (a BFS field per goal), which otherwise costs time for nothing.
    /// </summary>
    public virtual bool UsesPathProgress => false;

    /// <summary>Creates the variant named <paramref name="name"/>.</summary>
    public static RewardFunction Create(string name)
    {
        return name switch
        {
            "sparse" => new SparseReward(),
            "dense" => new DenseReward(),
            "moving-negative" => new MovingNegativeReward(),
            "directional" => new DirectionalReward(),
            "directional-negative" => new DirectionalNegativeReward(),
            _ => throw new PogemaInputException($"reward '{name}': expected one of {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Writes the training reward of each agent for the last step into <paramref name="output"/>.</summary>
    public void Compute(ReadOnlySpan<float> envRewards, ReadOnlySpan<int> actions, ReadOnlySpan<bool> madePathProgress, Span<float> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = envRewards[i] > 0f ? envRewards[i] : Shaping(actions[i], madePathProgress[i]);
        }
    }

    /// <summary>The reward of a step on which the agent did not reach its goal.</summary>
    protected abstract float Shaping(int action, bool madePathProgress);
}
