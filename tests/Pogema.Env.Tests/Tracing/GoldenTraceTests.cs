using System.Text.Json;
using Pogema.Env.Tracing;

namespace Pogema.Env.Tests.Tracing;

/// <summary>
/// Traces recorded from the Python POGEMA (the reference script, see docs/parity.md): each case is replayed through
/// the <c>pogema trace</c> logic and must match key by key, observations included.
/// </summary>
public sealed class GoldenTraceTests
{
    private static readonly string GoldenDirectory = Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(GoldenDirectory, "*.case.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".case.json".Length]);
        }

        return data;
    }

    [Fact]
    public void GoldenCasesArePresent() => Assert.True(Cases().Count >= 10);

    [Theory]
    [MemberData(nameof(Cases))]
    public void TraceMatchesPogema(string name)
    {
        string casePath = Path.Combine(GoldenDirectory, name + ".case.json");
        using JsonDocument expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(GoldenDirectory, name + ".expected.json")));
        if (expected.RootElement.TryGetProperty("error", out _))
        {
            Assert.Throws<PogemaInputException>(() => TraceRunner.RunCase(casePath));
            return;
        }

        using JsonDocument actual = JsonDocument.Parse(TraceRunner.RunCase(casePath));
        Assert.Null(JsonComparer.FirstDifference(expected.RootElement, actual.RootElement, name));
    }
}
