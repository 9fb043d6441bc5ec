using Pogema.Env;
using TorchSharp;

namespace Pogema.Agents.Runtime;

/// <summary>Turns a device name from the command line or a config (<c>auto</c>, <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>) into a torch device.</summary>
public static class DeviceSelector
{
    /// <summary>The names accepted by <see cref="Resolve"/>.</summary>
    public const string Allowed = "auto, cpu, cuda, cuda:<index>";

    /// <summary>
    /// Resolves <paramref name="name"/>: <c>auto</c> picks CUDA when libtorch reports it available, else the CPU.
    /// Asking for CUDA on a machine without it is a user mistake with a one-line explanation.
    /// </summary>
    public static torch.Device Resolve(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key == "auto")
        {
            return torch.cuda.is_available() ? new torch.Device(DeviceType.CUDA, 0) : torch.CPU;
        }

        if (key == "cpu")
        {
            return torch.CPU;
        }

        if (key == "cuda" || key.StartsWith("cuda:", StringComparison.Ordinal))
        {
            var index = 0;
            if (key.Length > 4 && !int.TryParse(key.AsSpan(5), out index))
            {
                throw new PogemaInputException($"device '{name}': expected {Allowed}");
            }

            if (!torch.cuda.is_available())
            {
                throw new PogemaInputException(
                    $"device '{name}': CUDA is not available (this build loads a CPU libtorch, or no GPU/driver is present); " +
                    "build with -p:TorchBackend=system and put a CUDA PyTorch's lib folder on LD_LIBRARY_PATH, or use --device cpu");
            }

            if (index >= torch.cuda.device_count())
            {
                throw new PogemaInputException($"device '{name}': only {torch.cuda.device_count()} CUDA device(s) present");
            }

            return new torch.Device(DeviceType.CUDA, index);
        }

        throw new PogemaInputException($"device '{name}': expected {Allowed}");
    }
}
