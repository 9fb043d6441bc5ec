using Pogema.Env.Vector;

namespace Pogema.Env.Tests.Vector;

/// <summary>A vector env's step timeline: what it records, and that recording changes nothing the env computes.</summary>
public sealed class StepTimelineTests
{
    [Fact]
    public void ATimelineCountsEveryStepItSawAndChangesNoResult()
    {
        VectorEnvOptions Options() => new()
        {
            NumEnvs = 24,
            AgentsPerEnv = 4,
            Scenario = ScenarioSource.Fixed(new GridConfig { Size = 8, Density = 0.2, NumAgents = 4 }),
            ObsRadius = 2,
            MaxEpisodeSteps = 6,
            Seed = 3,
            Workers = 3,
            SlicesPerWorker = 4,
            MinAgentsPerSlice = 4,
        };
        using var timed = new VectorEnv(Options());
        using var plain = new VectorEnv(Options());
        timed.Reset();
        plain.Reset();
        var rng = new System.Random(2);
        var actions = new int[timed.NumAgents];
        var timeline = new StepTimeline(timed.Workers);
        timed.Timeline = timeline;
        for (int step = 0; step < 40; step++)
        {
            for (int i = 0; i < actions.Length; i++)
            {
                actions[i] = rng.Next(PogemaEnv.NumActions);
            }

            if (step == 20)
            {
                // A rejected step is no step.
                int good = actions[5];
                actions[5] = 7;
                Assert.Throws<ArgumentOutOfRangeException>(() => timed.Step(actions));
                actions[5] = good;
            }

            timed.Step(actions);
            plain.Step(actions);
            Assert.Equal(plain.Observations, timed.Observations);
            Assert.Equal(plain.Rewards, timed.Rewards);
        }

        timed.RewriteObservations();
        StepTimelineSummary summary = timeline.Summary();
        Assert.Equal(40, summary.Steps);
        Assert.True(summary.StepMicroseconds > 0);
        Assert.InRange(summary.BusyShare, 1e-6, 1);
        Assert.InRange(summary.CallerStartMicroseconds, 0, summary.StepMicroseconds);
        Assert.InRange(summary.HelperStartMicroseconds, 0, summary.LatestHelperStartMicroseconds + 1e-9);
        Assert.InRange(summary.LatestHelperStartMicroseconds, 0, summary.StepMicroseconds);
        Assert.InRange(summary.LastFinishAfterMeanMicroseconds, 0, summary.StepMicroseconds);
        Assert.InRange(summary.ReportWaitMicroseconds, 0, summary.StepMicroseconds);
    }

    [Fact]
    public void AnEmptyTimelineSummarizesToZeros()
    {
        StepTimelineSummary summary = new StepTimeline(2).Summary();
        Assert.Equal(new StepTimelineSummary(0, 0, 0, 0, 0, 0, 0, 0), summary);
    }
}
