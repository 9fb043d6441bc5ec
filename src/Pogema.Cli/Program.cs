using System.CommandLine;
using System.Reflection;
using Pogema.Cli.Commands;
using Pogema.Env;

namespace Pogema.Cli;

/// <summary>Entry point of the <c>pogema</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for a user mistake (bad config, map, file or flag).</summary>
    public const int InputErrorExitCode = 2;

    public static int Main(string[] args)
    {
        var root = BuildRootCommand();
        try
        {
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (FindInputError(ex) is { } inputError)
        {
            Console.Error.WriteLine($"error: {inputError.Message}");
            return InputErrorExitCode;
        }
        catch (Exception ex) when (FindMachineError(ex) is { } machineError)
        {
            // A full disk, a read-only folder, a missing permission, a native library that cannot load; parallel work
            // wraps it in an AggregateException.
            Console.Error.WriteLine($"error: {PogemaInputException.OneLine(machineError.Message)}");
            return 1;
        }
    }

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Pogema.Net: a fast POGEMA environment, SRMT agents trained by PPO, evaluation and replay.");
        var commandTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in commandTypes)
        {
            var command = (ICliCommand)Activator.CreateInstance(type)!;
            root.Subcommands.Add(command.Build());
        }

        return root;
    }

    private static Exception? FindMachineError(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is IOException or UnauthorizedAccessException or DllNotFoundException)
            {
                return e;
            }
        }

        return null;
    }

    private static PogemaInputException? FindInputError(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is PogemaInputException input)
            {
                return input;
            }
        }

        return null;
    }
}
