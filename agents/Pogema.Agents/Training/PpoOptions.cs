using Pogema.Env;

namespace Pogema.Agents.Training;

/// <summary>
/// Every PPO setting in one place. Defaults are the SRMT Bottleneck recipe (Sample Factory's APPO settings of the
/// reference run), so a default-constructed instance reproduces that run.
/// </summary>
public sealed class PpoOptions
{
    /// <summary>
    /// Steps collected per environment before each update (GAE runs over all of them). Sample Factory's batches hold
    /// many consecutive steps of few environments; a long rollout over fewer environments does the same here, so
    /// episodes finish and restart many times within one training run.
    /// </summary>
    public int RolloutLength { get; set; } = 8;

    /// <summary>
    /// The back-propagation-through-time window (Sample Factory's <c>recurrence</c>): the rollout is cut into
    /// windows of this many steps, and each window is re-run from the memory and history the rollout had at its
    /// start. Must divide <see cref="RolloutLength"/>.
    /// </summary>
    public int Recurrence { get; set; } = 8;

    /// <summary>
    /// Minibatches per epoch. The unit of a minibatch is one window of one environment (all its agents, since they
    /// attend to each other): each minibatch holds NumEnvs * (RolloutLength / Recurrence) / NumMinibatches of them.
    /// </summary>
    public int NumMinibatches { get; set; } = 16;

    /// <summary>Passes over each rollout.</summary>
    public int Epochs { get; set; } = 1;

    /// <summary>Initial (or constant) Adam learning rate.</summary>
    public double LearningRate { get; set; } = 1.3e-4;

    /// <summary>
    /// Learning-rate schedule: <c>kl_adaptive_minibatch</c> (after every minibatch, divide by 1.5 when its approx_kl
    /// exceeds 2x the target, multiply by 1.5 below half of it: Sample Factory's schedule of the reference run),
    /// <c>kl_adaptive</c> (the same rule once per update, on the update's mean approx_kl) or <c>constant</c>.
    /// </summary>
    public string LearningRateSchedule { get; set; } = "kl_adaptive_minibatch";

    /// <summary>The approx_kl the adaptive schedule aims at.</summary>
    public double TargetKl { get; set; } = 0.008;

    /// <summary>Smallest learning rate the adaptive schedule may reach.</summary>
    public double MinLearningRate { get; set; } = 1e-6;

    /// <summary>Largest learning rate the adaptive schedule may reach.</summary>
    public double MaxLearningRate { get; set; } = 1e-2;

    /// <summary>Discount factor.</summary>
    public double Gamma { get; set; } = 0.9716;

    /// <summary>GAE lambda.</summary>
    public double GaeLambda { get; set; } = 0.95;

    /// <summary>PPO ratio clip.</summary>
    public double ClipRatio { get; set; } = 0.2;

    /// <summary>Value clip around the rollout's value (absolute, as Sample Factory's ppo_clip_value).</summary>
    public double ValueClip { get; set; } = 1.0;

    /// <summary>Weight of the value loss, max((V-R)^2, (Vclipped-R)^2) averaged over valid transitions.</summary>
    public double ValueCoef { get; set; } = 0.5;

    /// <summary>Weight of the entropy bonus.</summary>
    public double EntropyCoef { get; set; } = 0.0156;

    /// <summary>Global gradient-norm clip.</summary>
    public double MaxGradNorm { get; set; } = 4.0;

    /// <summary>Adam epsilon.</summary>
    public double AdamEpsilon { get; set; } = 1e-6;

    /// <summary>Normalize advantages within each minibatch (over valid transitions).</summary>
    public bool NormalizeAdvantages { get; set; } = true;

    /// <summary>Add gamma * V(s) to the reward of a step cut by the time limit (Sample Factory's time-out bootstrap).</summary>
    public bool BootstrapTimeouts { get; set; } = true;

    /// <summary>Checks every field against the environment count; a bad value is a user mistake naming the field.</summary>
    public void Validate(int numEnvs)
    {
        Require(RolloutLength >= 1, "ppo.rollout_length", RolloutLength, ">= 1");
        Require(Recurrence >= 1 && RolloutLength % Recurrence == 0, "ppo.recurrence", Recurrence, $"a divisor of ppo.rollout_length = {RolloutLength}");
        var windows = (long)numEnvs * (RolloutLength / Recurrence);
        Require(NumMinibatches >= 1 && windows % NumMinibatches == 0, "ppo.num_minibatches", NumMinibatches,
            $"a divisor of the {windows} environment windows per update (num_envs {numEnvs} x rollout_length / recurrence {RolloutLength / Recurrence})");
        Require(Epochs >= 1, "ppo.epochs", Epochs, ">= 1");
        Require(LearningRate > 0, "ppo.learning_rate", LearningRate, "> 0");
        Require(LearningRateSchedule is "kl_adaptive_minibatch" or "kl_adaptive" or "constant", "ppo.learning_rate_schedule", LearningRateSchedule, "kl_adaptive_minibatch, kl_adaptive or constant");
        Require(TargetKl > 0, "ppo.target_kl", TargetKl, "> 0");
        Require(Gamma > 0 && Gamma <= 1, "ppo.gamma", Gamma, "in (0, 1]");
        Require(GaeLambda >= 0 && GaeLambda <= 1, "ppo.gae_lambda", GaeLambda, "in [0, 1]");
        Require(ClipRatio > 0, "ppo.clip_ratio", ClipRatio, "> 0");
        Require(ValueClip > 0, "ppo.value_clip", ValueClip, "> 0");
        Require(ValueCoef >= 0, "ppo.value_coef", ValueCoef, ">= 0");
        Require(EntropyCoef >= 0, "ppo.entropy_coef", EntropyCoef, ">= 0");
        Require(MaxGradNorm > 0, "ppo.max_grad_norm", MaxGradNorm, "> 0");
        Require(AdamEpsilon > 0, "ppo.adam_epsilon", AdamEpsilon, "> 0");
    }

    private static void Require(bool ok, string field, object value, string allowed)
    {
        if (!ok || value is double d && !double.IsFinite(d))
        {
            throw new PogemaInputException($"{field} = {value}: must be {allowed}");
        }
    }
}
