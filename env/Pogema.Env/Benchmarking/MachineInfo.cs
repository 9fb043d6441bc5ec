using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// The machine a bench ran on: CPU model, cores, caches, NUMA nodes, clocks, memory, OS and runtime, and whether the
/// process may use fewer CPUs than the machine has (cgroup quota, affinity). Read once per bench, best effort: on
/// Linux from /proc and /sys, elsewhere only what .NET knows; anything missing is null ("unknown" in text), never an
/// exception. Two hosts of the same kind can differ in clock, cache and core layout, and those decide how a bench
/// scales, so the report records them.
/// </summary>
public sealed record MachineInfo
{
    private const string Unknown = "unknown";

    /// <summary>The CPU's model name, or "unknown".</summary>
    public string CpuModel { get; init; } = Unknown;

    /// <summary>Logical processors the machine has online (hardware threads).</summary>
    public int? LogicalProcessors { get; init; }

    /// <summary>Physical cores (distinct socket and core ids).</summary>
    public int? PhysicalCores { get; init; }

    /// <summary>CPU sockets (packages).</summary>
    public int? Sockets { get; init; }

    /// <summary>NUMA nodes.</summary>
    public int? NumaNodes { get; init; }

    /// <summary>Level-1 data cache of the first CPU, in bytes.</summary>
    public long? L1dCacheBytes { get; init; }

    /// <summary>Level-2 cache of the first CPU, in bytes.</summary>
    public long? L2CacheBytes { get; init; }

    /// <summary>Level-3 cache the first CPU sees (the slice it shares, not the socket's total on chiplet CPUs), in bytes.</summary>
    public long? L3CacheBytes { get; init; }

    /// <summary>Highest clock cpufreq allows, in MHz.</summary>
    public double? MaxClockMHz { get; init; }

    /// <summary>Base (nominal) clock cpufreq reports, in MHz; few drivers report one.</summary>
    public double? BaseClockMHz { get; init; }

    /// <summary>The first CPU's clock when the bench started (<c>cpu MHz</c> of /proc/cpuinfo), in MHz.</summary>
    public double? ClockMHzAtStart { get; init; }

    /// <summary>Total memory of the machine, in bytes.</summary>
    public long? MemoryBytes { get; init; }

    /// <summary>The operating system (distribution name on Linux).</summary>
    public string Os { get; init; } = Unknown;

    /// <summary>The kernel release, or "unknown".</summary>
    public string Kernel { get; init; } = Unknown;

    /// <summary>The .NET runtime and its version.</summary>
    public string Runtime { get; init; } = RuntimeInformation.FrameworkDescription;

    /// <summary>The process's architecture (X64, Arm64, ...).</summary>
    public string Architecture { get; init; } = RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary><see cref="Environment.ProcessorCount"/>: the processors .NET sizes its thread pool for (affinity and quota included).</summary>
    public int DotnetProcessorCount { get; init; } = Environment.ProcessorCount;

    /// <summary>CPUs the kernel has online (/sys/devices/system/cpu/online).</summary>
    public int? OnlineCpus { get; init; }

    /// <summary>CPUs the process may run on (its affinity, <c>Cpus_allowed_list</c>).</summary>
    public int? AffinityCpus { get; init; }

    /// <summary>Whether a cgroup CPU limit file was found and understood (then a null quota means no limit).</summary>
    public bool CgroupCpuQuotaRead { get; init; }

    /// <summary>The cgroup CPU quota in CPUs (quota / period); null when there is none or it was not read.</summary>
    public double? CgroupCpuQuotaCores { get; init; }

    /// <summary>Whether the process may use fewer CPUs than are online: a cgroup quota, an affinity mask, or .NET seeing fewer.</summary>
    public bool CpuLimited
    {
        get
        {
            int? online = OnlineCpus ?? LogicalProcessors;
            if (online is not { } n)
            {
                return CgroupCpuQuotaCores is not null;
            }

            return CgroupCpuQuotaCores < n || AffinityCpus < n || DotnetProcessorCount < n;
        }
    }

    /// <summary>Reads this machine: Linux's /proc and /sys, or on other systems what <see cref="RuntimeInformation"/> knows.</summary>
    public static MachineInfo Read() => OperatingSystem.IsLinux() ? Read("/") : FromRuntime();

    /// <summary>
    /// Reads the Linux files under <paramref name="root"/> (normally <c>/</c>: <c>proc/cpuinfo</c>, <c>sys/devices/system/...</c>,
    /// <c>sys/fs/cgroup/...</c>, <c>etc/os-release</c>); a missing or unreadable file leaves its fields unknown.
    /// </summary>
    public static MachineInfo Read(string root)
    {
        string? cpuinfo = ReadText(root, "proc/cpuinfo");
        string? online = ReadText(root, "sys/devices/system/cpu/online");
        int? onlineCount = online is null ? null : MachineInfoParsing.CpuListCount(online);
        string? status = ReadText(root, "proc/self/status");
        string? allowed = status is null ? null : MachineInfoParsing.CpusAllowedList(status);
        string? meminfo = ReadText(root, "proc/meminfo");
        string? osRelease = ReadText(root, "etc/os-release");
        string? kernel = ReadText(root, "proc/sys/kernel/osrelease")?.Trim();
        (bool quotaRead, double? quota) = ReadCgroupQuota(root);
        (int? cores, int? sockets) = cpuinfo is null ? (null, null) : (MachineInfoParsing.PhysicalCores(cpuinfo), MachineInfoParsing.Sockets(cpuinfo));
        if (cores is null || sockets is null)
        {
            (int? sysCores, int? sysSockets) = ReadSysTopology(root);
            cores ??= sysCores;
            sockets ??= sysSockets;
        }

        return new MachineInfo
        {
            CpuModel = (cpuinfo is null ? null : MachineInfoParsing.CpuModel(cpuinfo)) ?? Unknown,
            LogicalProcessors = (cpuinfo is null ? null : MachineInfoParsing.LogicalProcessors(cpuinfo)) ?? onlineCount,
            PhysicalCores = cores,
            Sockets = sockets,
            NumaNodes = CountNumbered(Path.Join(root, "sys/devices/system/node"), "node"),
            L1dCacheBytes = ReadCache(root, 1, "Data"),
            L2CacheBytes = ReadCache(root, 2, "Unified"),
            L3CacheBytes = ReadCache(root, 3, "Unified"),
            MaxClockMHz = ReadKHz(root, "sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"),
            BaseClockMHz = ReadKHz(root, "sys/devices/system/cpu/cpu0/cpufreq/base_frequency"),
            ClockMHzAtStart = cpuinfo is null ? null : MachineInfoParsing.CpuMHz(cpuinfo),
            MemoryBytes = meminfo is null ? null : MachineInfoParsing.MemTotalBytes(meminfo),
            Os = (osRelease is null ? null : MachineInfoParsing.OsPrettyName(osRelease)) ?? RuntimeInformation.OSDescription,
            Kernel = string.IsNullOrEmpty(kernel) ? Unknown : kernel,
            OnlineCpus = onlineCount,
            AffinityCpus = allowed is null ? null : MachineInfoParsing.CpuListCount(allowed),
            CgroupCpuQuotaRead = quotaRead,
            CgroupCpuQuotaCores = quota,
        };
    }

    /// <summary>
    /// One line on the hardware: model, cores, sockets, NUMA nodes, caches, clocks, memory
    /// (e.g. <c>Host: AMD EPYC 9654, 96 cores / 192 logical processors, 1 socket, 1 NUMA node; L1d 32 KiB, L2 1 MiB, L3 32 MiB; clock max 3700 MHz, base unknown, 2400 MHz at start; memory 755.0 GiB.</c>).
    /// </summary>
    public string HardwareLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"Host: {CpuModel}, {Num(PhysicalCores)} cores / {Num(LogicalProcessors)} logical processors, {Plural(Sockets, "socket")}, {Plural(NumaNodes, "NUMA node")}; " +
        $"L1d {Bytes(L1dCacheBytes)}, L2 {Bytes(L2CacheBytes)}, L3 {Bytes(L3CacheBytes)}; " +
        $"clock max {MHz(MaxClockMHz)}, base {MHz(BaseClockMHz)}, {MHz(ClockMHzAtStart)} at start; memory {GiB(MemoryBytes)}.");

    /// <summary>One line on the software and CPU limits: OS, kernel, runtime, cgroup quota, affinity and what .NET sees.</summary>
    public string SystemLine()
    {
        string quota = !CgroupCpuQuotaRead ? Unknown : CgroupCpuQuotaCores is { } q ? q.ToString("0.##", CultureInfo.InvariantCulture) + " CPUs" : "none";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"System: {Os}, kernel {Kernel}, {Runtime} {Architecture}; CPU limits: {(CpuLimited ? "yes" : "none")} " +
            $"(cgroup quota {quota}, affinity {Num(AffinityCpus)} of {Num(OnlineCpus)} online CPUs, .NET sees {DotnetProcessorCount}).");
    }

    /// <summary>Writes the machine as a JSON object (snake_case fields, null for unknown figures).</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("cpu_model", CpuModel);
        WriteOptional(json, "logical_processors", LogicalProcessors);
        WriteOptional(json, "physical_cores", PhysicalCores);
        WriteOptional(json, "sockets", Sockets);
        WriteOptional(json, "numa_nodes", NumaNodes);
        WriteOptional(json, "l1d_cache_bytes", L1dCacheBytes);
        WriteOptional(json, "l2_cache_bytes", L2CacheBytes);
        WriteOptional(json, "l3_cache_bytes", L3CacheBytes);
        WriteOptional(json, "max_clock_mhz", MaxClockMHz);
        WriteOptional(json, "base_clock_mhz", BaseClockMHz);
        WriteOptional(json, "clock_mhz_at_start", ClockMHzAtStart);
        WriteOptional(json, "memory_bytes", MemoryBytes);
        json.WriteString("os", Os);
        json.WriteString("kernel", Kernel);
        json.WriteString("runtime", Runtime);
        json.WriteString("architecture", Architecture);
        json.WriteNumber("dotnet_processor_count", DotnetProcessorCount);
        WriteOptional(json, "online_cpus", OnlineCpus);
        WriteOptional(json, "affinity_cpus", AffinityCpus);
        json.WriteBoolean("cgroup_cpu_quota_read", CgroupCpuQuotaRead);
        WriteOptional(json, "cgroup_cpu_quota_cores", CgroupCpuQuotaCores);
        json.WriteBoolean("cpu_limited", CpuLimited);
        json.WriteEndObject();
    }

    private static MachineInfo FromRuntime()
    {
        long memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new MachineInfo
        {
            Os = RuntimeInformation.OSDescription,
            Kernel = Environment.OSVersion.VersionString,
            MemoryBytes = memory > 0 ? memory : null,
        };
    }

    /// <summary>The cgroup v2 <c>cpu.max</c> of the process's own group, then of the mount's root; else cgroup v1's CFS pair.</summary>
    private static (bool Read, double? Cores) ReadCgroupQuota(string root)
    {
        var candidates = new List<string>();
        if (ReadText(root, "proc/self/cgroup") is { } cgroups)
        {
            foreach (string line in cgroups.Split('\n'))
            {
                if (line.StartsWith("0::/", StringComparison.Ordinal) && line.Length > 4)
                {
                    candidates.Add($"sys/fs/cgroup/{line[4..].Trim()}/cpu.max");
                }
            }
        }

        candidates.Add("sys/fs/cgroup/cpu.max");
        foreach (string path in candidates)
        {
            if (ReadText(root, path) is { } text && MachineInfoParsing.TryParseCpuMax(text, out double? cores))
            {
                return (true, cores);
            }
        }

        foreach (string dir in (ReadOnlySpan<string>)["sys/fs/cgroup/cpu", "sys/fs/cgroup/cpu,cpuacct"])
        {
            if (ReadText(root, dir + "/cpu.cfs_quota_us") is { } quota
                && ReadText(root, dir + "/cpu.cfs_period_us") is { } period
                && MachineInfoParsing.TryParseCfsQuota(quota, period, out double? cores))
            {
                return (true, cores);
            }
        }

        return (false, null);
    }

    /// <summary>Cores and sockets from sysfs topology, for kernels whose /proc/cpuinfo has no core ids (most ARM).</summary>
    private static (int? Cores, int? Sockets) ReadSysTopology(string root)
    {
        string cpuDir = Path.Join(root, "sys/devices/system/cpu");
        var cores = new HashSet<(string, string)>();
        var sockets = new HashSet<string>();
        try
        {
            foreach (string dir in Directory.EnumerateDirectories(cpuDir, "cpu*"))
            {
                if (!IsNumbered(Path.GetFileName(dir), "cpu"))
                {
                    continue;
                }

                string? package = ReadText(dir, "topology/physical_package_id")?.Trim();
                string? core = ReadText(dir, "topology/core_id")?.Trim();
                if (package is null || core is null)
                {
                    return (null, null);
                }

                cores.Add((package, core));
                sockets.Add(package);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, null);
        }

        return cores.Count > 0 ? (cores.Count, sockets.Count) : (null, null);
    }

    /// <summary>The size of the first CPU's cache of <paramref name="level"/> and <paramref name="type"/> (sysfs index* folders).</summary>
    private static long? ReadCache(string root, int level, string type)
    {
        string cacheDir = Path.Join(root, "sys/devices/system/cpu/cpu0/cache");
        try
        {
            if (!Directory.Exists(cacheDir))
            {
                return null;
            }

            foreach (string dir in Directory.EnumerateDirectories(cacheDir, "index*"))
            {
                if (ReadText(dir, "level")?.Trim() == level.ToString(CultureInfo.InvariantCulture)
                    && ReadText(dir, "type")?.Trim() == type
                    && ReadText(dir, "size") is { } size)
                {
                    return MachineInfoParsing.CacheSize(size);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static double? ReadKHz(string root, string path) =>
        long.TryParse(ReadText(root, path)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long khz) && khz > 0 ? khz / 1000.0 : null;

    private static int? CountNumbered(string dir, string prefix)
    {
        try
        {
            if (!Directory.Exists(dir))
            {
                return null;
            }

            int count = 0;
            foreach (string sub in Directory.EnumerateDirectories(dir, prefix + "*"))
            {
                if (IsNumbered(Path.GetFileName(sub), prefix))
                {
                    count++;
                }
            }

            return count > 0 ? count : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsNumbered(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The whole file, or null when it is missing or unreadable (a bench must never fail over a description).</summary>
    private static string? ReadText(string root, string relative)
    {
        try
        {
            string path = Path.Join(root, relative);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static string Num(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : Unknown;

    private static string Plural(int? value, string noun) => value switch
    {
        null => $"{noun}s {Unknown}",
        1 => $"1 {noun}",
        { } v => string.Create(CultureInfo.InvariantCulture, $"{v} {noun}s"),
    };

    private static string Bytes(long? bytes) => bytes switch
    {
        null => Unknown,
        { } b when b % (1L << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{b >> 20} MiB"),
        { } b => string.Create(CultureInfo.InvariantCulture, $"{b / 1024.0:0.#} KiB"),
    };

    private static string MHz(double? mhz) => mhz is { } m ? m.ToString("0", CultureInfo.InvariantCulture) + " MHz" : Unknown;

    private static string GiB(long? bytes) => bytes is { } b ? (b / (double)(1L << 30)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB" : Unknown;

    private static void WriteOptional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
