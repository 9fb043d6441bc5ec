using Pogema.Agents.Configuration;
using Pogema.Agents.Environments;
using Pogema.Env;

namespace Pogema.Cli.Commands;

/// <summary>
/// Builds the vectorized environments that <c>pogema train</c> trains and evaluates on from the env section of a
/// config. This is the one place that connects the agents library to the environment library.
/// </summary>
internal static class TrainEnvironments
{
    /// <summary>The training environments (E x A agents, a task drawn per episode).</summary>
    public static IVectorEnv CreateTraining(TrainConfig config)
    {
        throw NotAvailable();
    }

    /// <summary>The evaluation environments of the config's task (Bottleneck: corridor lengths 3..30, seeds 0..9).</summary>
    public static IVectorEnv CreateEvaluation(TrainConfig config, out string description)
    {
        description = string.Empty;
        throw NotAvailable();
    }

    private static PogemaInputException NotAvailable()
    {
        return new PogemaInputException("env: this build has no vectorized environment yet (Pogema.Env.Vector); training runs only in library tests until it lands");
    }
}
