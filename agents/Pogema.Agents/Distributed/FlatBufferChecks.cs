using TorchSharp;

namespace Pogema.Agents.Distributed;

/// <summary>Argument checks shared by the <see cref="IGradientAllReduce"/> implementations.</summary>
internal static class FlatBufferChecks
{
    /// <summary>Collectives work on raw memory, so the buffer must be one dense float32 block.</summary>
    public static void Require(torch.Tensor buffer, string name)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        if (buffer.dtype != torch.ScalarType.Float32)
        {
            throw new ArgumentException($"expected a float32 buffer, got {buffer.dtype}", name);
        }

        if (!buffer.is_contiguous())
        {
            throw new ArgumentException("expected a contiguous buffer", name);
        }
    }

    public static void RequireRoot(int root, int worldSize)
    {
        if (root < 0 || root >= worldSize)
        {
            throw new ArgumentOutOfRangeException(nameof(root), root, $"root must be in [0, {worldSize})");
        }
    }
}
