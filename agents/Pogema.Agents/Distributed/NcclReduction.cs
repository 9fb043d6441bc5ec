namespace Pogema.Agents.Distributed;

/// <summary>The <c>ncclRedOp_t</c> values used here.</summary>
public enum NcclReduction
{
    /// <summary><c>ncclSum</c>.</summary>
    Sum = 0,

    /// <summary><c>ncclAvg</c> (NCCL 2.10+).</summary>
    Average = 4,
}
