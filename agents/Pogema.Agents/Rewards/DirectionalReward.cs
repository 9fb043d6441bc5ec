namespace Pogema.Agents.Rewards;

/// <summary><c>directional</c>: +1 on reaching the goal, +0.005 for stepping onto the next cell of the previous shortest path, else 0.</summary>
public sealed class DirectionalReward : RewardFunction
{
    public override string Name => "directional";

    public override bool UsesPathProgress => true;

    protected override float Shaping(int action, bool madePathProgress) => madePathProgress ? 0.005f : 0f;
}
