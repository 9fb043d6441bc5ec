using BenchmarkDotNet.Running;
using Pogema.Env.Benchmarking;

namespace Pogema.Env.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point for the environment's hot paths (<c>dotnet run -c Release -- --filter *</c>).
/// <c>-- throughput [seconds] [threads]</c> instead runs the same measurement as <c>pogema bench</c> and prints its
/// Markdown table, for machines where only this small program is deployed.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "throughput")
        {
            double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2.0;
            int threads = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount;
            var runner = new BenchRunner(TimeSpan.FromSeconds(seconds), threads, message => Console.Error.WriteLine($"bench: {message}"));
            BenchReport report = runner.Run(StandardBenchScenarios.All, new BenchPlan());
            Console.Write(report.ToMarkdown());
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
