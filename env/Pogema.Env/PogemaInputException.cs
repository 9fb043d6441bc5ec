namespace Pogema.Env;

/// <summary>
/// A mistake in user input (a config field, a map file, an action list, a recording, a checkpoint).
/// The message is one line that names the source (file, field or line) and the problem; the command-line
/// program prints it without a stack trace and exits with code 2.
/// </summary>
public class PogemaInputException : Exception
{
    public PogemaInputException(string message)
        : base(message)
    {
    }

    public PogemaInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
