namespace Pogema.Agents.Rewards;

/// <summary><c>sparse</c>: +1 on reaching the goal, 0 on every other step.</summary>
public sealed class SparseReward : RewardFunction
{
    public override string Name => "sparse";

    protected override float Shaping(int action, bool madePathProgress) => 0f;
}
