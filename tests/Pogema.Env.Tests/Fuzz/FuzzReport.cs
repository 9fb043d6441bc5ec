using System.Globalization;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// Appends one line per finished fuzz kind (<c>kind,tried,loaded,rejected</c>) to the file named by
/// <c>POGEMA_FUZZ_REPORT</c>, so the long run in <c>scripts/fuzz.sh</c> can print its figures.
/// </summary>
internal static class FuzzReport
{
    private static readonly object Gate = new();

    public static void Add(FuzzTally tally)
    {
        string? path = Environment.GetEnvironmentVariable("POGEMA_FUZZ_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        string line = string.Create(CultureInfo.InvariantCulture, $"{tally.Kind},{tally.Total},{tally.Loaded},{tally.Rejected}\n");
        lock (Gate)
        {
            File.AppendAllText(path, line);
        }
    }
}
