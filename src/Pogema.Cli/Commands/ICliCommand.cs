using System.CommandLine;

namespace Pogema.Cli.Commands;

/// <summary>
/// One verb of the <c>pogema</c> program. Implementations only parse and validate options and call the
/// libraries; <see cref="Program"/> finds them by reflection so each verb lives in its own file.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command with its options and action.</summary>
    Command Build();
}
