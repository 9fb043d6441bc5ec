namespace Pogema.Agents.Rewards;

/// <summary><c>moving-negative</c>: +1 on reaching the goal, -0.005 for waiting, -0.01 for any move action (even a blocked one).</summary>
public sealed class MovingNegativeReward : RewardFunction
{
    public override string Name => "moving-negative";

    protected override float Shaping(int action, bool madePathProgress) => action == WaitAction ? -0.005f : -0.01f;
}
