using System.CommandLine;
using Pogema.Env;
using Pogema.Env.IO;
using Pogema.Env.Recording;
using Pogema.Env.Rendering;

namespace Pogema.Cli.Commands;

/// <summary>
/// <c>pogema replay FILE</c>: turns a recorded episode into an animated SVG (default), plays it in the terminal,
/// or exports it as trace JSON.
/// </summary>
public sealed class ReplayCommand : ICliCommand
{
    /// <inheritdoc/>
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "A recording written by 'pogema eval --record' or 'pogema train --record' (.pogrec)." };
        var output = new Option<string?>("--output", "-o") { Description = "SVG file to write (default: FILE with the extension .svg)." };
        var egocentric = new Option<int?>("--egocentric") { Description = "Follow this agent: its field of view, what it has seen, only its target." };
        var frame = new Option<int?>("--frame") { Description = "Draw the still frame at step t (0 = after reset) instead of an animation." };
        var noGrid = new Option<bool>("--no-grid") { Description = "Leave out the grid lines." };
        var secondsPerStep = new Option<double>("--seconds-per-step") { Description = "Animation speed of the SVG.", DefaultValueFactory = _ => 0.25 };
        var terminal = new Option<bool>("--terminal") { Description = "Play the episode in the terminal instead of writing an SVG." };
        var noAnimate = new Option<bool>("--no-animate") { Description = "With --terminal: print every frame one after another instead of animating in place." };
        var fps = new Option<double>("--fps") { Description = "With --terminal: frames per second.", DefaultValueFactory = _ => 4.0 };
        var noColor = new Option<bool>("--no-color") { Description = "With --terminal: letters instead of coloured dots." };
        var json = new Option<string?>("--json") { Description = "Write the episode as JSON in the 'pogema trace' format to this file." };

        var command = new Command("replay", "Replay a recorded episode: animated SVG (like POGEMA's), terminal playback, or trace JSON.");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { output, egocentric, frame, noGrid, secondsPerStep, terminal, noAnimate, fps, noColor, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            string path = parse.GetValue(file)!;
            EpisodeRecording recording = RecordingReader.Read(path);
            string? jsonPath = parse.GetValue(json);
            if (jsonPath is not null)
            {
                RecordingTraceExporter.Export(recording, jsonPath);
                Console.WriteLine($"wrote {jsonPath}");
            }

            if (parse.GetValue(terminal))
            {
                PlayInTerminal(recording, parse.GetValue(frame), parse.GetValue(noAnimate), parse.GetValue(fps), !parse.GetValue(noColor));
                return 0;
            }

            if (jsonPath is not null && parse.GetValue(output) is null && parse.GetValue(frame) is null && parse.GetValue(egocentric) is null)
            {
                return 0;
            }

            double seconds = parse.GetValue(secondsPerStep);
            if (!(seconds > 0))
            {
                throw new PogemaInputException($"--seconds-per-step {seconds}: must be positive");
            }

            var options = new SvgRenderOptions
            {
                ShowGrid = !parse.GetValue(noGrid),
                EgocentricAgent = parse.GetValue(egocentric),
                StaticFrame = parse.GetValue(frame),
                SecondsPerStep = seconds,
            };
            string svg = SvgAnimationRenderer.Render(recording, options);
            string svgPath = parse.GetValue(output) ?? Path.ChangeExtension(path, ".svg");
            AtomicFile.WriteAllBytes(svgPath, System.Text.Encoding.UTF8.GetBytes(svg));
            Console.WriteLine($"wrote {svgPath}");
            return 0;
        });
        return command;
    }

    private static void PlayInTerminal(EpisodeRecording recording, int? onlyFrame, bool noAnimate, double fps, bool color)
    {
        int frames = recording.Steps.Count + 1;
        if (onlyFrame is int f)
        {
            if (f < 0 || f >= frames)
            {
                throw new PogemaInputException($"--frame {f}: the recording has frames 0..{frames - 1}");
            }

            Console.Write(TerminalRenderer.RenderFrame(recording, f, color));
            return;
        }

        if (!(fps > 0))
        {
            throw new PogemaInputException($"--fps {fps}: must be positive");
        }

        bool animate = !noAnimate && !Console.IsOutputRedirected;
        var delay = TimeSpan.FromSeconds(1.0 / fps);
        for (int t = 0; t < frames; t++)
        {
            if (animate)
            {
                Console.Write("\u001b[H\u001b[2J");
            }

            Console.Write(TerminalRenderer.RenderFrame(recording, t, color));
            if (animate)
            {
                Thread.Sleep(delay);
            }
            else
            {
                Console.WriteLine();
            }
        }

        if (recording.Metrics is { } metrics)
        {
            Console.WriteLine(string.Join("  ", metrics.Select(m => $"{m.Key} {m.Value:0.####}")));
        }
    }
}
