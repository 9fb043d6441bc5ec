using System.Runtime.InteropServices;
using System.Text;

namespace Pogema.Agents.Distributed;

/// <summary>
/// A thin binding of NCCL's C API, loaded on first use from the local CUDA/PyTorch installation. Nothing is loaded
/// until <see cref="Shared"/> is read, so machines without NCCL run everything else.
/// </summary>
/// <remarks>
/// Entry points are resolved with <see cref="NativeLibrary"/> into unmanaged function pointers rather than
/// <c>[DllImport]</c>: the library's location is only known at run time, and a per-assembly
/// <c>SetDllImportResolver</c> can be registered once, which would collide with any other resolver in this assembly.
/// Search order: <c>POGEMA_NCCL_LIBRARY</c> (a file, or a folder holding libnccl.so.2); the copy already loaded into
/// the process (a CUDA libtorch links it); <c>libnccl.so.2</c> through the system loader (LD_LIBRARY_PATH, ld.so
/// cache); then next to libtorch and in PyTorch's <c>site-packages/nvidia/nccl/lib</c> beside any torch/lib folder on
/// LD_LIBRARY_PATH.
/// </remarks>
public sealed unsafe class NcclLibrary
{
    /// <summary>Environment variable naming libnccl.so.2 (or its folder) explicitly.</summary>
    public const string LibraryVariable = "POGEMA_NCCL_LIBRARY";

    /// <summary>The library's file name (soname) on Linux.</summary>
    public const string FileName = "libnccl.so.2";

    private static readonly Lazy<NcclLibrary> s_shared = new(
        () => Load(Environment.GetEnvironmentVariable(LibraryVariable), trySystem: true, extraDirectories: null),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly delegate* unmanaged<int*, int> _getVersion;
    private readonly delegate* unmanaged<NcclUniqueId*, int> _getUniqueId;
    private readonly delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int> _commInitRank;
    private readonly delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int> _allReduce;
    private readonly delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int> _broadcast;
    private readonly delegate* unmanaged<IntPtr, int> _commDestroy;
    private readonly delegate* unmanaged<int, byte*> _getErrorString;
    private readonly delegate* unmanaged<IntPtr, byte*> _getLastError;

    private NcclLibrary(string path, IntPtr handle)
    {
        Path = path;
        _getVersion = (delegate* unmanaged<int*, int>)Export(handle, "ncclGetVersion");
        _getUniqueId = (delegate* unmanaged<NcclUniqueId*, int>)Export(handle, "ncclGetUniqueId");
        _commInitRank = (delegate* unmanaged<IntPtr*, int, NcclUniqueId, int, int>)Export(handle, "ncclCommInitRank");
        _allReduce = (delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int>)Export(handle, "ncclAllReduce");
        _broadcast = (delegate* unmanaged<IntPtr, IntPtr, nuint, int, int, IntPtr, IntPtr, int>)Export(handle, "ncclBroadcast");
        _commDestroy = (delegate* unmanaged<IntPtr, int>)Export(handle, "ncclCommDestroy");
        _getErrorString = (delegate* unmanaged<int, byte*>)Export(handle, "ncclGetErrorString");

        // ncclGetLastError (NCCL 2.13+) adds the reason to a failure; older libraries just lack it.
        _getLastError = NativeLibrary.TryGetExport(handle, "ncclGetLastError", out var lastError)
            ? (delegate* unmanaged<IntPtr, byte*>)lastError
            : null;

        int code;
        Check(_getVersion(&code), "ncclGetVersion");
        VersionCode = code;
    }

    /// <summary>The process-wide NCCL, loaded on first access; throws <see cref="NcclException"/> naming <see cref="LibraryVariable"/> when none is found.</summary>
    public static NcclLibrary Shared => s_shared.Value;

    /// <summary>True once <see cref="Shared"/> has loaded a library.</summary>
    internal static bool SharedLoaded => s_shared.IsValueCreated;

    /// <summary>The file that was loaded.</summary>
    public string Path { get; }

    /// <summary><c>ncclGetVersion</c>: major*10000 + minor*100 + patch for NCCL ≥ 2.9 (e.g. 22703 for 2.27.3).</summary>
    public int VersionCode { get; }

    /// <summary>The version as text, e.g. <c>2.27.3</c>.</summary>
    public string VersionText => VersionCode >= 10000
        ? $"{VersionCode / 10000}.{VersionCode / 100 % 100}.{VersionCode % 100}"
        : $"{VersionCode / 1000}.{VersionCode / 100 % 10}.{VersionCode % 100}";

    /// <summary><c>ncclAvg</c> exists from NCCL 2.10 on; before that the sum is scaled afterwards.</summary>
    public bool SupportsAverage => VersionCode >= 21000;

    /// <summary>
    /// Loads NCCL from <paramref name="configuredPath"/> when given (a file, or a folder holding libnccl.so.2), else
    /// searches as described on the type. <paramref name="trySystem"/> = false skips the process and system loader
    /// (for tests); <paramref name="extraDirectories"/> replaces the libtorch/LD_LIBRARY_PATH folders when given.
    /// </summary>
    public static NcclLibrary Load(string? configuredPath, bool trySystem, IReadOnlyList<string>? extraDirectories)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var file = Directory.Exists(configuredPath) ? System.IO.Path.Combine(configuredPath, FileName) : configuredPath;
            if (!File.Exists(file))
            {
                throw new NcclException($"{LibraryVariable}={configuredPath}: no such file ({FileName} expected); point it at the libnccl.so.2 of your CUDA or PyTorch installation (PyTorch ships it in site-packages/nvidia/nccl/lib)");
            }

            try
            {
                return new NcclLibrary(file, NativeLibrary.Load(file));
            }
            catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
            {
                throw new NcclException($"{LibraryVariable}={configuredPath}: could not load it as NCCL: {ex.Message}", ex);
            }
        }

        var tried = new List<string>();
        if (trySystem)
        {
            var loaded = LoadedCopy();
            if (loaded is not null && NativeLibrary.TryLoad(loaded, out var handle))
            {
                return new NcclLibrary(loaded, handle);
            }

            tried.Add($"{FileName} (system loader)");
            if (NativeLibrary.TryLoad(FileName, out handle))
            {
                return new NcclLibrary(FileName, handle);
            }
        }

        foreach (var directory in extraDirectories ?? SearchDirectories())
        {
            foreach (var candidate in CandidatesIn(directory))
            {
                tried.Add(candidate);
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out var handle))
                {
                    return new NcclLibrary(candidate, handle);
                }
            }
        }

        throw new NcclException(
            $"NCCL ({FileName}) not found; set {LibraryVariable} to its path, e.g. " +
            $"{LibraryVariable}=$(python3 -c 'import torch,os;print(os.path.dirname(os.path.dirname(torch.__file__)))')/nvidia/nccl/lib/{FileName}, " +
            $"or add its folder to LD_LIBRARY_PATH (tried: {string.Join(", ", tried)})");
    }

    /// <summary>A fresh id for a new communicator; called by rank 0 only.</summary>
    public NcclUniqueId GetUniqueId()
    {
        NcclUniqueId id;
        Check(_getUniqueId(&id), "ncclGetUniqueId");
        return id;
    }

    /// <summary><c>ncclCommInitRank</c> on the current CUDA device; blocks until all <paramref name="worldSize"/> ranks have joined.</summary>
    public IntPtr CommInitRank(int worldSize, NcclUniqueId id, int rank)
    {
        IntPtr comm;
        Check(_commInitRank(&comm, worldSize, id, rank), "ncclCommInitRank");
        return comm;
    }

    /// <summary><c>ncclAllReduce</c>, in place when <paramref name="send"/> equals <paramref name="receive"/>.</summary>
    public void AllReduce(IntPtr send, IntPtr receive, long count, NcclDataType type, NcclReduction op, IntPtr comm, IntPtr stream)
    {
        Check(_allReduce(send, receive, (nuint)count, (int)type, (int)op, comm, stream), "ncclAllReduce", comm);
    }

    /// <summary><c>ncclBroadcast</c> from <paramref name="root"/>, in place when <paramref name="send"/> equals <paramref name="receive"/>.</summary>
    public void Broadcast(IntPtr send, IntPtr receive, long count, NcclDataType type, int root, IntPtr comm, IntPtr stream)
    {
        Check(_broadcast(send, receive, (nuint)count, (int)type, root, comm, stream), "ncclBroadcast", comm);
    }

    /// <summary><c>ncclCommDestroy</c>.</summary>
    public void CommDestroy(IntPtr comm) => Check(_commDestroy(comm), "ncclCommDestroy");

    /// <summary>NCCL's text for a result code (<c>ncclGetErrorString</c>).</summary>
    public string ErrorString(int result) => Marshal.PtrToStringUTF8((IntPtr)_getErrorString(result)) ?? $"error {result}";

    internal static IEnumerable<string> CandidatesIn(string directory)
    {
        yield return System.IO.Path.Combine(directory, FileName);

        // A pip-installed PyTorch keeps NCCL in site-packages/nvidia/nccl/lib, two levels above torch/lib.
        yield return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, "..", "..", "nvidia", "nccl", "lib", FileName));
    }

    private static List<string> SearchDirectories()
    {
        var directories = new List<string>();
        foreach (var path in MappedLibraries())
        {
            var name = System.IO.Path.GetFileName(path);
            if (name.StartsWith("libtorch", StringComparison.Ordinal) || name.StartsWith("libc10", StringComparison.Ordinal))
            {
                AddDistinct(directories, System.IO.Path.GetDirectoryName(path));
            }
        }

        var ldPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        if (!string.IsNullOrEmpty(ldPath))
        {
            foreach (var directory in ldPath.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                AddDistinct(directories, directory);
            }
        }

        return directories;
    }

    private static string? LoadedCopy()
    {
        foreach (var path in MappedLibraries())
        {
            if (System.IO.Path.GetFileName(path).StartsWith("libnccl.so", StringComparison.Ordinal))
            {
                return path;
            }
        }

        return null;
    }

    private static IEnumerable<string> MappedLibraries()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(maps))
        {
            var slash = line.IndexOf('/');
            if (slash >= 0 && line.Contains(".so", StringComparison.Ordinal))
            {
                yield return line[slash..];
            }
        }
    }

    private static void AddDistinct(List<string> directories, string? directory)
    {
        if (!string.IsNullOrEmpty(directory) && !directories.Contains(directory))
        {
            directories.Add(directory);
        }
    }

    private static IntPtr Export(IntPtr handle, string name)
    {
        if (!NativeLibrary.TryGetExport(handle, name, out var address))
        {
            throw new EntryPointNotFoundException($"{name} is missing: this is not an NCCL 2 library");
        }

        return address;
    }

    private void Check(int result, string call, IntPtr comm = default)
    {
        if (result == 0)
        {
            return;
        }

        var message = new StringBuilder($"{call} failed: {ErrorString(result)} (ncclResult {result}, NCCL {VersionText} from {Path})");
        if (_getLastError != null)
        {
            var detail = Marshal.PtrToStringUTF8((IntPtr)_getLastError(comm));
            if (!string.IsNullOrWhiteSpace(detail))
            {
                message.Append(": ").Append(detail.Trim());
            }
        }

        message.Append(". Set NCCL_DEBUG=INFO for NCCL's own log.");
        throw new NcclException(message.ToString());
    }
}
