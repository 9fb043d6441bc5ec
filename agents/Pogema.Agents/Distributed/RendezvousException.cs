namespace Pogema.Agents.Distributed;

/// <summary>
/// The workers could not meet: rank 0 unreachable, a peer that did not come in time, or ranks started with different
/// settings. An <see cref="IOException"/>, so the command line prints its one-line message without a stack trace.
/// </summary>
public sealed class RendezvousException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> names the address, the ranks and the timeout.</summary>
    public RendezvousException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the socket error behind it.</summary>
    public RendezvousException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
