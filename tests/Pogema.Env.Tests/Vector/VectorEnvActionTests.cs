using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>Step rejects any action outside 0..4 (checked a vector at a time) and names the first bad agent.</summary>
public sealed class VectorEnvActionTests
{
    [Theory]
    [InlineData(0, 5)]
    [InlineData(9, -1)]
    [InlineData(16, 7)]
    [InlineData(36, int.MinValue)]
    [InlineData(36, 5)]
    public void AnActionOutsideTheRangeIsRejectedWithItsAgent(int agent, int action)
    {
        // 37 agents: whole vectors of every width, then a tail.
        using var vec = new VectorEnv(new VectorEnvOptions
        {
            NumEnvs = 37,
            AgentsPerEnv = 1,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 6, Density = 0.2 }),
            ObsRadius = 2,
        });
        vec.Reset();
        var actions = new int[vec.NumAgents];
        for (int i = 0; i < actions.Length; i++)
        {
            actions[i] = i % PogemaEnv.NumActions;
        }

        vec.Step(actions);
        actions[agent] = action;
        if (agent < 30)
        {
            // A later bad action too: the message names the first.
            actions[36] = 5;
        }

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => vec.Step(actions));
        Assert.Contains($"action {action} of agent {agent} is not in 0..4", error.Message);
    }
}
