using System.Text;

namespace Pogema.Env;

/// <summary>
/// A mistake in user input (a config field, a map file, an action list, a recording, a checkpoint).
/// The message is one line that names the source (file, field or line) and the problem; the command-line
/// program prints it without a stack trace and exits with code 2.
/// </summary>
public class PogemaInputException : Exception
{
    /// <summary>Longest message kept; longer ones lose their middle, so the source and what is allowed stay.</summary>
    public const int MaxMessageLength = 2000;

    public PogemaInputException(string message)
        : base(OneLine(message))
    {
    }

    public PogemaInputException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    /// <summary>
    /// The message as one printable line: messages quote the user's input (a map row, a key, a parser's own
    /// message), which may hold line breaks or control characters, and a huge input must not flood the terminal.
    /// </summary>
    public static string OneLine(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return "invalid input";
        }

        var builder = new StringBuilder(Math.Min(message.Length, MaxMessageLength + 16));
        foreach (char c in message)
        {
            switch (c)
            {
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        if (builder.Length <= MaxMessageLength)
        {
            return builder.ToString();
        }

        const string Gap = " ... ";
        int tail = MaxMessageLength / 4;
        int head = MaxMessageLength - tail - Gap.Length;
        string text = builder.ToString();
        return string.Concat(text.AsSpan(0, head), Gap, text.AsSpan(text.Length - tail));
    }
}
