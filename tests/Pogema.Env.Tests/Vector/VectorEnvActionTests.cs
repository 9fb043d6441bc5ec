using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>Step rejects any action outside 0..4 (checked a vector at a time), names the first bad agent and steps no environment.</summary>
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

    [Theory]
    [InlineData(1, 24)]
    [InlineData(3, 24)]
    [InlineData(3, 1100)]
    public void AStepWithABadActionStepsNoEnvironmentAndTheNextStepGoesOn(int workers, int envs)
    {
        // The workers check the actions, a chunk each, before any steps an environment: none may step a slice of a
        // rejected step. 1100 environments of 4 agents make three chunks, so bad actions in different chunks (found by
        // different workers) must still report the first.
        VectorEnv Make() => new(new VectorEnvOptions
        {
            NumEnvs = envs,
            AgentsPerEnv = 4,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 8, Density = 0.2, NumAgents = 4 }),
            ObsRadius = 2,
            MaxEpisodeSteps = 6,
            Seed = 11,
            Workers = workers,
            SlicesPerWorker = 4,
            MinAgentsPerSlice = 4,
        });
        using VectorEnv rejected = Make();
        using VectorEnv reference = Make();
        rejected.Reset();
        reference.Reset();
        var rng = new System.Random(5);
        var actions = new int[rejected.NumAgents];
        for (int step = 0; step < 12; step++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = rng.Next(PogemaEnv.NumActions);
            }

            if (step % 3 == 1)
            {
                int first = (step * 7) % actions.Length;
                int later = actions.Length - 1 - step;
                int[] good = [actions[first], actions[later]];
                actions[first] = 9;
                actions[later] = -3;
                var error = Assert.Throws<ArgumentOutOfRangeException>(() => rejected.Step(actions));
                Assert.Contains($"action 9 of agent {first} is not in 0..4", error.Message);
                Assert.Equal(reference.Observations, rejected.Observations);
                actions[first] = good[0];
                actions[later] = good[1];
            }

            rejected.Step(actions);
            reference.Step(actions);
            Assert.Equal(reference.Observations, rejected.Observations);
            Assert.Equal(reference.Rewards, rejected.Rewards);
            Assert.Equal(reference.EpisodeStarted, rejected.EpisodeStarted);
        }
    }
}
