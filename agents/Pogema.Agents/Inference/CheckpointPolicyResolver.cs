using Pogema.Agents.Training;
using Pogema.Env.Policies;

namespace Pogema.Agents.Inference;

/// <summary>
/// Lets <c>pogema eval</c> (and any <see cref="IPolicyFactoryResolver"/> user) take a training checkpoint as a
/// policy: a <c>.pgm</c> file, or a run folder holding <c>checkpoint.pgm</c> or <c>policy.pgm</c>. An optional <c>@device</c> suffix
/// (<c>runs/x/checkpoint.pgm@cpu</c>) picks the device; the default is <c>auto</c>.
/// </summary>
public sealed class CheckpointPolicyResolver : IPolicyFactoryResolver
{
    public IPolicyFactory? TryResolve(string spec)
    {
        var device = "auto";
        var path = spec;
        var at = spec.LastIndexOf('@');
        if (at > 0)
        {
            device = spec[(at + 1)..];
            path = spec[..at];
        }

        if (System.IO.Directory.Exists(path) && File.Exists(Path.Combine(path, Checkpoint.FileName)))
        {
            path = Path.Combine(path, Checkpoint.FileName);
        }
        else if (System.IO.Directory.Exists(path) && File.Exists(Path.Combine(path, Checkpoint.PolicyFileName)))
        {
            path = Path.Combine(path, Checkpoint.PolicyFileName);
        }
        else if (!path.EndsWith(".pgm", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var policy = TrainedPolicy.Load(path, device);
        return new CheckpointPolicyFactory(policy, Path.GetFileNameWithoutExtension(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "checkpoint");
    }
}
