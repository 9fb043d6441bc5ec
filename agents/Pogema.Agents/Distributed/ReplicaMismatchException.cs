namespace Pogema.Agents.Distributed;

/// <summary>The data-parallel replicas no longer hold identical parameters (found by --check-replicas).</summary>
public sealed class ReplicaMismatchException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> says after which step and by how much.</summary>
    public ReplicaMismatchException(string message)
        : base(message)
    {
    }
}
