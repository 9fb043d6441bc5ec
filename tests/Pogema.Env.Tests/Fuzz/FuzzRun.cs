using System.Globalization;
using System.Text;
using CsCheck;
using Pogema.Env;

namespace Pogema.Env.Tests.Fuzz;

/// <summary>
/// Runs a loader over generated inputs and checks the input contract: every input either loads or is rejected
/// with a <see cref="PogemaInputException"/> whose message is one line naming the source; never another
/// exception type and never a hang. Inputs come from CsCheck generators driven by a fixed PCG seed, so a run
/// is the same every time; the count comes from <c>POGEMA_FUZZ_COUNT</c> (default: the test's bounded count).
/// </summary>
internal static class FuzzRun
{
    /// <summary>The seed of every fuzz run; <c>POGEMA_FUZZ_SEED</c> overrides it for longer explorations.</summary>
    public static ulong Seed =>
        ulong.TryParse(Environment.GetEnvironmentVariable("POGEMA_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)
            ? seed
            : 20261128UL;

    /// <summary>How long one input may take before it counts as a hang.</summary>
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    /// <summary>The number of inputs: <c>POGEMA_FUZZ_COUNT</c> when set, else <paramref name="bounded"/>.</summary>
    public static int Count(int bounded) =>
        int.TryParse(Environment.GetEnvironmentVariable("POGEMA_FUZZ_COUNT"), NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count > 0
            ? count
            : bounded;

    /// <summary>
    /// Generates <see cref="Count"/> inputs of <paramref name="kind"/> and loads each with <paramref name="load"/>;
    /// a rejection must name <paramref name="source"/>. Returns how many loaded and how many were rejected.
    /// </summary>
    public static FuzzTally Check<T>(string kind, Gen<T> gen, int bounded, string source, Action<T> load, Func<T, string> print) =>
        Check(kind, gen, bounded, source, load, print, message => message.Contains(source, StringComparison.Ordinal));

    /// <summary>As above, with <paramref name="namesSource"/> deciding whether a message names the file or field.</summary>
    public static FuzzTally Check<T>(string kind, Gen<T> gen, int bounded, string source, Action<T> load, Func<T, string> print, Func<string, bool> namesSource)
    {
        int count = Count(bounded);
        var pcg = new PCG((uint)kind.Length, Seed ^ (ulong)StableHash(kind));
        var tally = new FuzzTally(kind);
        for (int i = 0; i < count; i++)
        {
            T input = gen.Generate(pcg, null, out _);
            Exception? failure = RunOne(() => load(input), out bool hung);
            if (hung || failure is not (null or PogemaInputException))
            {
                Dump(kind, i, input);
            }

            if (hung)
            {
                throw new FuzzFailure(kind, i, $"did not finish within {CaseLimit.TotalSeconds} s", print(input));
            }

            switch (failure)
            {
                case null:
                    tally.Loaded++;
                    break;
                case PogemaInputException inputError:
                    string message = inputError.Message;
                    if (message.Length == 0 || message.AsSpan().IndexOfAny('\n', '\r') >= 0)
                    {
                        throw new FuzzFailure(kind, i, $"the message is not one line: {message}", print(input));
                    }

                    if (!namesSource(message))
                    {
                        throw new FuzzFailure(kind, i, $"the message does not name '{source}': {message}", print(input));
                    }

                    tally.Rejected++;
                    tally.Messages.Add(message);
                    break;
                default:
                    throw new FuzzFailure(kind, i, $"{failure.GetType().Name} instead of PogemaInputException: {failure}", print(input));
            }
        }

        FuzzReport.Add(tally);
        return tally;
    }

    /// <summary>Shows an input for a failure message: escaped, and cut when long.</summary>
    public static string Show(string text)
    {
        var builder = new StringBuilder();
        foreach (char c in text.Length > 4000 ? text[..4000] : text)
        {
            if (c == '\\')
            {
                builder.Append("\\\\");
            }
            else if (char.IsControl(c) && c != '\n')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > 4000 ? builder.Append($"... ({text.Length} chars)").ToString() : builder.ToString();
    }

    public static string Show(byte[] bytes) =>
        bytes.Length > 2000 ? $"{Convert.ToHexString(bytes, 0, 2000)}... ({bytes.Length} bytes)" : Convert.ToHexString(bytes);

    /// <summary>Writes a failing input as it was (not escaped) into <c>POGEMA_FUZZ_DUMP</c>, to replay it exactly.</summary>
    private static void Dump<T>(string kind, int index, T input)
    {
        string? folder = Environment.GetEnvironmentVariable("POGEMA_FUZZ_DUMP");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"{kind}-{index}");
        switch (input)
        {
            case string text:
                File.WriteAllText(path, text);
                break;
            case byte[] bytes:
                File.WriteAllBytes(path, bytes);
                break;
            default:
                File.WriteAllText(path, input?.ToString() ?? "null");
                break;
        }
    }

    private static Exception? RunOne(Action action, out bool hung)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            },
            maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
        };
        thread.Start();
        hung = !thread.Join(CaseLimit);
        return failure;
    }

    private static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & int.MaxValue;
    }
}
