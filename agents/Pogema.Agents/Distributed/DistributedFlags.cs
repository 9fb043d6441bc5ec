namespace Pogema.Agents.Distributed;

/// <summary>The multi-GPU command-line flags as given (null = not given).</summary>
/// <param name="Gpus">--gpus: worker processes (one per GPU) on this node.</param>
/// <param name="Nodes">--nodes: number of nodes.</param>
/// <param name="NodeRank">--node-rank: this node's index, 0 on the node that hosts rank 0.</param>
/// <param name="MasterAddress">--master-addr: address of the node running rank 0.</param>
/// <param name="MasterPort">--master-port: TCP port of the rendezvous on that node.</param>
/// <param name="RendezvousTimeoutSeconds">--rendezvous-timeout: how long to wait for every worker.</param>
public sealed record DistributedFlags(
    int? Gpus = null,
    int? Nodes = null,
    int? NodeRank = null,
    string? MasterAddress = null,
    int? MasterPort = null,
    double? RendezvousTimeoutSeconds = null);
