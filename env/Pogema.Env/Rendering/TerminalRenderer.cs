using System.Text;
using Pogema.Env.Recording;

namespace Pogema.Env.Rendering;

/// <summary>
/// Draws one frame of a recorded episode as text for a terminal: obstacles as blocks, agents as filled dots and
/// their targets as rings in the agent's colour (24-bit ANSI colour), a double ring where an agent stands on its
/// target. Without colour, agents are letters and targets the matching upper-case letters.
/// </summary>
public static class TerminalRenderer
{
    private const string Reset = "\u001b[0m";

    /// <summary>Renders frame <paramref name="t"/> (0 = after reset) with a one-line caption.</summary>
    public static string RenderFrame(EpisodeRecording recording, int t, bool color)
    {
        EpisodeHeader h = recording.Header;
        ReadOnlySpan<int> positions = recording.PositionsAt(t);
        ReadOnlySpan<int> targets = recording.TargetsAt(t);
        var agentAt = new int[h.Height * h.Width];
        var targetAt = new int[h.Height * h.Width];
        Array.Fill(agentAt, -1);
        Array.Fill(targetAt, -1);
        for (int i = h.NumAgents - 1; i >= 0; i--)
        {
            if (!recording.IsActiveAt(t, i))
            {
                continue;
            }

            agentAt[(positions[2 * i] * h.Width) + positions[(2 * i) + 1]] = i;
            targetAt[(targets[2 * i] * h.Width) + targets[(2 * i) + 1]] = i;
        }

        var sb = new StringBuilder();
        sb.Append($"step {t}/{recording.Steps.Count}  agents {h.NumAgents}  policy {h.PolicyName}");
        if (t > 0)
        {
            int active = 0;
            float reward = 0;
            for (int i = 0; i < h.NumAgents; i++)
            {
                active += recording.Steps[t - 1].Active[i] ? 1 : 0;
                reward += recording.Steps[t - 1].Rewards[i];
            }

            sb.Append($"  active {active}  reward {reward:0.###}");
        }

        sb.Append('\n');
        for (int r = 0; r < h.Height; r++)
        {
            for (int c = 0; c < h.Width; c++)
            {
                int cell = (r * h.Width) + c;
                int agent = agentAt[cell];
                int target = targetAt[cell];
                if (h.IsObstacle(r, c))
                {
                    sb.Append(color ? "\u001b[38;2;132;161;174m██" + Reset : "##");
                }
                else if (agent >= 0)
                {
                    bool onOwnTarget = target == agent;
                    AppendGlyph(sb, agent, onOwnTarget ? "◉ " : "● ", Letter(agent, upper: false), color);
                }
                else if (target >= 0)
                {
                    AppendGlyph(sb, target, "○ ", Letter(target, upper: true), color);
                }
                else
                {
                    sb.Append(color ? "\u001b[38;2;200;200;200m· " + Reset : ". ");
                }
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void AppendGlyph(StringBuilder sb, int agent, string glyph, char letter, bool color)
    {
        if (!color)
        {
            sb.Append(letter).Append(' ');
            return;
        }

        var (r, g, b) = AgentPalette.Rgb(AgentPalette.ColorOf(agent));
        sb.Append($"\u001b[38;2;{r};{g};{b}m").Append(glyph).Append(Reset);
    }

    private static char Letter(int agent, bool upper)
    {
        char c = (char)('a' + (agent % 26));
        return upper ? char.ToUpperInvariant(c) : c;
    }
}
