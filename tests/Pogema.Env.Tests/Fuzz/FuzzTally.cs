namespace Pogema.Env.Tests.Fuzz;

/// <summary>How many inputs of one kind loaded and how many were rejected with a one-line input error.</summary>
internal sealed class FuzzTally(string kind)
{
    public string Kind { get; } = kind;

    public int Loaded { get; set; }

    public int Rejected { get; set; }

    public int Total => Loaded + Rejected;

    /// <summary>The rejection messages, to check that fuzzing reached the checks it is meant to reach.</summary>
    public List<string> Messages { get; } = [];
}
