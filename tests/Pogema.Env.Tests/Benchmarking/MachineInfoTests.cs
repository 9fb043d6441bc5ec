using System.Text;
using System.Text.Json;
using Pogema.Env.Benchmarking;

namespace Pogema.Env.Tests.Benchmarking;

/// <summary>The machine description of <c>pogema bench</c>: parsing fixed Linux file contents, and reading a fake root folder.</summary>
public sealed class MachineInfoTests
{
    // Four logical processors on one socket: two cores with two hardware threads each (an x86 layout).
    private const string CpuInfo =
        "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\ncpu MHz\t\t: 2000.123\ncache size\t: 107520 KB\nphysical id\t: 0\nsiblings\t: 4\ncore id\t\t: 0\ncpu cores\t: 2\n\n" +
        "processor\t: 1\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\ncpu MHz\t\t: 3800.000\nphysical id\t: 0\ncore id\t\t: 0\n\n" +
        "processor\t: 2\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\ncpu MHz\t\t: 2000.000\nphysical id\t: 0\ncore id\t\t: 1\n\n" +
        "processor\t: 3\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Platinum 8480+\ncpu MHz\t\t: 2000.000\nphysical id\t: 0\ncore id\t\t: 1\n\n";

    // An ARM kernel's /proc/cpuinfo: no model name, no physical or core ids.
    private const string ArmCpuInfo =
        "processor\t: 0\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd4f\n\n" +
        "processor\t: 1\nBogoMIPS\t: 50.00\nCPU implementer\t: 0x41\nCPU part\t: 0xd4f\n\n";

    [Fact]
    public void ParsesCpuInfo()
    {
        Assert.Equal("Intel(R) Xeon(R) Platinum 8480+", MachineInfoParsing.CpuModel(CpuInfo));
        Assert.Equal(2000.123, MachineInfoParsing.CpuMHz(CpuInfo));
        Assert.Equal(4, MachineInfoParsing.LogicalProcessors(CpuInfo));
        Assert.Equal(2, MachineInfoParsing.PhysicalCores(CpuInfo));
        Assert.Equal(1, MachineInfoParsing.Sockets(CpuInfo));
    }

    [Fact]
    public void CpuInfoWithoutIdsGivesUnknownCoresAndModel()
    {
        Assert.Null(MachineInfoParsing.CpuModel(ArmCpuInfo));
        Assert.Null(MachineInfoParsing.CpuMHz(ArmCpuInfo));
        Assert.Equal(2, MachineInfoParsing.LogicalProcessors(ArmCpuInfo));
        Assert.Null(MachineInfoParsing.PhysicalCores(ArmCpuInfo));
        Assert.Null(MachineInfoParsing.Sockets(ArmCpuInfo));
        Assert.Null(MachineInfoParsing.LogicalProcessors(""));
    }

    [Theory]
    [InlineData("32K", 32L * 1024)]
    [InlineData("1024K", 1024L * 1024)]
    [InlineData("32768K\n", 32768L * 1024)]
    [InlineData("2M", 2L * 1024 * 1024)]
    [InlineData("512", 512L)]
    public void ParsesCacheSizes(string text, long bytes) => Assert.Equal(bytes, MachineInfoParsing.CacheSize(text));

    [Theory]
    [InlineData("")]
    [InlineData("K")]
    [InlineData("32 KB")]
    [InlineData("-32K")]
    public void RejectsOtherCacheSizes(string text) => Assert.Null(MachineInfoParsing.CacheSize(text));

    [Fact]
    public void ParsesCgroupV2CpuMax()
    {
        Assert.True(MachineInfoParsing.TryParseCpuMax("max 100000\n", out double? unlimited));
        Assert.Null(unlimited);
        Assert.True(MachineInfoParsing.TryParseCpuMax("200000 100000\n", out double? two));
        Assert.Equal(2.0, two);
        Assert.True(MachineInfoParsing.TryParseCpuMax("150000 100000", out double? oneAndHalf));
        Assert.Equal(1.5, oneAndHalf);
        Assert.False(MachineInfoParsing.TryParseCpuMax("", out _));
        Assert.False(MachineInfoParsing.TryParseCpuMax("max 0", out _));
        Assert.False(MachineInfoParsing.TryParseCpuMax("lots 100000", out _));
    }

    [Fact]
    public void ParsesCgroupV1CfsQuota()
    {
        Assert.True(MachineInfoParsing.TryParseCfsQuota("-1\n", "100000\n", out double? unlimited));
        Assert.Null(unlimited);
        Assert.True(MachineInfoParsing.TryParseCfsQuota("400000", "100000", out double? four));
        Assert.Equal(4.0, four);
        Assert.False(MachineInfoParsing.TryParseCfsQuota("400000", "0", out _));
    }

    [Theory]
    [InlineData("0-3,8-11", 8)]
    [InlineData("5", 1)]
    [InlineData("0-1\n", 2)]
    [InlineData("0,2,4-5", 4)]
    public void CountsCpuLists(string list, int count) => Assert.Equal(count, MachineInfoParsing.CpuListCount(list));

    [Theory]
    [InlineData("")]
    [InlineData("3-1")]
    [InlineData("a-b")]
    public void RejectsMalformedCpuLists(string list) => Assert.Null(MachineInfoParsing.CpuListCount(list));

    [Fact]
    public void ParsesMemInfoStatusAndOsRelease()
    {
        Assert.Equal(24683620L * 1024, MachineInfoParsing.MemTotalBytes("MemTotal:       24683620 kB\nMemFree:        1000 kB\n"));
        Assert.Null(MachineInfoParsing.MemTotalBytes("MemFree:        1000 kB\n"));
        Assert.Equal("0-1,4", MachineInfoParsing.CpusAllowedList("Name:\tpogema\nCpus_allowed:\t13\nCpus_allowed_list:\t0-1,4\n"));
        Assert.Equal("Debian GNU/Linux 12 (bookworm)", MachineInfoParsing.OsPrettyName("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"));
    }

    [Fact]
    public void ReadsEveryFieldFromARootFolder()
    {
        InTempRoot(root =>
        {
            Write(root, "proc/cpuinfo", CpuInfo);
            Write(root, "proc/meminfo", "MemTotal:       16777216 kB\n");
            Write(root, "proc/self/status", "Name:\tpogema\nCpus_allowed_list:\t0-2\n");
            Write(root, "proc/self/cgroup", "0::/bench.slice\n");
            Write(root, "proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
            Write(root, "etc/os-release", "PRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\n");
            Write(root, "sys/devices/system/cpu/online", "0-3\n");
            Write(root, "sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3800000\n");
            Write(root, "sys/devices/system/cpu/cpu0/cpufreq/base_frequency", "2000000\n");
            string[][] caches = [["1", "Data", "48K"], ["1", "Instruction", "32K"], ["2", "Unified", "2048K"], ["3", "Unified", "107520K"]];
            for (int i = 0; i < caches.Length; i++)
            {
                Write(root, $"sys/devices/system/cpu/cpu0/cache/index{i}/level", caches[i][0] + "\n");
                Write(root, $"sys/devices/system/cpu/cpu0/cache/index{i}/type", caches[i][1] + "\n");
                Write(root, $"sys/devices/system/cpu/cpu0/cache/index{i}/size", caches[i][2] + "\n");
            }

            Directory.CreateDirectory(Path.Join(root.FullName, "sys/devices/system/node/node0"));
            Directory.CreateDirectory(Path.Join(root.FullName, "sys/devices/system/node/node1"));
            Directory.CreateDirectory(Path.Join(root.FullName, "sys/devices/system/node/power"));
            // The process's own group is limited; the mount's root is not.
            Write(root, "sys/fs/cgroup/bench.slice/cpu.max", "250000 100000\n");
            Write(root, "sys/fs/cgroup/cpu.max", "max 100000\n");

            MachineInfo machine = MachineInfo.Read(root.FullName);

            Assert.Equal("Intel(R) Xeon(R) Platinum 8480+", machine.CpuModel);
            Assert.Equal((4, 2, 1, 2), (machine.LogicalProcessors, machine.PhysicalCores, machine.Sockets, machine.NumaNodes));
            Assert.Equal((48L * 1024, 2048L * 1024, 107520L * 1024), (machine.L1dCacheBytes, machine.L2CacheBytes, machine.L3CacheBytes));
            Assert.Equal((3800.0, 2000.0, 2000.123), (machine.MaxClockMHz, machine.BaseClockMHz, machine.ClockMHzAtStart));
            Assert.Equal(16L << 30, machine.MemoryBytes);
            Assert.Equal(("Ubuntu 24.04.1 LTS", "6.8.0-45-generic"), (machine.Os, machine.Kernel));
            Assert.Equal((4, 3), (machine.OnlineCpus, machine.AffinityCpus));
            Assert.True(machine.CgroupCpuQuotaRead);
            Assert.Equal(2.5, machine.CgroupCpuQuotaCores);
            Assert.True(machine.CpuLimited);
            Assert.Equal(
                "Host: Intel(R) Xeon(R) Platinum 8480+, 2 cores / 4 logical processors, 1 socket, 2 NUMA nodes; L1d 48 KiB, L2 2 MiB, L3 105 MiB; " +
                "clock max 3800 MHz, base 2000 MHz, 2000 MHz at start; memory 16.0 GiB.",
                machine.HardwareLine());
            Assert.Equal(
                $"System: Ubuntu 24.04.1 LTS, kernel 6.8.0-45-generic, {machine.Runtime} {machine.Architecture}; CPU limits: yes " +
                $"(cgroup quota 2.5 CPUs, affinity 3 of 4 online CPUs, .NET sees {Environment.ProcessorCount}).",
                machine.SystemLine());

            using JsonDocument json = ToJson(machine);
            Assert.Equal(107520L * 1024, json.RootElement.GetProperty("l3_cache_bytes").GetInt64());
            Assert.Equal(2.5, json.RootElement.GetProperty("cgroup_cpu_quota_cores").GetDouble());
            Assert.True(json.RootElement.GetProperty("cpu_limited").GetBoolean());
        });
    }

    [Fact]
    public void TopologyComesFromSysfsWhenCpuInfoHasNoIds()
    {
        InTempRoot(root =>
        {
            Write(root, "proc/cpuinfo", ArmCpuInfo);
            Write(root, "sys/devices/system/cpu/cpu0/topology/physical_package_id", "0\n");
            Write(root, "sys/devices/system/cpu/cpu0/topology/core_id", "0\n");
            Write(root, "sys/devices/system/cpu/cpu1/topology/physical_package_id", "0\n");
            Write(root, "sys/devices/system/cpu/cpu1/topology/core_id", "1\n");
            Directory.CreateDirectory(Path.Join(root.FullName, "sys/devices/system/cpu/cpufreq"));
            Write(root, "sys/fs/cgroup/cpu/cpu.cfs_quota_us", "-1\n");
            Write(root, "sys/fs/cgroup/cpu/cpu.cfs_period_us", "100000\n");

            MachineInfo machine = MachineInfo.Read(root.FullName);

            Assert.Equal("unknown", machine.CpuModel);
            Assert.Equal((2, 2, 1), (machine.LogicalProcessors, machine.PhysicalCores, machine.Sockets));
            Assert.True(machine.CgroupCpuQuotaRead);
            Assert.Null(machine.CgroupCpuQuotaCores);
        });
    }

    [Fact]
    public void MissingFilesGiveUnknownNotAnException()
    {
        InTempRoot(root =>
        {
            MachineInfo machine = MachineInfo.Read(root.FullName);

            Assert.Equal(("unknown", "unknown"), (machine.CpuModel, machine.Kernel));
            Assert.Null(machine.LogicalProcessors);
            Assert.Null(machine.PhysicalCores);
            Assert.Null(machine.Sockets);
            Assert.Null(machine.NumaNodes);
            Assert.Null(machine.L1dCacheBytes);
            Assert.Null(machine.L3CacheBytes);
            Assert.Null(machine.MaxClockMHz);
            Assert.Null(machine.ClockMHzAtStart);
            Assert.Null(machine.MemoryBytes);
            Assert.Null(machine.OnlineCpus);
            Assert.Null(machine.AffinityCpus);
            Assert.False(machine.CgroupCpuQuotaRead);
            Assert.False(machine.CpuLimited);
            Assert.Equal(Environment.ProcessorCount, machine.DotnetProcessorCount);
            Assert.Equal(
                "Host: unknown, unknown cores / unknown logical processors, sockets unknown, NUMA nodes unknown; L1d unknown, L2 unknown, L3 unknown; " +
                "clock max unknown, base unknown, unknown at start; memory unknown.",
                machine.HardwareLine());
            Assert.Contains("kernel unknown", machine.SystemLine());
            Assert.Contains("(cgroup quota unknown, affinity unknown of unknown online CPUs", machine.SystemLine());

            using JsonDocument json = ToJson(machine);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("physical_cores").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cgroup_cpu_quota_cores").ValueKind);
            Assert.Equal("unknown", json.RootElement.GetProperty("cpu_model").GetString());
        });
    }

    /// <summary>Runs <paramref name="test"/> on an empty folder standing in for the file system's root, then deletes it.</summary>
    private static void InTempRoot(Action<DirectoryInfo> test)
    {
        DirectoryInfo root = Directory.CreateTempSubdirectory("pogema-machine-");
        try
        {
            test(root);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void Write(DirectoryInfo root, string relative, string text)
    {
        string path = Path.Join(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static JsonDocument ToJson(MachineInfo machine)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            machine.WriteJson(writer);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
