using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Pogema.Agents.Distributed;

/// <summary>
/// Starts this node's workers: the same program with the same arguments, once per GPU, each with RANK, LOCAL_RANK,
/// WORLD_SIZE, MASTER_ADDR, MASTER_PORT and a CUDA_VISIBLE_DEVICES that shows it only its own GPU. Waits for all of
/// them; when one fails, stops the others so that no worker waits forever in a collective.
/// </summary>
public sealed class WorkerLauncher
{
    private readonly DistributedSettings _settings;
    private readonly TextWriter _log;

    /// <summary>Launches the workers described by <paramref name="settings"/>; progress lines go to <paramref name="log"/>.</summary>
    public WorkerLauncher(DistributedSettings settings, TextWriter log)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>
    /// The command that starts this very program again: the executable, plus the entry assembly when running under
    /// the <c>dotnet</c> host (<c>dotnet pogema.dll</c>).
    /// </summary>
    public static (string FileName, string[] Prefix) CurrentProgram()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which program is running");
        var name = Path.GetFileNameWithoutExtension(process);
        if (string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
            if (string.IsNullOrEmpty(entry))
            {
                throw new InvalidOperationException("cannot find the entry assembly to start workers with");
            }

            return (process, [entry]);
        }

        return (process, []);
    }

    /// <summary>A TCP port that is free on the loopback interface right now.</summary>
    public static int FreeLoopbackPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// The environment of local worker <paramref name="localRank"/>, given the launcher's CUDA_VISIBLE_DEVICES
    /// (<paramref name="visibleDevices"/>) and the rendezvous port actually used.
    /// </summary>
    public IReadOnlyDictionary<string, string> WorkerEnvironment(int localRank, int port, string? visibleDevices)
    {
        var invariant = CultureInfo.InvariantCulture;
        var environment = new Dictionary<string, string>
        {
            [DistributedSettings.RankVariable] = (_settings.NodeRank * _settings.GpusPerNode + localRank).ToString(invariant),
            [DistributedSettings.LocalRankVariable] = localRank.ToString(invariant),
            [DistributedSettings.WorldSizeVariable] = _settings.WorldSize.ToString(invariant),
            [DistributedSettings.LocalWorldSizeVariable] = _settings.GpusPerNode.ToString(invariant),
            [DistributedSettings.NodeRankVariable] = _settings.NodeRank.ToString(invariant),
            [DistributedSettings.MasterAddressVariable] = _settings.MasterAddress,
            [DistributedSettings.MasterPortVariable] = port.ToString(invariant),
        };

        var visible = CudaDeviceIsolation.VisibleDevicesFor(localRank, visibleDevices);
        if (visible is not null)
        {
            environment[CudaDeviceIsolation.VisibleDevicesVariable] = visible;
        }

        return environment;
    }

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> once per local GPU and returns 0 when all
    /// workers succeed, else the exit code of the first one that failed.
    /// </summary>
    public int Run(string fileName, IReadOnlyList<string> arguments)
    {
        var port = _settings.MasterPort == 0 ? FreeLoopbackPort() : _settings.MasterPort;
        var visibleDevices = Environment.GetEnvironmentVariable(CudaDeviceIsolation.VisibleDevicesVariable);
        var workers = new Process[_settings.GpusPerNode];
        _log.WriteLine(
            $"starting {_settings.GpusPerNode} worker(s) on node {_settings.NodeRank} of {_settings.Nodes} " +
            $"(world size {_settings.WorldSize}, rendezvous {_settings.MasterAddress}:{port})");

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Ctrl+C reaches the workers too (same process group); stay alive to collect their exit codes.
            e.Cancel = true;
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            for (var localRank = 0; localRank < workers.Length; localRank++)
            {
                var start = new ProcessStartInfo(fileName) { UseShellExecute = false };
                foreach (var argument in arguments)
                {
                    start.ArgumentList.Add(argument);
                }

                foreach (var (name, value) in WorkerEnvironment(localRank, port, visibleDevices))
                {
                    start.Environment[name] = value;
                }

                workers[localRank] = Process.Start(start) ?? throw new InvalidOperationException($"could not start worker {localRank}");
            }

            return WaitAll(workers);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            foreach (var worker in workers)
            {
                worker?.Dispose();
            }
        }
    }

    private int WaitAll(Process?[] workers)
    {
        var running = workers.Length;
        var finished = new bool[workers.Length];
        while (running > 0)
        {
            for (var i = 0; i < workers.Length; i++)
            {
                var worker = workers[i];
                if (finished[i] || worker is null || !worker.WaitForExit(TimeSpan.FromMilliseconds(100)))
                {
                    continue;
                }

                finished[i] = true;
                running--;
                if (worker.ExitCode != 0)
                {
                    _log.WriteLine($"worker {i} (rank {_settings.NodeRank * _settings.GpusPerNode + i}) exited with code {worker.ExitCode}; stopping the others");
                    StopOthers(workers, finished);
                    return worker.ExitCode;
                }
            }
        }

        return 0;
    }

    private static void StopOthers(Process?[] workers, bool[] finished)
    {
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = workers[i];
            if (finished[i] || worker is null)
            {
                continue;
            }

            try
            {
                worker.Kill(entireProcessTree: true);
                worker.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (InvalidOperationException)
            {
                // It exited on its own meanwhile.
            }
        }
    }
}
