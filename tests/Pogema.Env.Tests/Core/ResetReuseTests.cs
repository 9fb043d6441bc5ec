using Pogema.Env.Random;
using Pogema.Env.Tests.Support;

namespace Pogema.Env.Tests.Core;

/// <summary>One environment is reset many times by a vectorized trainer: resets reuse its buffers and give a clean episode.</summary>
public sealed class ResetReuseTests
{
    [Theory]
    [InlineData(OnTarget.Finish, CollisionSystem.Priority)]
    [InlineData(OnTarget.Nothing, CollisionSystem.BlockBoth)]
    [InlineData(OnTarget.Restart, CollisionSystem.Soft)]
    public void ResetAllocatesNothingAfterTheFirst(OnTarget mode, CollisionSystem system)
    {
        var env = new PogemaEnv(new GridConfig { Seed = 1, Size = 24, NumAgents = 20, OnTarget = mode, CollisionSystem = system });
        env.Reset();
        env.Reset(2);
        ulong seed = 3;
        Assert.Equal(0, AllocationWindows.Least(() =>
        {
            for (int reset = 0; reset < 37; reset++)
            {
                env.Reset(seed++);
            }
        }));
    }

    [Fact]
    public void ResetAfterAPlayedEpisodeEqualsAFreshEnvironment()
    {
        var config = new GridConfig { Seed = 5, Size = 12, NumAgents = 10, CollisionSystem = CollisionSystem.Soft, MaxEpisodeSteps = 30 };
        var used = new PogemaEnv(config);
        used.Reset(77);
        var rng = NumpyRandom.DefaultRng(8);
        var actions = new int[used.NumAgents];
        while (!used.EpisodeEnded)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = (int)rng.Integers(5);
            }

            used.Step(actions);
        }

        used.Reset(5);
        var fresh = new PogemaEnv(config);
        fresh.Reset(5);
        Assert.Equal(fresh.PaddedPositions.ToArray(), used.PaddedPositions.ToArray());
        Assert.Equal(fresh.PaddedTargets.ToArray(), used.PaddedTargets.ToArray());
        Assert.Equal(fresh.PaddedOccupancy.ToArray(), used.PaddedOccupancy.ToArray());
        Assert.Equal(fresh.Active.ToArray(), used.Active.ToArray());
        var a = new float[fresh.NumAgents * fresh.ObservationSize];
        var b = new float[used.NumAgents * used.ObservationSize];
        fresh.WriteObservations(a);
        used.WriteObservations(b);
        Assert.Equal(a, b);
        Assert.Null(used.Metrics);
        Assert.Equal(0, used.StepCount);
    }
}
