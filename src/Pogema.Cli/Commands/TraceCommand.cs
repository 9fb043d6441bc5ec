using System.CommandLine;
using Pogema.Env;
using Pogema.Env.Tracing;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema trace</c>: runs scripted episodes and writes what happened, to check parity with POGEMA.
/// Single form: <c>--config CONFIG.json --actions ACTIONS.json --output TRACE.json [--observations]</c>.
/// Batch form: <c>--cases DIR --output-dir DIR</c>.
/// </summary>
public sealed class TraceCommand : ICliCommand
{
    public Command Build()
    {
        var config = new Option<string?>("--config") { Description = "GridConfig JSON (POGEMA's snake_case fields)" };
        var actions = new Option<string?>("--actions") { Description = "JSON array of steps, each an array of num_agents actions 0..4" };
        var output = new Option<string?>("--output") { Description = "trace JSON to write (only when the run succeeds)" };
        var observations = new Option<bool>("--observations")
        {
            Description = "also record every agent's observation after reset and after each step",
            DefaultValueFactory = _ => false,
        };
        var cases = new Option<string?>("--cases") { Description = "batch: folder of NAME.json cases {\"config\", \"actions\", \"observations\"}" };
        var outputDir = new Option<string?>("--output-dir") { Description = "batch: folder for the NAME.json traces (or {\"error\": message})" };

        var command = new Command("trace", "Run scripted episodes and write their traces (positions, goals, rewards, flags, observations, metrics) to compare with POGEMA.");
        command.Options.Add(config);
        command.Options.Add(actions);
        command.Options.Add(output);
        command.Options.Add(observations);
        command.Options.Add(cases);
        command.Options.Add(outputDir);
        command.SetAction(parseResult =>
        {
            string? casesDir = parseResult.GetValue(cases);
            if (casesDir is not null)
            {
                string outDir = parseResult.GetValue(outputDir)
                    ?? throw new PogemaInputException("--output-dir: missing; the batch form is --cases DIR --output-dir DIR");
                if (parseResult.GetValue(config) is not null || parseResult.GetValue(actions) is not null)
                {
                    throw new PogemaInputException("--cases: use either --cases/--output-dir or --config/--actions/--output, not both");
                }

                (int count, int invalid) = TraceRunner.RunBatch(casesDir, outDir);
                Console.Error.WriteLine($"traced {count - invalid} cases, {invalid} invalid, into {outDir}");
                return 0;
            }

            string configPath = parseResult.GetValue(config)
                ?? throw new PogemaInputException("--config: missing; use --config CONFIG.json --actions ACTIONS.json --output TRACE.json, or --cases DIR --output-dir DIR");
            string actionsPath = parseResult.GetValue(actions)
                ?? throw new PogemaInputException("--actions: missing; give a JSON array of steps, each an array of num_agents actions 0..4");
            string outputPath = parseResult.GetValue(output)
                ?? throw new PogemaInputException("--output: missing; give the trace file to write");
            TraceRunner.RunFiles(configPath, actionsPath, outputPath, parseResult.GetValue(observations));
            return 0;
        });
        return command;
    }
}
