using System.Globalization;

namespace Pogema.Env.Benchmarking;

/// <summary>
/// Parses the Linux text files <see cref="MachineInfo"/> reads (/proc/cpuinfo, /proc/meminfo, cache sizes, cgroup
/// CPU limits, CPU lists). Each returns null for text it does not understand, so an unusual kernel gives "unknown",
/// never an exception.
/// </summary>
public static class MachineInfoParsing
{
    /// <summary>The first <c>model name</c> of /proc/cpuinfo (x86; most ARM kernels have none).</summary>
    public static string? CpuModel(string cpuinfo) => FirstValue(cpuinfo, "model name");

    /// <summary>The first <c>cpu MHz</c> of /proc/cpuinfo: the clock when it was read, not the maximum.</summary>
    public static double? CpuMHz(string cpuinfo) =>
        double.TryParse(FirstValue(cpuinfo, "cpu MHz"), NumberStyles.Float, CultureInfo.InvariantCulture, out double mhz) && mhz > 0 ? mhz : null;

    /// <summary>How many <c>processor</c> entries /proc/cpuinfo lists (the online logical processors).</summary>
    public static int? LogicalProcessors(string cpuinfo)
    {
        int count = 0;
        foreach ((string key, _) in Fields(cpuinfo))
        {
            if (key == "processor")
            {
                count++;
            }
        }

        return count > 0 ? count : null;
    }

    /// <summary>Distinct (<c>physical id</c>, <c>core id</c>) pairs of /proc/cpuinfo; null when a processor lacks either.</summary>
    public static int? PhysicalCores(string cpuinfo)
    {
        var cores = new HashSet<(string Package, string Core)>();
        foreach ((string? package, string? core) in Topology(cpuinfo))
        {
            if (package is null || core is null)
            {
                return null;
            }

            cores.Add((package, core));
        }

        return cores.Count > 0 ? cores.Count : null;
    }

    /// <summary>Distinct <c>physical id</c> values of /proc/cpuinfo (sockets); null when a processor lacks one.</summary>
    public static int? Sockets(string cpuinfo)
    {
        var packages = new HashSet<string>();
        foreach ((string? package, _) in Topology(cpuinfo))
        {
            if (package is null)
            {
                return null;
            }

            packages.Add(package);
        }

        return packages.Count > 0 ? packages.Count : null;
    }

    /// <summary>A cache size as sysfs writes it (<c>32K</c>, <c>1024K</c>, <c>32768K</c>, also <c>M</c>, <c>G</c> or plain bytes) in bytes.</summary>
    public static long? CacheSize(string text)
    {
        string s = text.Trim();
        long unit = 1;
        if (s.Length > 0 && char.ToUpperInvariant(s[^1]) is 'K' or 'M' or 'G')
        {
            unit = char.ToUpperInvariant(s[^1]) switch
            {
                'K' => 1L << 10,
                'M' => 1L << 20,
                _ => 1L << 30,
            };
            s = s[..^1];
        }

        return long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0 ? n * unit : null;
    }

    /// <summary>
    /// The cgroup v2 <c>cpu.max</c> line (<c>max 100000</c>: no limit; <c>200000 100000</c>: 2 CPUs). True with a null
    /// quota when unlimited; false for text that is neither.
    /// </summary>
    public static bool TryParseCpuMax(string text, out double? cores)
    {
        cores = null;
        string[] parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2)
        {
            return false;
        }

        long period = 100_000;
        if (parts.Length == 2 && (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out period) || period <= 0))
        {
            return false;
        }

        if (parts[0] == "max")
        {
            return true;
        }

        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long quota) || quota <= 0)
        {
            return false;
        }

        cores = (double)quota / period;
        return true;
    }

    /// <summary>
    /// The cgroup v1 pair <c>cpu.cfs_quota_us</c> (<c>-1</c>: no limit) and <c>cpu.cfs_period_us</c>, with the same
    /// meaning as <see cref="TryParseCpuMax"/>.
    /// </summary>
    public static bool TryParseCfsQuota(string quotaText, string periodText, out double? cores)
    {
        cores = null;
        if (!long.TryParse(quotaText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long quota)
            || !long.TryParse(periodText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long period)
            || period <= 0)
        {
            return false;
        }

        if (quota < 0)
        {
            return true;
        }

        if (quota == 0)
        {
            return false;
        }

        cores = (double)quota / period;
        return true;
    }

    /// <summary>How many CPUs a kernel CPU list names (<c>0-3,8-11</c>: 8; <c>5</c>: 1).</summary>
    public static int? CpuListCount(string list)
    {
        int count = 0;
        foreach (string range in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int dash = range.IndexOf('-');
            if (dash < 0)
            {
                if (!int.TryParse(range, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return null;
                }

                count++;
                continue;
            }

            if (!int.TryParse(range.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int first)
                || !int.TryParse(range.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int last)
                || last < first)
            {
                return null;
            }

            count += last - first + 1;
        }

        return count > 0 ? count : null;
    }

    /// <summary><c>MemTotal</c> of /proc/meminfo in bytes.</summary>
    public static long? MemTotalBytes(string meminfo)
    {
        string? value = FirstValue(meminfo, "MemTotal");
        if (value is null)
        {
            return null;
        }

        string[] parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long unit = parts.Length == 2 && parts[1] == "kB" ? 1024 : parts.Length == 1 ? 1 : 0;
        return unit > 0 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n * unit : null;
    }

    /// <summary>The value of <c>Cpus_allowed_list</c> in /proc/self/status (the process's affinity).</summary>
    public static string? CpusAllowedList(string status) => FirstValue(status, "Cpus_allowed_list");

    /// <summary><c>PRETTY_NAME</c> of /etc/os-release, unquoted.</summary>
    public static string? OsPrettyName(string osRelease)
    {
        foreach (string line in osRelease.Split('\n'))
        {
            if (line.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
            {
                string value = line["PRETTY_NAME=".Length..].Trim().Trim('"', '\'');
                return value.Length > 0 ? value : null;
            }
        }

        return null;
    }

    private static string? FirstValue(string text, string key)
    {
        foreach ((string k, string v) in Fields(text))
        {
            if (k == key)
            {
                return v.Length > 0 ? v : null;
            }
        }

        return null;
    }

    /// <summary>(physical id, core id) of each processor entry, in order; either is null when the entry lacks it.</summary>
    private static List<(string? Package, string? Core)> Topology(string cpuinfo)
    {
        var entries = new List<(string? Package, string? Core)>();
        foreach ((string key, string value) in Fields(cpuinfo))
        {
            if (key == "processor")
            {
                entries.Add((null, null));
            }
            else if (entries.Count > 0 && key == "physical id")
            {
                entries[^1] = (value, entries[^1].Core);
            }
            else if (entries.Count > 0 && key == "core id")
            {
                entries[^1] = (entries[^1].Package, value);
            }
        }

        return entries;
    }

    /// <summary>The <c>key : value</c> lines of a /proc file (tabs and spaces around the colon trimmed).</summary>
    private static IEnumerable<(string Key, string Value)> Fields(string text)
    {
        foreach (string line in text.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                yield return (line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
    }
}
