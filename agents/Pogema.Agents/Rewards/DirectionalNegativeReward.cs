namespace Pogema.Agents.Rewards;

/// <summary><c>directional-negative</c>: +1 on reaching the goal, -0.005 for stepping onto the next cell of the previous shortest path, else -0.01.</summary>
public sealed class DirectionalNegativeReward : RewardFunction
{
    public override string Name => "directional-negative";

    public override bool UsesPathProgress => true;

    protected override float Shaping(int action, bool madePathProgress) => madePathProgress ? -0.005f : -0.01f;
}
