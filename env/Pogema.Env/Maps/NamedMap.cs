namespace Pogema.Env.Maps;

/// <summary>
/// A map under its name, as POGEMA's string format: rows separated by newlines, <c>.</c> free, <c>#</c> obstacle,
/// <c>@</c> possible start, <c>$</c> possible goal, <c>!</c> free but neither, letters for fixed agents and goals.
/// </summary>
/// <param name="Name">The name researchers select it by (for example <c>validation-mazes-seed-007</c>).</param>
/// <param name="Text">The map string, rows joined by <c>\n</c>, no trailing newline.</param>
/// <param name="MaxEpisodeSteps">
/// An episode length that belongs to this map rather than to its set (the bottleneck test maps use 2L + 100);
/// null when the set's protocol decides.
/// </param>
public sealed record NamedMap(string Name, string Text, int? MaxEpisodeSteps = null)
{
    /// <summary>Number of rows.</summary>
    public int Height => MapText.CountRows(Text);

    /// <summary>Number of columns (all rows have the same length).</summary>
    public int Width => MapText.CountColumns(Text);
}
