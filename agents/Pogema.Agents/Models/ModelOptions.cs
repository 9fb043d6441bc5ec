using Pogema.Env;

namespace Pogema.Agents.Models;

/// <summary>Size and kind of the policy network. Defaults are the Bottleneck size of SRMT.</summary>
public sealed class ModelOptions
{
    /// <summary>The cores a policy can use.</summary>
    public static readonly string[] CoreKinds = { "srmt", "rmt", "attention", "gru", "empty" };

    /// <summary>Core between encoder and heads: srmt, rmt, attention, gru or empty.</summary>
    public string Core { get; set; } = "srmt";

    /// <summary>Convolution channels F of the encoder.</summary>
    public int Filters { get; set; } = 8;

    /// <summary>Residual blocks n of the encoder.</summary>
    public int ResidualBlocks { get; set; } = 1;

    /// <summary>Hidden size H of the encoder output, the core tokens and the memory.</summary>
    public int Hidden { get; set; } = 16;

    /// <summary>Attention heads of the transformer cores (H must be a multiple).</summary>
    public int Heads { get; set; } = 4;

    /// <summary>How many past encoder outputs the transformer cores see (the history tokens).</summary>
    public int HistoryLength { get; set; } = 8;

    /// <summary>Dropout of the transformer block while training (never while acting).</summary>
    public double Dropout { get; set; } = 0.1;

    /// <summary>The encoder presets: <c>bottleneck</c> (F=8, n=1, H=16, 4 heads) and <c>pogema</c> (F=64, n=8, H=512, 8 heads).</summary>
    public static ModelOptions Preset(string name)
    {
        return name switch
        {
            "bottleneck" => new ModelOptions { Filters = 8, ResidualBlocks = 1, Hidden = 16, Heads = 4 },
            "pogema" => new ModelOptions { Filters = 64, ResidualBlocks = 8, Hidden = 512, Heads = 8 },
            _ => throw new PogemaInputException($"model preset '{name}': expected bottleneck or pogema"),
        };
    }

    /// <summary>Checks every field; a bad value is a user mistake naming the field.</summary>
    public void Validate()
    {
        if (Array.IndexOf(CoreKinds, Core) < 0)
        {
            throw new PogemaInputException($"model.core '{Core}': expected one of {string.Join(", ", CoreKinds)}");
        }

        Require(Filters >= 1, "model.filters", Filters, ">= 1");
        Require(ResidualBlocks >= 0, "model.residual_blocks", ResidualBlocks, ">= 0");
        Require(Hidden >= 1, "model.hidden", Hidden, ">= 1");
        Require(Heads >= 1 && Hidden % Heads == 0, "model.heads", Heads, "a divisor of model.hidden");
        Require(HistoryLength >= 0, "model.history_length", HistoryLength, ">= 0");
        Require(Dropout >= 0 && Dropout < 1, "model.dropout", Dropout, "in [0, 1)");
    }

    private static void Require(bool ok, string field, object value, string allowed)
    {
        if (!ok)
        {
            throw new PogemaInputException($"{field} = {value}: must be {allowed}");
        }
    }
}
