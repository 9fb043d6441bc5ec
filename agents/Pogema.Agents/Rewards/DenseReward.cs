namespace Pogema.Agents.Rewards;

/// <summary><c>dense</c>: +1 on reaching the goal, -0.01 on every other step.</summary>
public sealed class DenseReward : RewardFunction
{
    public override string Name => "dense";

    protected override float Shaping(int action, bool madePathProgress) => -0.01f;
}
