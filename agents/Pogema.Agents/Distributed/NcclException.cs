namespace Pogema.Agents.Distributed;

/// <summary>An NCCL call failed, or the NCCL library could not be loaded.</summary>
public sealed class NcclException : Exception
{
    /// <summary>Creates the exception with NCCL's own error text already in <paramref name="message"/>.</summary>
    public NcclException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the cause that prevented loading NCCL.</summary>
    public NcclException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
